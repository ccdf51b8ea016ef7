package dev.mapper;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.mapper.archfixture.Stray;
import dev.mapper.cache.archfixture.CacheCallingLoad;
import dev.mapper.index.archfixture.IndexReachingOut;
import dev.mapper.model.archfixture.ModelReachingOut;
import dev.mapper.pull.archfixture.PullUsingIndex;
import dev.mapper.render.archfixture.RenderReachingUp;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The architecture of docs/architecture.md as rules over mapper's main classes: a dependency that breaks one fails
 * the build with the rule, its reason and each offending line. Each rule is also shown to fail on a class that
 * breaks it (the {@code archfixture} packages of the tests), so that none passes by matching nothing.
 */
@AnalyzeClasses(packages = "dev.mapper", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package of mapper. {@code pull} (fetching official data) may use load and model, never index, render or cli. */
    static final List<String> PACKAGES = List.of("model", "load", "cache", "index", "render", "cli", "pull");

    @ArchTest
    static final ArchRule everyPackageIsKnown = classes()
            .should().resideInAnyPackage(PACKAGES.stream().map(p -> "dev.mapper." + p + "..").toArray(String[]::new))
            .because("every package of mapper has a place in docs/architecture.md and in ArchitectureTest: add a new "
                    + "one to ArchitectureTest.PACKAGES, with rules for what it may use, and to docs/architecture.md");

    @ArchTest
    static final ArchRule modelDependsOnNoOtherPackage = noClasses().that().resideInAPackage("dev.mapper.model..")
            .should().dependOnClassesThat(resideInAPackage("dev.mapper..")
                    .and(resideOutsideOfPackage("dev.mapper.model.."))
                    .as("reside in another package of mapper"))
            .because("model holds the records every layer shares, so it can know none of them");

    @ArchTest
    static final ArchRule onlyCliDependsOnCli = noClasses().that().resideOutsideOfPackage("dev.mapper.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.mapper.cli..")
            .because("cli is the top layer: it composes load, index and render, and none of them knows it");

    @ArchTest
    static final ArchRule indexDependsOnlyOnModel = dependsOnlyOnModel("index",
            "the index answers questions over model records: reading files is load's, writing output render's");

    @ArchTest
    static final ArchRule renderDependsOnlyOnModel = dependsOnlyOnModel("render",
            "a renderer takes a report and writes a stream; reading input is load's, asking index's, and cli joins them");

    @ArchTest
    static final ArchRule cacheDependsOnlyOnModel = dependsOnlyOnModel("cache",
            "the cache is a room of its own beside load: load hands it the parse to run, and it never calls back");

    private static ArchRule dependsOnlyOnModel(String layer, String why) {
        return noClasses().that().resideInAPackage("dev.mapper." + layer + "..")
                .should().dependOnClassesThat(resideInAPackage("dev.mapper..")
                        .and(resideOutsideOfPackages("dev.mapper.model..", "dev.mapper." + layer + ".."))
                        .as("reside in a package of mapper other than model"))
                .because(why);
    }

    @ArchTest
    static final ArchRule pullUsesOnlyLoadAndModel = noClasses().that().resideInAPackage("dev.mapper.pull..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.mapper.index..", "dev.mapper.render..",
                    "dev.mapper.cli..")
            .because("fetching official data hands files to load; it answers no question and renders nothing");

    @ArchTest
    static final ArchRule networkOnlyInPull = noClasses().that().resideOutsideOfPackage("dev.mapper.pull..")
            .should().dependOnClassesThat().resideInAPackage("java.net.http..")
            .because("only mapper data pull touches the network: every other command reads local files");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.mapper.(*)..")
            .should().beFreeOfCycles()
            .because("arrows go one way (cli -> index/render -> model, load -> cache -> model)");

    @ArchTest
    static final ArchRule picocliOnlyInCli = noClasses().that().resideOutsideOfPackage("dev.mapper.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the command line is cli's: render knows nothing of picocli, and neither does anything else");

    @ArchTest
    static final ArchRule jacksonOnlyInLoadRenderCacheAndPull = noClasses()
            .that().resideOutsideOfPackages("dev.mapper.load..", "dev.mapper.render..", "dev.mapper.cache..",
                    "dev.mapper.pull..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("load is the only reader of input JSON and render the only writer of output (pull reads and "
                    + "writes only its own manifest); the rest works on model records");

    static Stream<Arguments> rulesAndClassesThatBreakThem() {
        return Stream.of(
                arguments("everyPackageIsKnown", everyPackageIsKnown, Stray.class),
                arguments("modelDependsOnNoOtherPackage", modelDependsOnNoOtherPackage, ModelReachingOut.class),
                arguments("onlyCliDependsOnCli", onlyCliDependsOnCli, RenderReachingUp.class),
                arguments("indexDependsOnlyOnModel", indexDependsOnlyOnModel, IndexReachingOut.class),
                arguments("renderDependsOnlyOnModel", renderDependsOnlyOnModel, RenderReachingUp.class),
                arguments("cacheDependsOnlyOnModel", cacheDependsOnlyOnModel, CacheCallingLoad.class),
                arguments("pullUsesOnlyLoadAndModel", pullUsesOnlyLoadAndModel, PullUsingIndex.class),
                arguments("noCyclesBetweenPackages", noCyclesBetweenPackages, RenderReachingUp.class),
                arguments("picocliOnlyInCli", picocliOnlyInCli, RenderReachingUp.class),
                arguments("networkOnlyInPull", networkOnlyInPull, ModelReachingOut.class),
                arguments("jacksonOnlyInLoadRenderCacheAndPull", jacksonOnlyInLoadRenderCacheAndPull,
                        ModelReachingOut.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndClassesThatBreakThem")
    void eachRuleFailsOnAClassThatBreaksIt(String name, ArchRule rule, Class<?> breaker) {
        EvaluationResult result = rule.evaluate(MainClassesAndFixtures.CLASSES);

        assertThat(result.hasViolation()).as(name).isTrue();
        assertThat(result.getFailureReport().toString()).as(name)
                .contains(breaker.getName()).contains(" because ");
    }

    /** Mapper's main classes and the test classes written to break the rules; imported once, on first use. */
    private static final class MainClassesAndFixtures {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(location -> new ImportOption.DoNotIncludeTests().includes(location)
                        || location.contains("/archfixture/"))
                .importPackages("dev.mapper");
    }
}
