package org.guidesearch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout the code must keep: modules follow the data flow (indexer ← graph ← server) and no two packages of
 * {@code org.guidesearch} depend on each other in a cycle. Reads the compiled production classes of every module.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                // no DO_NOT_INCLUDE_JARS: under `mvn verify` the other modules are on the classpath as their jars
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.guidesearch");
    }

    @Test
    void importsEveryModule() {
        // guards the rules below against passing on an empty class set
        for (String module : new String[] {"indexer", "graph", "server"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream()
                            .filter(c -> c.getPackageName().startsWith("org.guidesearch." + module + ".")))
                    .as(module)
                    .isNotEmpty();
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.guidesearch.(*).(**)")
                .namingSlices("$1.$2")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void theIndexerKnowsNothingOfTheGraphOrTheServer() {
        noClasses()
                .that()
                .resideInAPackage("org.guidesearch.indexer..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.guidesearch.graph..", "org.guidesearch.server..")
                .check(classes);
    }

    @Test
    void theGraphKnowsNothingOfTheServer() {
        noClasses()
                .that()
                .resideInAPackage("org.guidesearch.graph..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.guidesearch.server..")
                .check(classes);
    }

    @Test
    void onlyTheGraphModuleTalksCypher() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.guidesearch.graph..")
                .and()
                .resideInAPackage("org.guidesearch..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.neo4j.driver")
                .check(classes);
    }
}
