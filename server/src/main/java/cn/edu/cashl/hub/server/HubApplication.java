package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.admin.HarvestControl;
import cn.edu.cashl.hub.admin.LoopbackOnly;
import cn.edu.cashl.hub.admin.SourcesResource;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.harvest.HarvestStore;
import cn.edu.cashl.hub.harvest.schedule.HarvestScheduler;
import cn.edu.cashl.hub.oai.OaiProvider;
import cn.edu.cashl.hub.sru.SruEndpoint;
import cn.edu.cashl.hub.source.Sources;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The hub's HTTP application: every resource (health now; OAI-PMH, SRU and the admin later) and the
 * components they are given by injection. Resources take what they need in an {@code @Inject}
 * constructor; nothing is looked up from a static.
 */
final class HubApplication extends ResourceConfig {

    /**
     * @param sources   the configured sources; null when the hub does not harvest
     * @param scheduler the harvest scheduler; null when the hub does not harvest
     * @param oai       the OAI-PMH data provider, and how many requests it serves at once
     * @param sru       the SRU endpoint
     * @param hubUrl    the hub's public URL as configured; empty when requests tell it
     */
    HubApplication(CatalogStore store, Database database, HarvestStore harvests, Sources sources, HarvestScheduler scheduler,
            OaiProvider oai, int oaiConcurrency, SruEndpoint sru, String hubUrl) {
        register(JacksonFeature.class);
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(store).to(CatalogStore.class);
                bind(database).to(Database.class);
                bind(harvests).to(HarvestStore.class);
                bind(sources == null ? Sources.none() : sources).to(Sources.class);
                bind(new HarvestControl(scheduler)).to(HarvestControl.class);
                bind(oai).to(OaiProvider.class);
                bind(new OaiGate(oaiConcurrency)).to(OaiGate.class);
                bind(sru).to(SruEndpoint.class);
                bind(hubUrl).named("hubUrl").to(String.class);
            }
        });
        register(HealthResource.class);
        register(OaiResource.class);
        register(SchemaResource.class);
        register(SruResource.class);
        register(SourcesResource.class);
        register(LoopbackOnly.class);
    }
}
