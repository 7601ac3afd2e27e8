package cn.edu.cashl.hub.source;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The terms of a KBART source's package (docs/efirst.md): who licenses it and on what terms. Every
 * title of the list becomes an electronic holding of each licensing library, or of the consortium
 * as a whole ({@link #CONSORTIUM}) when {@code libraries} is {@code all}.
 *
 * @param packageName   the package's name as readers see it ({@code package} in sources.yaml), e.g.
 *                      "JSTOR Arts &amp; Sciences I"
 * @param libraries     the member libraries that license it, or {@code [all]} for a consortium licence
 * @param openAccess    the titles are free to read: no licence, no proxy
 * @param illElectronic whether the licence allows electronic document delivery to other members;
 *                      null when the source does not say (then it does not)
 * @param proxy         per library, the prefix that sends a link through its proxy for off-campus access
 */
public record Licence(
        String packageName,
        List<String> libraries,
        boolean openAccess,
        Boolean illElectronic,
        Map<String, String> proxy) {

    /** {@code libraries: all}: licensed by the consortium for every member. */
    public static final String ALL = "all";

    /**
     * The holding-library code of a consortium licence: every member reads it through its own proxy.
     * No member source may take it as its id.
     */
    public static final String CONSORTIUM = "cashl";

    public Licence {
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
        proxy = proxy == null ? Map.of() : Map.copyOf(new TreeMap<>(proxy));
    }

    /** Licensed by the consortium for every member. */
    public boolean consortium() {
        return libraries.contains(ALL);
    }

    /** The libraries its titles are holdings of: the licensing members, or the consortium. */
    public List<String> holdingLibraries() {
        return consortium() ? List.of(CONSORTIUM) : libraries;
    }
}
