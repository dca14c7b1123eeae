package io.jobmatch.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.jobmatch.index.QdrantSettings;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of app/README.md, checked on the compiled classes: HTTP stays in the web package and the
 * features' HTTP adapters (controllers, request records, body readers); the system of record knows nothing of what
 * is derived from it; the embedding library knows nothing of the service.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Micronaut's generated $...$Definition classes repeat their source class's dependencies, and more.
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/$"))
                .importPackages("io.jobmatch");
    }

    @Test
    void onlyWebAndTheHttpAdaptersKnowHttp() {
        // The pages package is an HTTP adapter as a whole (its page renderer and locale resolver are HTTP classes).
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("io.jobmatch.web..", "io.jobmatch.pages..")
                .and()
                .areNotAnnotatedWith(Controller.class)
                .and()
                .haveSimpleNameNotEndingWith("Request")
                .and()
                .haveSimpleNameNotEndingWith("Reader")
                .and()
                // Authenticating HTTP requests is the security package's job: its key check is an HTTP edge too.
                .resideOutsideOfPackage("io.jobmatch.security..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.micronaut.http..")
                .because("domain code throws its own exceptions; web maps them to problem+json");
        rule.check(classes);
    }

    @Test
    void domainServicesNeverThrowOrBuildHttpProblems() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.jobmatch.offers..",
                        "io.jobmatch.search..",
                        "io.jobmatch.index..",
                        "io.jobmatch.keywords..",
                        "io.jobmatch.explain..",
                        "io.jobmatch.model..",
                        "io.jobmatch.local..",
                        "io.jobmatch.eval..",
                        "io.jobmatch.cv..")
                .and()
                .areNotAnnotatedWith(Controller.class)
                .and()
                .haveSimpleNameNotEndingWith("Request")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jobmatch.web..")
                .check(classes);
    }

    @Test
    void theSystemOfRecordKnowsNothingDerivedFromIt() {
        noClasses()
                .that()
                .resideInAPackage("io.jobmatch.offers..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.jobmatch.index..",
                        "io.jobmatch.search..",
                        "io.jobmatch.ingest..",
                        "io.jobmatch.explain..",
                        "io.jobmatch.eval..",
                        "io.jobmatch.cli..")
                .check(classes);
    }

    @Test
    void theIndexKnowsNothingOfItsUsers() {
        noClasses()
                .that()
                .resideInAPackage("io.jobmatch.index..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.jobmatch.search..",
                        "io.jobmatch.ingest..",
                        "io.jobmatch.explain..",
                        "io.jobmatch.eval..",
                        "io.jobmatch.cli..")
                .check(classes);
        // The index's own HTTP adapter (the reindex endpoint) uses the shared HTTP edge, which maps its problems, as
        // the other features' controllers do; the index's other classes never do.
        noClasses()
                .that()
                .resideInAPackage("io.jobmatch.index..")
                .and()
                .areNotAnnotatedWith(Controller.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jobmatch.web..")
                .check(classes);
    }

    @Test
    void theEmbeddingLibraryKnowsNothingOfTheService() {
        noClasses()
                .that()
                .resideInAPackage("io.jobmatch.embeddings..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "io.jobmatch.embeddings..",
                        "java..",
                        "javax..",
                        "org.slf4j..",
                        "ai.onnxruntime..",
                        "ai.djl..",
                        "com.github.pemistahl..",
                        "com.fasterxml.jackson..")
                .because("it is a plain Java library the service wires in (embeddings/README.md)")
                .check(classes);
    }

    @Test
    void validationConstraintsAndLocalServersStandAlone() {
        // The local Qdrant is configured by the one record of the jobmatch.qdrant prefix, which the index owns.
        noClasses()
                .that()
                .resideInAnyPackage("io.jobmatch.validation..", "io.jobmatch.local..", "io.jobmatch.keywords..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(
                                "io.jobmatch.offers..",
                                "io.jobmatch.search..",
                                "io.jobmatch.index..",
                                "io.jobmatch.ingest..",
                                "io.jobmatch.web..",
                                "io.jobmatch.cli..",
                                "io.jobmatch.eval..",
                                "io.jobmatch.explain..",
                                "io.jobmatch.model..")
                        .and(not(equivalentTo(QdrantSettings.class))))
                .check(classes);
    }

    @Test
    void onlyTheCommandLineStartsTheService() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.jobmatch.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.jobmatch.cli..")
                .check(classes);
    }

    @Test
    void featuresHaveNoCycles() {
        // A controller is its feature's HTTP edge and may use the shared edge (web), which maps the feature's
        // exceptions: that loop runs through the edge only, never through domain code.
        slices().matching("io.jobmatch.(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(annotatedWith(Controller.class), resideInAPackage("io.jobmatch.web.."))
                .check(classes);
    }
}
