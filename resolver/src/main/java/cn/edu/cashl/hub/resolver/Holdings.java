package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.coverage.Coverage;
import cn.edu.cashl.hub.coverage.CoverageRange;
import cn.edu.cashl.hub.coverage.Depth;
import cn.edu.cashl.hub.coverage.Embargo;
import cn.edu.cashl.hub.coverage.Period;
import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.HoldingAccess;
import cn.edu.cashl.hub.schema.v1.HoldingForm;
import cn.edu.cashl.hub.schema.v1.StandardNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The holdings of the master records found, as the ranking reads them and the record pages list them
 * (docs/search.md): electronic holdings grouped
 * by library and package (a title with gaps is several holdings of one library and source, one range
 * each: together they are that library's coverage), print holdings grouped by library.
 */
public final class Holdings {

    private Holdings() {}

    public static List<ElectronicHolding> electronic(List<Match> matches) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Match match : matches) {
            List<String> issns = match.record().getIdentifiers() == null
                    ? List.of()
                    : match.record().getIdentifiers().getIssn().stream()
                            .map(StandardNumber::getValue)
                            .toList();
            for (Holding holding : match.record().getHolding()) {
                if (holding.getForm() != HoldingForm.ELECTRONIC || holding.getLibrary() == null) {
                    continue;
                }
                // A free row of a paid package (KBART access_type F) is a holding of its own.
                String key = holding.getLibrary()
                        + '\u0000'
                        + holding.getAccess()
                        + '\u0000'
                        + (holding.getSource() != null
                                ? holding.getSource()
                                : holding.getPackage() + '\u0000' + holding.getUrl());
                Group group = groups.computeIfAbsent(key, k -> new Group(holding, issns));
                if (group.url == null) {
                    group.url = holding.getUrl();
                }
                group.ranges.addAll(ranges(holding));
            }
        }
        return groups.values().stream().map(Group::holding).toList();
    }

    public static List<PrintHolding> print(List<Match> matches) {
        Map<String, Shelf> shelves = new LinkedHashMap<>();
        for (Match match : matches) {
            for (Holding holding : match.record().getHolding()) {
                if (holding.getForm() != HoldingForm.PRINT || holding.getLibrary() == null) {
                    continue;
                }
                Shelf shelf = shelves.computeIfAbsent(holding.getLibrary(), k -> new Shelf());
                if (holding.getCallNumber() != null) {
                    shelf.callNumbers.add(holding.getCallNumber().strip());
                }
                if (holding.getCoverage() != null) {
                    shelf.statements.add(holding.getCoverage().strip());
                }
                if (shelf.url == null) {
                    shelf.url = holding.getUrl();
                }
            }
        }
        List<PrintHolding> print = new ArrayList<>();
        shelves.forEach((library, shelf) -> print.add(
                new PrintHolding(library, List.copyOf(shelf.callNumbers), List.copyOf(shelf.statements), shelf.url)));
        return print;
    }

    /** A holding's ranges for the coverage engine; none stated is the whole title, as far as the hub knows. */
    private static List<CoverageRange> ranges(Holding holding) {
        if (holding.getRange().isEmpty()) {
            return List.of(new CoverageRange(null, null, null, null, null, null, null, Depth.FULLTEXT));
        }
        List<CoverageRange> ranges = new ArrayList<>();
        for (cn.edu.cashl.hub.schema.v1.CoverageRange range : holding.getRange()) {
            // The schema admits only what these read (PartialDate, Embargo, CoverageDepth).
            ranges.add(new CoverageRange(
                    Period.parse(range.getStart()),
                    range.getStartVolume(),
                    range.getStartIssue(),
                    Period.parse(range.getEnd()),
                    range.getEndVolume(),
                    range.getEndIssue(),
                    Embargo.parse(range.getEmbargo()).orElse(null),
                    range.getDepth() == null
                            ? Depth.FULLTEXT
                            : Depth.parse(range.getDepth().value())));
        }
        return ranges;
    }

    private static final class Group {
        final Holding first;
        final List<String> issns;
        final List<CoverageRange> ranges = new ArrayList<>();
        String url;

        Group(Holding first, List<String> issns) {
            this.first = first;
            this.issns = issns;
        }

        ElectronicHolding holding() {
            return new ElectronicHolding(
                    first.getLibrary(),
                    first.getSource(),
                    first.getPackage(),
                    url,
                    first.getAccess() == HoldingAccess.OPEN_ACCESS,
                    Boolean.TRUE.equals(first.isIllElectronic()),
                    new Coverage(ranges),
                    issns);
        }
    }

    private static final class Shelf {
        final Set<String> callNumbers = new LinkedHashSet<>();
        final Set<String> statements = new LinkedHashSet<>();
        String url;
    }
}
