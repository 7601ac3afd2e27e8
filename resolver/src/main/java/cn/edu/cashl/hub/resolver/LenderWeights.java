package cn.edu.cashl.hub.resolver;

/**
 * A lender's weight within its tier: how fast it delivers and how loaded it is, kept by the
 * consortium's staff (docs/efirst.md, "The ranking policy"). Higher ranks first; ties go by library
 * code. A library without a weight of its own weighs {@link #DEFAULT}.
 */
@FunctionalInterface
public interface LenderWeights {

    double DEFAULT = 1.0;

    /** The weight of a library; {@link #DEFAULT} when none is set. */
    double weight(String library);

    /**
     * The weights as they are now, for one answer that asks for many of them (a sort of the
     * lenders): a store that reads them from somewhere reads them all at once here.
     */
    default LenderWeights current() {
        return this;
    }

    /** Every library weighs the same: the tiers and the library codes alone decide. */
    static LenderWeights uniform() {
        return library -> DEFAULT;
    }
}
