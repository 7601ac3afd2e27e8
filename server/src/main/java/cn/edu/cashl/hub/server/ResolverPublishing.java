package cn.edu.cashl.hub.server;

import cn.edu.cashl.hub.catalog.CatalogSearch;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.resolver.LenderTier;
import cn.edu.cashl.hub.resolver.LenderWeights;
import cn.edu.cashl.hub.resolver.LibraryDirectory;
import cn.edu.cashl.hub.resolver.LinkTemplates;
import cn.edu.cashl.hub.resolver.Member;
import cn.edu.cashl.hub.resolver.Resolver;
import cn.edu.cashl.hub.source.LibraryTier;
import cn.edu.cashl.hub.source.Source;
import cn.edu.cashl.hub.source.SourceType;
import cn.edu.cashl.hub.source.Sources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the hub's OpenURL resolver: the catalogue's search, and the library directory read from
 * the sources (a member library's source: its names, tier and ILL base URL; a KBART source: its
 * licence's proxy prefix per library). The sources change while the hub runs (the admin saves
 * them): the directory follows, rebuilt when the set of sources is a new one.
 */
final class ResolverPublishing {

    private ResolverPublishing() {}

    /**
     * @param weights the lenders' weights (the consortium's table; uniform until it exists)
     */
    static Resolver resolver(CatalogStore store, Sources sources, LenderWeights weights) throws HubStartupException {
        if (!(store instanceof CatalogSearch search)) {
            throw new HubStartupException(
                    "the catalogue store " + store.getClass().getSimpleName() + " cannot search");
        }
        return new Resolver(search, new Directory(sources), weights, LinkTemplates.shipped(), Clock.systemUTC());
    }

    /** The library directory as of the sources now. */
    static LibraryDirectory directory(Collection<Source> sources) {
        List<Member> members = new ArrayList<>();
        Map<String, Map<String, String>> proxies = new LinkedHashMap<>();
        for (Source source : sources) {
            if (source.type() == SourceType.KBART) {
                if (source.licence() != null && !source.licence().proxy().isEmpty()) {
                    proxies.put(source.id(), source.licence().proxy());
                }
                continue;
            }
            members.add(new Member(
                    source.id(),
                    source.name(),
                    source.nameZh(),
                    tier(source.lending().tier()),
                    source.lending().illBaseUrl()));
        }
        return new LibraryDirectory(members, proxies);
    }

    private static LenderTier tier(LibraryTier tier) {
        if (tier == null) {
            return null;
        }
        return switch (tier) {
            case CENTRE -> LenderTier.CENTRE;
            case SERVICE -> LenderTier.SERVICE;
        };
    }

    /**
     * The directory, rebuilt only when the sources were replaced: {@link Sources} publishes each
     * change as a new collection, so the one last read names the directory built from it.
     */
    static final class Directory implements Supplier<LibraryDirectory> {

        private record Built(Collection<Source> from, LibraryDirectory directory) {}

        private final Sources sources;
        private volatile Built built;

        Directory(Sources sources) {
            this.sources = sources;
        }

        @Override
        public LibraryDirectory get() {
            Collection<Source> now = sources.all();
            Built last = built;
            if (last == null || last.from() != now) {
                last = new Built(now, directory(now));
                built = last;
            }
            return last.directory();
        }
    }
}
