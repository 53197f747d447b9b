package io.meterhub.routes.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md as tests: only routes wires components together. */
class ModuleBoundariesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.meterhub");

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("io.meterhub.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.meterhub.mediation..", "io.meterhub.store..", "io.meterhub.feeds..", "io.meterhub.routes..")
                .check(MAIN);
    }

    @Test
    void mediationKnowsNothingOfStorageTransportOrCamel() {
        noClasses()
                .that()
                .resideInAPackage("io.meterhub.mediation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.meterhub.store..",
                        "io.meterhub.routes..",
                        "com.mongodb..",
                        "org.bson..",
                        "org.apache.camel..",
                        "com.rabbitmq..",
                        "org.springframework..")
                .check(MAIN);
    }

    @Test
    void storeKnowsNothingOfMediationOrTransport() {
        noClasses()
                .that()
                .resideInAPackage("io.meterhub.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.meterhub.mediation..",
                        "io.meterhub.feeds..",
                        "io.meterhub.routes..",
                        "org.apache.camel..",
                        "com.rabbitmq..",
                        "org.springframework..")
                .check(MAIN);
    }

    @Test
    void feedsKnowNothingOfMediationHttpOrCamel() {
        noClasses()
                .that()
                .resideInAPackage("io.meterhub.feeds..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.meterhub.mediation..",
                        "io.meterhub.routes..",
                        "org.apache.camel..",
                        "com.rabbitmq..",
                        "org.springframework..")
                .check(MAIN);
    }

    @Test
    void agentDependsOnTheModelOnly() {
        noClasses()
                .that()
                .resideInAPackage("io.meterhub.agent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.meterhub.mediation..",
                        "io.meterhub.store..",
                        "io.meterhub.routes..",
                        "org.apache.camel..",
                        "org.springframework..")
                .check(MAIN);
    }

    @Test
    void everyPollsterImplementsPollsterAndIsNamedSo() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that()
                .haveSimpleNameEndingWith("Pollster")
                .and()
                .resideInAPackage("io.meterhub.agent..")
                .and()
                .areNotInterfaces()
                .should()
                .implement(io.meterhub.agent.spi.Pollster.class)
                .check(MAIN);
    }
}
