package statescope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package layering of DESIGN.md: dependencies point downward only. */
@AnalyzeClasses(packages = "statescope", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule langIsPure = noClasses().that().resideInAPackage("statescope.lang..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "statescope.ssm..", "statescope.train..", "statescope.study..", "statescope.cli..",
                    "statescope.ui..", "javafx..", "org.nd4j..", "org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule modelSeesOnlyTokenIds = noClasses().that().resideInAPackage("statescope.ssm..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "statescope.lang..", "statescope.train..", "statescope.study..", "statescope.cli..",
                    "statescope.ui..", "javafx..", "org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule gpuOnlyUsesSsm = noClasses().that().resideInAPackage("statescope.ssm.gpu..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..");

    @ArchTest
    static final ArchRule trainBuildsOnSsmOnly = noClasses().that().resideInAPackage("statescope.train..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "statescope.lang..", "statescope.study..", "statescope.cli..", "statescope.ui..",
                    "javafx..", "org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule studyIsHeadless = noClasses().that().resideInAPackage("statescope.study..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "statescope.cli..", "statescope.ui..", "javafx..", "org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule constructBuildsOnLangAndSsmOnly = noClasses().that().resideInAPackage("statescope.construct..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "statescope.train..", "statescope.study..", "statescope.cli..", "statescope.ui..",
                    "javafx..", "org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule cliIsHeadless = noClasses().that().resideInAPackage("statescope.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("statescope.ui..", "javafx..", "org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule onlyChartsTouchJFreeAndAwt = noClasses().that().resideOutsideOfPackage("statescope.ui.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule viewModelsHaveNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .allowEmptyShould(true);
}
