package cn.edu.cashl.hub.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the code base, checked on the compiled main classes of every module (the
 * server's test class path holds them all). CONTRIBUTING.md explains them; docs/architecture.md
 * draws them. Maven already refuses an import of a module that is not a declared dependency; these
 * rules add what Maven cannot see: the order of the modules, packages without cycles, and where
 * HTTP lives.
 */
class ArchitectureTest {

    private static final String HUB = "cn.edu.cashl.hub";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // Named packages only: solr-embedded relocates Solr's Jetty below cn.edu.cashl.hub.shaded.
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(
                        HUB + ".coverage",
                        HUB + ".schema",
                        HUB + ".xml",
                        HUB + ".crosswalk",
                        HUB + ".db",
                        HUB + ".catalog",
                        HUB + ".merge",
                        HUB + ".publish",
                        HUB + ".source",
                        HUB + ".ingest",
                        HUB + ".harvest",
                        HUB + ".oai",
                        HUB + ".sru",
                        HUB + ".openurl",
                        HUB + ".resolver",
                        HUB + ".discovery",
                        HUB + ".server",
                        HUB + ".http",
                        HUB + ".admin",
                        HUB + ".cli",
                        HUB + ".config");
    }

    @Test
    void theModulesReadTheDataFlowBottomUpAndNoneImportsOneAboveIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("coverage")
                .definedBy(HUB + ".coverage..")
                .layer("schemas")
                .definedBy(HUB + ".schema..", HUB + ".xml..")
                .layer("xslt")
                .definedBy(HUB + ".crosswalk..")
                .layer("database")
                .definedBy(HUB + ".db..")
                .layer("repository")
                .definedBy(HUB + ".catalog..", HUB + ".merge..", HUB + ".publish..")
                .layer("ingest")
                .definedBy(HUB + ".source..", HUB + ".ingest..")
                .layer("harvester")
                .definedBy(HUB + ".harvest..")
                .layer("oai-provider")
                .definedBy(HUB + ".oai..")
                .layer("sru-endpoint")
                .definedBy(HUB + ".sru..")
                .layer("resolver")
                .definedBy(HUB + ".openurl..", HUB + ".resolver..")
                .layer("discovery")
                .definedBy(HUB + ".discovery..")
                .layer("server")
                .definedBy(HUB + ".server..", HUB + ".http..", HUB + ".admin..", HUB + ".cli..", HUB + ".config..")
                .whereLayer("coverage")
                .mayNotAccessAnyLayer()
                .whereLayer("schemas")
                .mayNotAccessAnyLayer()
                .whereLayer("xslt")
                .mayOnlyAccessLayers("schemas")
                .whereLayer("database")
                .mayNotAccessAnyLayer()
                .whereLayer("repository")
                .mayOnlyAccessLayers("schemas", "xslt")
                .whereLayer("ingest")
                .mayOnlyAccessLayers("coverage", "schemas", "xslt", "database", "repository")
                .whereLayer("harvester")
                .mayOnlyAccessLayers("schemas", "xslt", "database", "repository", "ingest")
                // The two protocol engines are siblings over the catalogue: neither knows the other.
                .whereLayer("oai-provider")
                .mayOnlyAccessLayers("schemas", "xslt", "repository")
                .whereLayer("sru-endpoint")
                .mayOnlyAccessLayers("schemas", "xslt", "repository")
                // The resolver reads the catalogue and decides coverage; it knows nothing of how
                // records arrive (ingest, harvester) or of the other protocols.
                .whereLayer("resolver")
                .mayOnlyAccessLayers("coverage", "schemas", "repository")
                // The readers' side searches through SRU's translation and answers for availability
                // through the resolver; it knows nothing of how records arrive.
                .whereLayer("discovery")
                .mayOnlyAccessLayers("coverage", "schemas", "repository", "sru-endpoint", "resolver")
                .whereLayer("server")
                .mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @Test
    void noPackageLoops() {
        slices().matching(HUB + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheServerSpeaksHttp() {
        // The protocol engines answer a request object with a response object, as XOAI's
        // DataProvider.handle does; Jetty, Jersey and the servlet API stay in the server module.
        noClasses()
                .that()
                .resideOutsideOfPackages(HUB + ".server..", HUB + ".http..", HUB + ".admin..", HUB + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.ws.rs..", "jakarta.servlet..", "org.eclipse.jetty..", "org.glassfish.jersey..")
                .check(classes);
    }

    @Test
    void httpResourcesLiveInTheAdaptersPackageOrTheAdmin() {
        classes()
                .that()
                .areAnnotatedWith("jakarta.ws.rs.Path")
                .should()
                .resideInAnyPackage(HUB + ".http..", HUB + ".admin..")
                .check(classes);
    }
}
