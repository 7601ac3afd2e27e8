package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.coverage.Coverage;
import java.util.List;

/**
 * What one library holds of a title through one package: every range of the title's rows in the
 * package's list (several when the title has gaps), gathered from the master records found.
 *
 * @param library       the holding library, or {@link LibraryDirectory#CONSORTIUM} for a consortium licence
 * @param source        the KBART source the holding came from (whose proxies apply), or null
 * @param packageName   the package, as readers see it; may be null
 * @param url           the title's link at the provider ({@code title_url}); may be null
 * @param openAccess    free to read for anyone
 * @param illElectronic whether the licence allows electronic document delivery to other members
 * @param coverage      its ranges
 * @param issns         the title's ISSNs as its record gives them, for the providers' article links
 */
public record ElectronicHolding(
        String library,
        String source,
        String packageName,
        String url,
        boolean openAccess,
        boolean illElectronic,
        Coverage coverage,
        List<String> issns) {

    public ElectronicHolding {
        issns = List.copyOf(issns);
    }
}
