package cn.edu.cashl.hub.discovery;

import cn.edu.cashl.hub.resolver.Member;
import cn.edu.cashl.hub.resolver.Option;
import cn.edu.cashl.hub.resolver.OptionKind;
import cn.edu.cashl.hub.resolver.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A record's availability at a glance, as the E-first resolver would answer a reader of the home
 * library who asked for it now (the same ranking, the same coverage decisions): what a result shows
 * beside its title, and the best way to the full text.
 *
 * @param openAccess    free to read (an open-access holding that covers it)
 * @param onlineHere    online through the home library's own licence
 * @param consortium    online through the consortium's licence
 * @param delivered     online at another member, by electronic document delivery
 * @param onShelf       a print copy in the home library
 * @param printLibraries how many member libraries lend a print copy, the home library's aside
 * @param best          the resolver's best way, or null when there is none
 */
public record Availability(
        boolean openAccess,
        boolean onlineHere,
        boolean consortium,
        boolean delivered,
        boolean onShelf,
        int printLibraries,
        Option best) {

    /** What the resolver's answer says, at a glance. */
    public static Availability of(Resolution resolution) {
        Member home = resolution.home();
        boolean openAccess = false;
        boolean onlineHere = false;
        boolean consortium = false;
        boolean delivered = false;
        boolean onShelf = false;
        Set<String> lenders = new LinkedHashSet<>();
        for (Option option : resolution.options()) {
            switch (option.kind()) {
                case OPEN_ACCESS -> openAccess = true;
                case ELECTRONIC -> {
                    if (home != null && home.code().equals(option.library())) {
                        onlineHere = true;
                    } else {
                        consortium = true;
                    }
                }
                case ELECTRONIC_DELIVERY -> delivered = true;
                case PRINT -> onShelf = true;
                case PRINT_DELIVERY -> lenders.add(option.library());
                case ILL -> {
                    // The hand-off to the home library's ILL system: always there, says nothing of the record.
                }
            }
        }
        return new Availability(
                openAccess, onlineHere, consortium, delivered, onShelf, lenders.size(), resolution.best());
    }

    /** What a result shows of its availability, strongest first. */
    public enum Badge {
        OPEN_ACCESS,
        ONLINE_HERE,
        CONSORTIUM,
        DELIVERED,
        ON_SHELF,
        PRINT,
        /** No member library has it in any form. */
        NOT_HELD
    }

    /** The badges of this availability, strongest first; {@link Badge#NOT_HELD} alone when there is none. */
    public List<Badge> badges() {
        List<Badge> badges = new ArrayList<>();
        if (openAccess) {
            badges.add(Badge.OPEN_ACCESS);
        }
        if (onlineHere) {
            badges.add(Badge.ONLINE_HERE);
        }
        if (consortium) {
            badges.add(Badge.CONSORTIUM);
        }
        if (delivered) {
            badges.add(Badge.DELIVERED);
        }
        if (onShelf) {
            badges.add(Badge.ON_SHELF);
        }
        if (printLibraries > 0) {
            badges.add(Badge.PRINT);
        }
        if (badges.isEmpty()) {
            badges.add(Badge.NOT_HELD);
        }
        return badges;
    }

    /** Readable online now, without asking anyone: open access or a licence the reader has. */
    public boolean online() {
        return openAccess || onlineHere || consortium;
    }

    /** The best way is a link to the text itself (not a request for a copy). */
    public boolean bestIsFullText() {
        return best != null
                && best.url() != null
                && (best.kind() == OptionKind.OPEN_ACCESS || best.kind() == OptionKind.ELECTRONIC);
    }
}
