package cn.edu.cashl.hub.coverage;

import java.time.LocalDate;

/**
 * What the coverage engine decided for one holding and one citation.
 *
 * @param reason    why
 * @param range     the range the decision was made on (the covering one, the embargoed one, the
 *                  nearest one), or null when the holding states none
 * @param availableOn for {@link Reason#EMBARGOED} by a moving wall that will pass it: the first day
 *                  the cited content becomes available; otherwise null
 */
public record Decision(Reason reason, CoverageRange range, LocalDate availableOn) {

    public boolean available() {
        return reason.available();
    }

    /**
     * This decision for a reader of another member library, who can have the text only by electronic
     * document delivery: covered content under a licence that does not allow it is
     * {@link Reason#NO_ILL_RIGHTS}, on the same range. Content the licence does not cover keeps its
     * own reason: that says more (an embargo lifts on a day; a right to deliver would not help).
     *
     * @param electronicDelivery whether the holding's licence allows electronic delivery to other members
     */
    public Decision forOtherMember(boolean electronicDelivery) {
        return available() && !electronicDelivery ? new Decision(Reason.NO_ILL_RIGHTS, range, null) : this;
    }

    /** The decision as a reader reads it: {@code embargoed until 2027-01-01}, {@code in-gap}. */
    public String explanation() {
        if (reason == Reason.EMBARGOED && availableOn != null) {
            return reason.code() + " until " + availableOn;
        }
        return reason.code();
    }
}
