package cn.edu.cashl.hub.sru.cql;

import java.util.List;
import java.util.Locale;

/**
 * A boolean triple: {@code left operator right}.
 *
 * @param operator  the boolean as written ({@code and}, {@code OR}, {@code prox})
 * @param modifiers its modifiers in order ({@code prox/distance<3/unit=word})
 */
public record CqlBoolean(
        List<CqlPrefix> prefixes, String operator, List<CqlModifier> modifiers, CqlNode left, CqlNode right)
        implements CqlNode {

    /** The four booleans of CQL. */
    public enum Operator {
        AND,
        OR,
        NOT,
        PROX
    }

    public CqlBoolean {
        prefixes = List.copyOf(prefixes);
        modifiers = List.copyOf(modifiers);
    }

    public Operator kind() {
        return Operator.valueOf(operator.toUpperCase(Locale.ROOT));
    }
}
