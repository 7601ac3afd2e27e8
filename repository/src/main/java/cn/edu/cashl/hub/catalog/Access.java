package cn.edu.cashl.hub.catalog;

import cn.edu.cashl.hub.schema.v1.Holding;
import cn.edu.cashl.hub.schema.v1.HoldingAccess;
import cn.edu.cashl.hub.schema.v1.HoldingForm;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a master record can be read: the access facet, derived from its holdings once, when the
 * master record is written, and published as the search field {@link SearchFields#ACCESS} (SRU
 * {@code cashl.access}) and as OAI-PMH sets ({@link #setSpec()}). A record has every value that
 * applies: an electronic journal one library licenses and another reads in open access is both
 * {@link #ONLINE} and {@link #OPEN_ACCESS}.
 */
public enum Access {
    /** At least one electronic holding, licensed or open access. */
    ONLINE("online"),
    /** At least one electronic holding in open access. */
    OPEN_ACCESS("openAccess"),
    /** At least one print holding. */
    PRINT("print");

    /**
     * The OAI-PMH parent set of the access sets. Print has no set of its own: nearly every record
     * of the union catalogue is held in print, and harvesters ask for what can be read online.
     */
    public static final String PARENT_SET = "access";

    /** What a term may differ by from a value and still name it: "Open Access", "open-access". */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");

    private final String value;

    Access(String value) {
        this.value = value;
    }

    /** The value as indexed and published: {@code online}, {@code openAccess}, {@code print}. */
    public String value() {
        return value;
    }

    /** The OAI-PMH set of records with this access ({@code access:online}), if it is one. */
    public Optional<String> setSpec() {
        return this == PRINT ? Optional.empty() : Optional.of(PARENT_SET + ":" + value);
    }

    /** The access a record with these holdings has; empty for a record without holdings. */
    public static Set<Access> of(Collection<Holding> holdings) {
        Set<Access> access = EnumSet.noneOf(Access.class);
        for (Holding holding : holdings) {
            if (holding.getForm() == HoldingForm.ELECTRONIC) {
                access.add(ONLINE);
                // The schema reads an absent access as licensed.
                if (holding.getAccess() == HoldingAccess.OPEN_ACCESS) {
                    access.add(OPEN_ACCESS);
                }
            } else if (holding.getForm() == HoldingForm.PRINT) {
                access.add(PRINT);
            }
        }
        return access;
    }

    /**
     * The access a term names, ignoring case, accents, blanks, hyphens and underscores
     * ({@code OPENACCESS}, {@code open access}); empty for a term that names none.
     */
    public static Optional<Access> find(String term) {
        String wanted = key(term);
        for (Access access : values()) {
            if (key(access.value).equals(wanted)) {
                return Optional.of(access);
            }
        }
        return Optional.empty();
    }

    private static String key(String text) {
        return SEPARATORS.matcher(SearchFields.fold(text)).replaceAll("");
    }
}
