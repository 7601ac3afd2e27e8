package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.discovery.Discovery;
import cn.edu.cashl.hub.resolver.Resolver;

/** Builds the readers' search (docs/search.md): the catalogue's search, answered for through the resolver. */
final class ReaderPublishing {

    private ReaderPublishing() {}

    static Discovery discovery(CatalogStore store, Resolver resolver) throws HubStartupException {
        if (!(store instanceof CatalogSearch search)) {
            throw new HubStartupException(
                    "the catalogue store " + store.getClass().getSimpleName() + " cannot search");
        }
        return new Discovery(search, resolver);
    }
}
