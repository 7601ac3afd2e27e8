package cn.edu.cashl.hub.resolver;

import java.util.Comparator;

/**
 * The order in which member libraries are asked to lend (docs/efirst.md, "The ranking policy"):
 * centre libraries before service libraries, then the higher weight (turnaround and load, kept by
 * the consortium's staff, {@link LenderWeights}), then the library code, so that the order is total
 * and the same for every reader.
 */
final class LendingPolicy implements Comparator<Member> {

    private final LenderWeights weights;

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

    /** A weight that is not a number (a broken setting) counts as the default, not as first or last. */
    private double weight(Member member) {
        double weight = weights.weight(member.code());
        return Double.isNaN(weight) ? LenderWeights.DEFAULT : weight;
    }
}
