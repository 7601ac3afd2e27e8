package cn.edu.cashl.hub.resolver;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The member libraries and the proxy prefixes of the packages they license, as the server reads
 * them from the sources (a member library's source: its names, tier and ILL system; a KBART source:
 * per library, the prefix that sends a link through its proxy).
 */
public final class LibraryDirectory {

    /**
     * The holding-library code of a consortium licence: every member reads it, each through its own
     * proxy. The same code as the ingest's {@code Licence.CONSORTIUM}, which this module cannot see.
     */
    public static final String CONSORTIUM = "cashl";

    private final Map<String, Member> members;
    private final Map<String, Map<String, String>> proxies;

    /**
     * @param members the member libraries
     * @param proxies per KBART source id, per library code, the proxy prefix
     */
    public LibraryDirectory(List<Member> members, Map<String, Map<String, String>> proxies) {
        Map<String, Member> byCode = new LinkedHashMap<>();
        members.forEach(m -> byCode.put(m.code(), m));
        this.members = Map.copyOf(byCode);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        proxies.forEach((source, byLibrary) -> copy.put(source, Map.copyOf(byLibrary)));
        this.proxies = Map.copyOf(copy);
    }

    public static LibraryDirectory empty() {
        return new LibraryDirectory(List.of(), Map.of());
    }

    /** Every member library, in no particular order. */
    public Collection<Member> members() {
        return members.values();
    }

    public Optional<Member> member(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(members.get(code));
    }

    /**
     * The home library a request names: {@code library=pku}, or {@code req_id} as a code
     * ({@code pku}) or an identifier ending in one ({@code info:cashl/pku}, {@code cashl:pku}), case
     * ignored. Empty when it names no member.
     */
    public Optional<Member> home(String requested) {
        if (requested == null || requested.isBlank()) {
            return Optional.empty();
        }
        String folded = requested.strip().toLowerCase(Locale.ROOT);
        Member exact = members.get(folded);
        if (exact != null) {
            return Optional.of(exact);
        }
        String[] parts = folded.split("[:/#=]");
        return member(parts[parts.length - 1]);
    }

    /** The proxy prefix of a library for a KBART source's package, or null: links go straight to the provider. */
    public String proxy(String source, String library) {
        if (source == null || library == null) {
            return null;
        }
        return proxies.getOrDefault(source, Map.of()).get(library);
    }
}
