package cn.edu.cashl.hub.crosswalk;

import java.time.Duration;
import net.sf.saxon.trans.UncheckedXPathException;
import net.sf.saxon.trans.XPathException;

/**
 * The time a sandboxed transformation (or compilation) may take. Saxon has no interrupt check, so the
 * sandbox compiles checkpoints into the stylesheet ({@link BudgetCheck}) that call {@link #spend()};
 * the first checkpoint past the deadline throws {@link Exceeded}, and so does every later one.
 *
 * <p>Checkpoints find the running budget through a thread-local: Saxon-HE evaluates a transformation
 * entirely on the calling thread, and the compiled stylesheet is shared by every transformation, so
 * the budget cannot live in the stylesheet. Code that runs without a budget (the plain engine, or
 * Saxon folding constants outside a compilation) passes its checkpoints for free.
 */
final class Budget implements AutoCloseable {

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
    /** Checkpoints between two looks at the clock: a checkpoint costs a few ns, the clock ~25. */
    private static final int CLOCK_EVERY = 64;

    private final Duration limit;
    private final long deadline;
    private final Budget outer;
    private int ticks;
    private boolean exceeded;

    private Budget(Duration limit, Budget outer) {
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
        this.outer = outer;
    }

    /** Starts a budget on this thread; close it (try-with-resources) when the work is done. */
    static Budget start(Duration limit) {
        Budget budget = new Budget(limit, CURRENT.get());
        CURRENT.set(budget);
        return budget;
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }

    /** A checkpoint. */
    static void spend() throws Exceeded {
        Budget budget = CURRENT.get();
        if (budget != null) {
            budget.tick();
        }
    }

    /** A checkpoint where Saxon's interfaces allow no checked exception (inside an iterator). */
    static void spendUnchecked() {
        try {
            spend();
        } catch (Exceeded e) {
            throw new UncheckedXPathException(e);
        }
    }

    private void tick() throws Exceeded {
        if (exceeded || (++ticks % CLOCK_EVERY == 0 && System.nanoTime() - deadline > 0)) {
            exceeded = true;
            throw new Exceeded(limit);
        }
    }

    /**
     * Whether the deadline passed: found by a checkpoint, or by the clock now. A single built-in call
     * (a huge string-join or replace) runs between checkpoints; it cannot be stopped, but the record
     * it was for still fails with the limit's reason.
     */
    boolean exceeded() {
        return exceeded || System.nanoTime() - deadline > 0;
    }

    Duration limit() {
        return limit;
    }

    /** "2 s" or "1500 ms". */
    static String describe(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /**
     * The deadline has passed. A subclass of Saxon's stack-overflow error on purpose: xsl:try and
     * pattern matching let exactly that error through, and a stylesheet must not catch its time limit.
     */
    static final class Exceeded extends XPathException.StackOverflow {

        Exceeded(Duration limit) {
            super("exceeded the time limit of " + describe(limit), "CASHL0001", null);
        }
    }
}
