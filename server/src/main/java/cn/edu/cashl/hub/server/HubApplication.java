package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.admin.Admin;
import cn.edu.cashl.hub.admin.AdminExceptions;
import cn.edu.cashl.hub.admin.AdminGuard;
import cn.edu.cashl.hub.admin.AdminHeaders;
import cn.edu.cashl.hub.admin.AdminPages;
import cn.edu.cashl.hub.admin.AdminRoles;
import cn.edu.cashl.hub.admin.OpenApiResource;
import cn.edu.cashl.hub.admin.account.SessionResource;
import cn.edu.cashl.hub.admin.account.UsersResource;
import cn.edu.cashl.hub.admin.article.JournalListFolder;
import cn.edu.cashl.hub.admin.article.JournalListsResource;
import cn.edu.cashl.hub.admin.auth.AdminAuth;
import cn.edu.cashl.hub.admin.common.HarvestControl;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkCheckResource;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkEditor;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkPreview;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkPublishingResource;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalkVersionsResource;
import cn.edu.cashl.hub.admin.crosswalk.CrosswalksResource;
import cn.edu.cashl.hub.admin.efirst.LenderWeightStore;
import cn.edu.cashl.hub.admin.efirst.LendersResource;
import cn.edu.cashl.hub.admin.efirst.PackagesResource;
import cn.edu.cashl.hub.admin.job.JobLauncher;
import cn.edu.cashl.hub.admin.job.JobsResource;
import cn.edu.cashl.hub.admin.source.QuarantineResource;
import cn.edu.cashl.hub.admin.source.RunsResource;
import cn.edu.cashl.hub.admin.source.SourceScheduleResource;
import cn.edu.cashl.hub.admin.source.SourcesResource;
import cn.edu.cashl.hub.admin.stats.StatsResource;
import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.db.Database;
import cn.edu.cashl.hub.discovery.Discovery;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.onboarding.OnboardingCheck;
import cn.edu.cashl.hub.http.HealthResource;
import cn.edu.cashl.hub.http.OaiGate;
import cn.edu.cashl.hub.http.OaiResource;
import cn.edu.cashl.hub.http.OpenUrlResource;
import cn.edu.cashl.hub.http.ReaderAssetsResource;
import cn.edu.cashl.hub.http.ReaderPagesResource;
import cn.edu.cashl.hub.http.SchemaResource;
import cn.edu.cashl.hub.http.SruResource;
import cn.edu.cashl.hub.oai.OaiProvider;
import cn.edu.cashl.hub.resolver.Resolver;
import cn.edu.cashl.hub.source.SourceStore;
import cn.edu.cashl.hub.source.Sources;
import cn.edu.cashl.hub.sru.SruEndpoint;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The hub's HTTP application: every resource (health now; OAI-PMH, SRU and the admin later) and the
 * components they are given by injection. Resources take what they need in an {@code @Inject}
 * constructor; nothing is looked up from a static.
 */
final class HubApplication extends ResourceConfig {

    /**
     * @param sources   the configured sources; null when the hub does not harvest
     * @param control   the harvest scheduler, once started (never, when the hub does not harvest)
     * @param oai       the OAI-PMH data provider, and how many requests it serves at once
     * @param sru       the SRU endpoint
     * @param resolver  the OpenURL resolver
     * @param discovery the readers' search
     * @param hubUrl    the hub's public URL as configured; empty when requests tell it
     * @param admin     the web admin's components
     */
    HubApplication(
            CatalogStore store,
            Database database,
            HarvestStore harvests,
            Sources sources,
            HarvestControl control,
            OaiProvider oai,
            int oaiConcurrency,
            SruEndpoint sru,
            Resolver resolver,
            Discovery discovery,
            String hubUrl,
            String repositoryIdentifier,
            Admin admin) {
        // Jackson's own error mappers answer text/plain with class names: the admin answers JSON (AdminExceptions).
        register(JacksonFeature.withoutExceptionMappers());
        // No WADL: it would list the admin API to anyone, logged in or not.
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(store).to(CatalogStore.class);
                bind(database).to(Database.class);
                bind(harvests).to(HarvestStore.class);
                bind(sources == null ? Sources.none() : sources).to(Sources.class);
                bind(control).to(HarvestControl.class);
                bind(admin.auth()).to(AdminAuth.class);
                bind(admin.editor()).to(CrosswalkEditor.class);
                bind(admin.preview()).to(CrosswalkPreview.class);
                bind(admin.launcher()).to(JobLauncher.class);
                bind(admin.savedSources()).to(SourceStore.class);
                bind(admin.onboarding()).to(OnboardingCheck.class);
                bind(admin.lenders()).to(LenderWeightStore.class);
                bind(admin.journalLists()).to(JournalListFolder.class);
                if (store instanceof CatalogSearch search) {
                    bind(search).to(CatalogSearch.class);
                }
                bind(oai).to(OaiProvider.class);
                bind(new OaiGate(oaiConcurrency)).to(OaiGate.class);
                bind(sru).to(SruEndpoint.class);
                bind(resolver).to(Resolver.class);
                bind(discovery).to(Discovery.class);
                bind(repositoryIdentifier).named("repositoryIdentifier").to(String.class);
                bind(hubUrl).named("hubUrl").to(String.class);
                bind(Hub.version()).named("hubVersion").to(String.class);
            }
        });
        register(HealthResource.class);
        register(OaiResource.class);
        register(SchemaResource.class);
        register(SruResource.class);
        register(OpenUrlResource.class);
        register(ReaderPagesResource.class);
        register(ReaderAssetsResource.class);
        // The web admin: the guard and role check first, then its pages and API.
        register(AdminGuard.class);
        register(AdminRoles.class);
        register(AdminHeaders.class);
        register(AdminExceptions.class);
        register(AdminPages.class);
        register(OpenApiResource.class);
        register(SessionResource.class);
        register(UsersResource.class);
        register(CrosswalksResource.class);
        register(CrosswalkCheckResource.class);
        register(CrosswalkVersionsResource.class);
        register(CrosswalkPublishingResource.class);
        register(JobsResource.class);
        register(SourcesResource.class);
        register(SourceScheduleResource.class);
        register(RunsResource.class);
        register(QuarantineResource.class);
        register(StatsResource.class);
        register(LendersResource.class);
        register(PackagesResource.class);
        register(JournalListsResource.class);
    }
}
