package cn.edu.cashl.hub.catalog;

import cn.edu.cashl.hub.schema.v1.Host;
import java.util.ArrayList;
import java.util.List;

/** What an article's host item ({@code isPartOf}) says of its journal, read the same way everywhere. */
public final class Hosts {

    private Hosts() {}

    /**
     * Every ISSN the host gives its journal, as written, best first for linking: the ISSN-L, then
     * the print ISSN, then the online ISSN; blanks left out, repeats kept (callers normalise).
     */
    public static List<String> issns(Host host) {
        List<String> issns = new ArrayList<>(3);
        if (host != null) {
            for (String issn : new String[] {host.getIssnL(), host.getIssn(), host.getEissn()}) {
                if (issn != null && !issn.isBlank()) {
                    issns.add(issn);
                }
            }
        }
        return issns;
    }
}
