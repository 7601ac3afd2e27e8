package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.catalog.CatalogStore;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The hub's HTTP application: every resource (health now; OAI-PMH, SRU and the admin later) and the
 * components they are given by injection. Resources take what they need in an {@code @Inject}
 * constructor; nothing is looked up from a static.
 */
final class HubApplication extends ResourceConfig {

    HubApplication(CatalogStore store, Database database) {
        register(JacksonFeature.class);
        register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(store).to(CatalogStore.class);
                bind(database).to(Database.class);
            }
        });
        register(HealthResource.class);
    }
}
