package cn.edu.cashl.hub.sru.cql;

import cn.edu.cashl.hub.publish.XmlText;
import java.util.List;

/**
 * Writes a query as XCQL, the XML form of CQL that SRU echoes back in {@code echoedSearchRetrieveRequest},
 * laid out exactly as cql-java lays it out: two spaces of indentation per level, a newline after
 * every line, no XML declaration. Sort keys are written inside the root node, as in cql-java.
 * Unlike cql-java, prefix names and identifiers are escaped like all other text, so that the
 * output is always well-formed.
 */
public final class Xcql {

    private static final String INDENT = "  ";

    private final StringBuilder out = new StringBuilder();

    private Xcql() {}

    public static String write(CqlQuery query) {
        Xcql xcql = new Xcql();
        xcql.node(query.root(), query.sortKeys(), 0);
        return xcql.out.toString();
    }

    private void node(CqlNode node, List<CqlSortKey> sortKeys, int level) {
        String element = node instanceof CqlClause ? "searchClause" : "triple";
        open(level, element);
        prefixes(node.prefixes(), level + 1);
        if (node instanceof CqlClause clause) {
            text(level + 1, "index", clause.index());
            modified(
                    level + 1,
                    "relation",
                    "value",
                    clause.relation().base(),
                    clause.relation().modifiers());
            text(level + 1, "term", clause.term());
        } else {
            CqlBoolean triple = (CqlBoolean) node;
            modified(level + 1, "boolean", "value", triple.operator(), triple.modifiers());
            operand(level + 1, "leftOperand", triple.left());
            operand(level + 1, "rightOperand", triple.right());
        }
        sortKeys(sortKeys, level + 1);
        close(level, element);
    }

    private void operand(int level, String element, CqlNode node) {
        open(level, element);
        node(node, List.of(), level + 1);
        close(level, element);
    }

    private void prefixes(List<CqlPrefix> prefixes, int level) {
        if (prefixes.isEmpty()) {
            return;
        }
        open(level, "prefixes");
        for (CqlPrefix prefix : prefixes) {
            open(level + 1, "prefix");
            if (prefix.name() != null) {
                text(level + 2, "name", prefix.name());
            }
            text(level + 2, "identifier", prefix.identifier());
            close(level + 1, "prefix");
        }
        close(level, "prefixes");
    }

    private void sortKeys(List<CqlSortKey> keys, int level) {
        if (keys.isEmpty()) {
            return;
        }
        open(level, "sortKeys");
        for (CqlSortKey key : keys) {
            modified(level + 1, "key", "index", key.index(), key.modifiers());
        }
        close(level, "sortKeys");
    }

    /** A relation, boolean or sort key: its base in {@code valueElement}, then its modifiers. */
    private void modified(int level, String element, String valueElement, String base, List<CqlModifier> modifiers) {
        open(level, element);
        text(level + 1, valueElement, base);
        if (!modifiers.isEmpty()) {
            open(level + 1, "modifiers");
            for (CqlModifier modifier : modifiers) {
                open(level + 2, "modifier");
                text(level + 3, "type", modifier.type());
                if (modifier.value() != null) {
                    text(level + 3, "comparison", modifier.comparison());
                    text(level + 3, "value", modifier.value());
                }
                close(level + 2, "modifier");
            }
            close(level + 1, "modifiers");
        }
        close(level, element);
    }

    private void open(int level, String element) {
        indent(level).append('<').append(element).append(">\n");
    }

    private void close(int level, String element) {
        indent(level).append("</").append(element).append(">\n");
    }

    private void text(int level, String element, String text) {
        indent(level).append('<').append(element).append('>');
        // Only what XML requires in text content; quotes stay as they are, as in cql-java.
        XmlText.append(out, text, false);
        out.append("</").append(element).append(">\n");
    }

    private StringBuilder indent(int level) {
        return out.append(INDENT.repeat(level));
    }
}
