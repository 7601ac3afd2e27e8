package cn.edu.cashl.hub.oai;

import cn.edu.cashl.hub.catalog.Access;
import cn.edu.cashl.hub.catalog.CatalogStore;
import cn.edu.cashl.hub.catalog.RecordFilter;
import cn.edu.cashl.hub.catalog.StoreCollection;
import cn.edu.cashl.hub.publish.Library;
import cn.edu.cashl.hub.publish.XmlText;
import io.gdcc.xoai.model.oaipmh.results.Description;
import io.gdcc.xoai.model.oaipmh.results.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The set hierarchy: {@code library} with one {@code library:<code>} per holding library,
 * {@code type} with one {@code type:<type>} per record type, and {@code access} with
 * {@code access:online} and {@code access:openAccess} ({@link Access}). The leaves are the sets the
 * catalogue actually has (including ones only deleted or departed records are still in, whose
 * harvests must go on reporting them); each carries its English and Chinese names in an oai_dc
 * description.
 */
final class SetDirectory {

    private static final int MAX_SETS = 10_000;
    private static final Map<String, String[]> TYPES = Map.of(
            "book", new String[] {"Books", "图书"},
            "journal", new String[] {"Journals", "期刊"},
            "article", new String[] {"Journal articles", "期刊论文"},
            "ebook", new String[] {"E-books", "电子图书"},
            "ejournal", new String[] {"E-journals", "电子期刊"},
            "other", new String[] {"Other material", "其他资料"});
    /** Name, Chinese name and description of each access set; print has none ({@link Access#PARENT_SET}). */
    private static final Map<Access, String[]> ACCESS = Map.of(
            Access.ONLINE,
            new String[] {
                "Online",
                "在线资源",
                "Records with at least one electronic holding at a member library, licensed or open access."
            },
            Access.OPEN_ACCESS,
            new String[] {
                "Open access",
                "开放获取",
                "Records with at least one electronic holding in open access, free to read for anyone. They are"
                        + " in access:online too."
            });

    private final CatalogStore store;
    private final Map<String, Library> libraries;

    SetDirectory(CatalogStore store, Map<String, Library> libraries) {
        this.store = store;
        this.libraries = Map.copyOf(libraries);
    }

    /** Every set, parents first, then the leaves in spec order. */
    List<Set> sets() {
        TreeSet<String> specs = new TreeSet<>(
                store.terms(StoreCollection.CATALOG, "set", MAX_SETS).keySet());
        specs.addAll(store.terms(StoreCollection.CATALOG, RecordFilter.FORMER_SET, MAX_SETS)
                .keySet());
        List<Set> sets = new ArrayList<>();
        sets.add(set(
                "library",
                "Holding libraries",
                "收藏馆",
                "Records by the member library that holds them: library:<code>, one set per library."));
        sets.add(set(
                "type", "Record types", "文献类型", "Records by type: book, journal, article, ebook, ejournal, other."));
        sets.add(set(
                Access.PARENT_SET,
                "Online access",
                "在线获取",
                "Records that can be read online: access:online (an electronic holding, licensed or open access),"
                        + " access:openAccess (an open-access one)."));
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            String code = spec.substring(colon + 1);
            if (spec.startsWith("library:")) {
                Library library = libraries.get(code);
                String name = library != null && library.name() != null ? library.name() : code;
                sets.add(set(
                        spec,
                        name,
                        library == null ? null : library.nameZh(),
                        "Records with a holding at " + name + " (library code " + code + ")."));
            } else if (spec.startsWith("type:")) {
                String[] names = TYPES.getOrDefault(code, new String[] {code, null});
                sets.add(set(spec, names[0], names[1], "Records of type " + code + "."));
            } else if (spec.startsWith(Access.PARENT_SET + ":")) {
                String[] names = Access.find(code)
                        .map(ACCESS::get)
                        .orElse(new String[] {code, null, "Records with access " + code + "."});
                sets.add(set(spec, names[0], names[1], names[2]));
            }
        }
        return sets;
    }

    private static Set set(String spec, String name, String nameZh, String description) {
        Set set = new Set().withSpec(spec).withName(name);
        StringBuilder dc = new StringBuilder(
                "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd\">");
        dc.append("<dc:title xml:lang=\"en\">").append(XmlText.escape(name)).append("</dc:title>");
        if (nameZh != null && !nameZh.isBlank()) {
            dc.append("<dc:title xml:lang=\"zh\">")
                    .append(XmlText.escape(nameZh))
                    .append("</dc:title>");
        }
        dc.append("<dc:description xml:lang=\"en\">")
                .append(XmlText.escape(description))
                .append("</dc:description>");
        set.getDescriptions().add(new Description(dc.append("</oai_dc:dc>").toString()));
        return set;
    }
}
