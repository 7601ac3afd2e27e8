package cn.edu.cashl.hub.discovery.cite;

import cn.edu.cashl.hub.discovery.RecordText;
import cn.edu.cashl.hub.schema.v1.AgentKind;
import cn.edu.cashl.hub.schema.v1.CashlRecord;
import cn.edu.cashl.hub.schema.v1.Contributor;
import cn.edu.cashl.hub.schema.v1.Host;
import cn.edu.cashl.hub.schema.v1.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * A record read once for every citation format: what reference managers ask for, in their terms.
 *
 * @param kind the work's kind, which each format names its own way
 */
record CitedWork(
        String id,
        Kind kind,
        String title,
        List<Name> authors,
        List<Name> editors,
        String year,
        String publisher,
        String place,
        String edition,
        List<String> isbns,
        List<String> issns,
        String doi,
        String container,
        String volume,
        String issue,
        String pages,
        String language,
        List<String> keywords,
        String abstractText,
        String url) {

    enum Kind {
        BOOK,
        EBOOK,
        ARTICLE,
        JOURNAL,
        CHAPTER,
        THESIS,
        OTHER
    }

    /**
     * A person's or organisation's name.
     *
     * @param family the family name of a person catalogued as {@code Family, Given}; the whole
     *               name otherwise
     * @param given  the given names, or null
     * @param literal true for a name that is not to be split (an organisation, a name without a comma)
     */
    record Name(String family, String given, boolean literal) {

        static Name of(Contributor contributor) {
            String name = contributor.getName().strip();
            int comma = name.indexOf(',');
            if (contributor.getKind() == AgentKind.ORGANISATION || comma <= 0) {
                return new Name(name, null, true);
            }
            String given = name.substring(comma + 1).strip();
            return new Name(name.substring(0, comma).strip(), given.isEmpty() ? null : given, false);
        }

        /** {@code Family, Given}, as RIS and BibTeX want it. */
        String inverted() {
            return given == null ? family : family + ", " + given;
        }
    }

    static CitedWork of(String id, CashlRecord record, String url) {
        List<Name> authors = new ArrayList<>();
        List<Name> editors = new ArrayList<>();
        for (Contributor contributor : record.getContributor()) {
            if (contributor.getName() == null || contributor.getName().isBlank()) {
                continue;
            }
            ("edt".equals(contributor.getRole()) ? editors : authors).add(Name.of(contributor));
        }
        Host host = record.getIsPartOf();
        List<String> issns = new ArrayList<>(RecordText.issns(record));
        if (host != null) {
            if (host.getIssn() != null) {
                issns.add(host.getIssn());
            }
            if (host.getEissn() != null) {
                issns.add(host.getEissn());
            }
        }
        var publication = record.getPublication();
        return new CitedWork(
                id,
                kind(RecordText.type(record)),
                RecordText.title(record),
                authors,
                editors,
                RecordText.year(record),
                publication == null ? null : publication.getPublisher(),
                publication == null ? null : publication.getPlace(),
                record.getEdition(),
                RecordText.isbns(record),
                List.copyOf(issns),
                RecordText.doi(record),
                host == null ? null : host.getTitle(),
                host == null ? null : host.getVolume(),
                host == null ? null : host.getIssue(),
                host == null ? null : host.getPages(),
                record.getLanguage().isEmpty() ? null : record.getLanguage().get(0),
                record.getSubject().stream().map(Subject::getValue).toList(),
                record.getDescription() == null ? null : record.getDescription().getValue(),
                url);
    }

    private static Kind kind(String type) {
        return switch (type) {
            case "book" -> Kind.BOOK;
            case "ebook" -> Kind.EBOOK;
            case "article" -> Kind.ARTICLE;
            case "journal", "ejournal" -> Kind.JOURNAL;
            case "chapter" -> Kind.CHAPTER;
            case "thesis" -> Kind.THESIS;
            default -> Kind.OTHER;
        };
    }

    /** The first page of a range ({@code 141-160}, {@code e1001}), or null. */
    String startPage() {
        return pages == null ? null : pages.split("[-–]")[0].strip();
    }

    /** The last page of a range, or null when the pages are no range. */
    String endPage() {
        if (pages == null) {
            return null;
        }
        String[] parts = pages.split("[-–]");
        return parts.length > 1 ? parts[parts.length - 1].strip() : null;
    }
}
