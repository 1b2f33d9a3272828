package statescope;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The package layering of docs/architecture.md: dependencies point downward only. Each package named
 * there has a rule saying which of the project's packages it may import (and which libraries it may
 * not). A rule whose package has no class fails (a renamed or moved package must not pass unchecked).
 * The {@code analysis} rule covers its subpackages {@code analysis.probe} and
 * {@code analysis.extract}.
 */
@AnalyzeClasses(packages = "statescope", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    /** Libraries only the app's views use. */
    private static final String[] DESKTOP = {"javafx..", "org.controlsfx..", "atlantafx..", "org.jfree..", "java.awt.."};

    /**
     * Classes of {@code pkg} (and its subpackages) import no project package but {@code pkg} and
     * {@code mayImport}, and none of {@code never}.
     */
    private static ArchRule onlyImports(String pkg, String[] mayImport, String... never) {
        String[] own = Stream.concat(Stream.of(pkg), Arrays.stream(mayImport)).map(p -> "statescope." + p + "..")
                .toArray(String[]::new);
        var rule = noClasses().that().resideInAPackage("statescope." + pkg + "..")
                .should().dependOnClassesThat(resideInAPackage("statescope..").and(not(resideInAnyPackage(own))));
        if (never.length > 0) {
            rule = rule.orShould().dependOnClassesThat().resideInAnyPackage(never);
        }
        return rule.allowEmptyShould(false)
                .as("statescope." + pkg + " imports only " + String.join(", ", mayImport)
                        + (never.length > 0 ? " and never " + String.join(", ", never) : ""));
    }

    private static String[] may(String... packages) {
        return packages;
    }

    private static String[] plus(String[] a, String... b) {
        return Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(String[]::new);
    }

    @ArchTest
    static final ArchRule filesAtTheBottom = onlyImports("io", may(), plus(DESKTOP, "org.nd4j.."));

    @ArchTest
    static final ArchRule langIsPure = onlyImports("lang", may("io"), plus(DESKTOP, "org.nd4j.."));

    @ArchTest
    static final ArchRule modelSeesOnlyTokenIds = onlyImports("ssm", may("io"), DESKTOP);

    @ArchTest
    static final ArchRule gpuOnlyUsesSsm = noClasses().that().resideInAPackage("statescope.ssm.gpu..")
            .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..");

    @ArchTest
    static final ArchRule trainBuildsOnSsmOnly = onlyImports("train", may("ssm", "io"), DESKTOP);

    @ArchTest
    static final ArchRule experimentIsHeadless = onlyImports("experiment", may("lang", "ssm", "train", "io"), DESKTOP);

    @ArchTest
    static final ArchRule inspectBuildsOnLangAndSsm = onlyImports("inspect", may("lang", "ssm", "io"), DESKTOP);

    @ArchTest
    static final ArchRule constructBuildsOnLangAndSsm = onlyImports("construct", may("lang", "ssm", "io"), DESKTOP);

    @ArchTest
    static final ArchRule exportIsHeadless = onlyImports("export", may("lang", "ssm", "inspect", "io"), DESKTOP);

    @ArchTest
    static final ArchRule analysisIsHeadless = onlyImports("analysis", may("lang", "ssm", "train", "inspect", "io"), DESKTOP);

    @ArchTest
    static final ArchRule onlyProbesUseNd4j = noClasses().that().resideOutsideOfPackage("statescope.analysis.probe..")
            .should().dependOnClassesThat().resideInAPackage("org.nd4j..")
            .as("in the main code only statescope.analysis.probe imports ND4J (docs/decisions/0009)");

    @ArchTest
    static final ArchRule benchBuildsOnTheEngine = onlyImports("bench", may("lang", "ssm", "train", "io"), DESKTOP);

    @ArchTest
    static final ArchRule onlyTheCliRunsBenchmarks = noClasses()
            .that().resideOutsideOfPackages("statescope.bench..", "statescope.cli..")
            .should().dependOnClassesThat().resideInAPackage("statescope.bench..");

    @ArchTest
    static final ArchRule constructBuildsOnLangAndSsmOnly = noClasses().that().resideInAPackage("statescope.construct..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "statescope.train..", "statescope.study..", "statescope.cli..", "statescope.ui..",
                    "javafx..", "org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule cliIsHeadless = noClasses().that().resideInAPackage("statescope.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(plus(DESKTOP, "statescope.ui.."));

    @ArchTest
    static final ArchRule viewsDoNotTrain = noClasses().that().resideInAPackage("statescope.ui..")
            .should().dependOnClassesThat().resideInAPackage("statescope.experiment..");

    @ArchTest
    static final ArchRule onlyChartsTouchJFreeAndAwt = noClasses().that().resideOutsideOfPackage("statescope.ui.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jfree..", "java.awt..");

    @ArchTest
    static final ArchRule viewModelsHaveNoNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..");

    @ArchTest
    static final ArchRule noImportLoopsBetweenPackages = slices().matching("statescope.(*)..").should().beFreeOfCycles();
}
