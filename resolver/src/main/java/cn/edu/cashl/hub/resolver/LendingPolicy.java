package cn.edu.cashl.hub.resolver;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order in which member libraries are asked to lend (docs/efirst.md, "The ranking policy"):
 * centre libraries before service libraries, then the higher weight (turnaround and load, kept by
 * the consortium's staff, {@link LenderWeights}), then the library code, so that the order is total
 * and the same for every reader.
 */
final class LendingPolicy implements Comparator<Member> {

    private static final Logger LOG = LoggerFactory.getLogger(LendingPolicy.class);

    private final LenderWeights weights;
    /** The weights as read for this answer ({@link LenderWeights#current()}), when first needed. */
    private LenderWeights now;
    /** Each library's weight once per answer: a sort asks for it many times. */
    private final Map<String, Double> read = new HashMap<>();

    LendingPolicy(LenderWeights weights) {
        this.weights = weights;
    }

    @Override
    public int compare(Member a, Member b) {
        int byTier = Integer.compare(tier(a), tier(b));
        if (byTier != 0) {
            return byTier;
        }
        int byWeight = Double.compare(weight(b), weight(a));
        return byWeight != 0 ? byWeight : a.code().compareTo(b.code());
    }

    private static int tier(Member member) {
        return member.tier() == null
                ? LenderTier.values().length
                : member.tier().ordinal();
    }

    /**
     * A weight that is not a number (a broken setting) counts as the default, not as first or last;
     * so does one that cannot be read: the answer goes on in the tiers' and codes' order.
     */
    private double weight(Member member) {
        return read.computeIfAbsent(member.code(), code -> {
            try {
                if (now == null) {
                    now = weights.current();
                }
                double weight = now.weight(code);
                return Double.isNaN(weight) ? LenderWeights.DEFAULT : weight;
            } catch (RuntimeException e) {
                LOG.warn(
                        "the weight of lender {} cannot be read, {} used: {}",
                        code,
                        LenderWeights.DEFAULT,
                        e.getMessage());
                return LenderWeights.DEFAULT;
            }
        });
    }
}
