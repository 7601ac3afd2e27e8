package cn.edu.cashl.hub.sru.cql;

import java.util.List;

/**
 * The relation of a search clause.
 *
 * @param base      the relation as written: a symbol ({@code =}, {@code ==}, {@code <>}, ...) or a
 *                  name ({@code any}, {@code Any}, {@code dc.within}); compare names ignoring case
 * @param modifiers its modifiers in order
 */
public record CqlRelation(String base, List<CqlModifier> modifiers) {

    public CqlRelation {
        modifiers = List.copyOf(modifiers);
    }
}
