package cn.edu.cashl.hub.discovery;

import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Contributor;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.schema.v1.StandardNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * What the reader's pages, feeds and citation exports say of a record, read in one place: its
 * title, authors, year, type and, for an article, where it was published.
 */
public final class RecordText {

    private RecordText() {}

    /** The title with its subtitle ({@code Main : sub}), as catalogues show it. */
    public static String title(CashlRecord record) {
        if (record.getTitle() == null || record.getTitle().getMain() == null) {
            return record.getId();
        }
        String title = record.getTitle().getMain();
        return record.getTitle().getSub() == null
                ? title
                : title + " : " + record.getTitle().getSub();
    }

    /** The persons and organisations responsible, in the record's order, names as catalogued. */
    public static List<String> authors(CashlRecord record) {
        List<String> names = new ArrayList<>();
        for (Contributor contributor : record.getContributor()) {
            if (contributor.getName() != null) {
                names.add(contributor.getName());
            }
        }
        return names;
    }

    /** The year of publication, or null. */
    public static String year(CashlRecord record) {
        return record.getPublication() == null ? null : record.getPublication().getYear();
    }

    /** {@code book}, {@code article}...: the record type's code. */
    public static String type(CashlRecord record) {
        return record.getType() == null ? "book" : record.getType().value();
    }

    /**
     * Where an article (or chapter) was published, as a citation gives it: {@code Modern China, 27(2),
     * 141-160}; null for a record that is part of nothing.
     */
    public static String source(CashlRecord record) {
        Host host = record.getIsPartOf();
        if (host == null || host.getTitle() == null) {
            return null;
        }
        StringBuilder source = new StringBuilder(host.getTitle());
        if (host.getVolume() != null) {
            source.append(", ").append(host.getVolume());
            if (host.getIssue() != null) {
                source.append('(').append(host.getIssue()).append(')');
            }
        } else if (host.getIssue() != null) {
            source.append(", no. ").append(host.getIssue());
        }
        if (host.getPages() != null) {
            source.append(", ").append(host.getPages());
        }
        return source.toString();
    }

    public static List<String> isbns(CashlRecord record) {
        return record.getIdentifiers() == null
                ? List.of()
                : record.getIdentifiers().getIsbn().stream()
                        .map(StandardNumber::getValue)
                        .toList();
    }

    public static List<String> issns(CashlRecord record) {
        return record.getIdentifiers() == null
                ? List.of()
                : record.getIdentifiers().getIssn().stream()
                        .map(StandardNumber::getValue)
                        .toList();
    }

    public static String doi(CashlRecord record) {
        return record.getIdentifiers() == null ? null : record.getIdentifiers().getDoi();
    }
}
