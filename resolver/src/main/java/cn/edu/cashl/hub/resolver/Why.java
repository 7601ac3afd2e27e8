package cn.edu.cashl.hub.resolver;

import cn.edu.cashl.hub.coverage.Decision;
import cn.edu.cashl.hub.coverage.Reason;
import java.time.LocalDate;

/**
 * Why an option is offered or ruled out: a coverage decision's reason, or one of the resolver's own
 * rules. Exactly one of the two is set.
 *
 * @param reason      the coverage engine's reason, or null
 * @param rule        the resolver's rule, or null
 * @param availableOn for an embargo that will lift: the first day the content is available
 */
public record Why(Reason reason, Rule rule, LocalDate availableOn) {

    public Why {
        if ((reason == null) == (rule == null)) {
            throw new IllegalArgumentException("a reason or a rule, not both: " + reason + ", " + rule);
        }
    }

    public static Why of(Decision decision) {
        return new Why(decision.reason(), null, decision.availableOn());
    }

    public static Why of(Reason reason) {
        return new Why(reason, null, null);
    }

    public static Why of(Rule rule) {
        return new Why(null, rule, null);
    }

    /** The code: {@code covered}, {@code no-ill-rights}, {@code centre-library}... */
    public String code() {
        return reason != null ? reason.code() : rule.code();
    }

    /** The code, with the day an embargo lifts: {@code embargoed until 2027-01-01}. */
    public String explanation() {
        return availableOn == null ? code() : code() + " until " + availableOn;
    }
}
