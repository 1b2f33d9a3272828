package statescope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The kernel family's rule: the Java Vector API (an incubator module that may be absent) is used only
 * by the vector twins, and they are reached only through {@code ssm.VectorSupport}, the one place that
 * decides which kernels run (it loads them by name), so a JVM without the module never loads them.
 */
@AnalyzeClasses(packages = "statescope", importOptions = ImportOption.DoNotIncludeTests.class)
class VectorApiConfinementTest {

    /** The vector twins (and their nested classes). */
    static final String VECTOR_TWINS =
            "statescope\\.(ssm\\.(VectorMath|VectorScan|VectorPolyMath)|train\\.VectorTrainMath|inspect\\.VectorProjectionKernel)(\\$.*)?";

    @ArchTest
    static final ArchRule onlyTheVectorTwinsUseTheVectorApi = noClasses().that().haveNameNotMatching(VECTOR_TWINS)
            .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..");

    @ArchTest
    static final ArchRule nothingButTheVectorTwinsLinksToThem = noClasses().that().haveNameNotMatching(VECTOR_TWINS)
            .should().dependOnClassesThat().haveNameMatching(VECTOR_TWINS);
}
