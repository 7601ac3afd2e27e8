package cn.edu.cashl.hub.crosswalk;

import net.sf.saxon.expr.Expression;
import net.sf.saxon.expr.elab.BooleanEvaluator;
import net.sf.saxon.expr.elab.EagerPullEvaluator;
import net.sf.saxon.expr.elab.Elaborator;
import net.sf.saxon.expr.elab.ItemEvaluator;
import net.sf.saxon.expr.elab.MemoClosureEvaluator;
import net.sf.saxon.expr.elab.PullEvaluator;
import net.sf.saxon.expr.elab.PushEvaluator;
import net.sf.saxon.expr.elab.SequenceEvaluator;
import net.sf.saxon.expr.elab.UnicodeStringEvaluator;
import net.sf.saxon.expr.instruct.TraceExpression;
import net.sf.saxon.expr.parser.ExpressionTool;
import net.sf.saxon.expr.parser.RebindingMap;
import net.sf.saxon.om.Item;
import net.sf.saxon.om.SequenceIterator;
import net.sf.saxon.om.StructuredQName;

/**
 * A checkpoint compiled around an expression of a sandboxed stylesheet: each evaluation first spends
 * from the running {@link Budget}. Around an expression that can produce very long sequences from
 * nothing ({@code 1 to 2000000000}), it also spends per item delivered, so that a built-in function
 * consuming them ({@code sum}, {@code fold-left}, {@code string-join}) stops in time too.
 *
 * <p>It extends Saxon's {@link TraceExpression} for the plumbing (operand, static type, copy
 * semantics, Saxon's own handling of trace wrappers) but evaluates differently: Saxon's wrapper
 * needs a trace listener and runs tail calls inside itself, which would turn every tail-recursive
 * template or function into real recursion. This one passes tail calls through, so Saxon's loop for
 * them stays a loop, with a checkpoint in each turn.
 */
final class BudgetCheck extends TraceExpression {

    private final boolean perItem;

    private BudgetCheck(Expression child, boolean perItem) {
        super(child);
        this.perItem = perItem;
    }

    /** A checkpoint around {@code child}, at its place in the stylesheet. */
    static BudgetCheck around(Expression child, boolean perItem) {
        BudgetCheck check = new BudgetCheck(child, perItem);
        ExpressionTool.copyLocationInfo(child, check);
        check.setRetainedStaticContextLocally(child.getLocalRetainedStaticContext());
        return check;
    }

    @Override
    public Expression copy(RebindingMap rebindings) {
        // Saxon copies expressions when it inlines functions: the copy must stay a checkpoint.
        return around(getChild().copy(rebindings), perItem);
    }

    @Override
    public int markTailFunctionCalls(StructuredQName qName, int arity) {
        // Transparent, so that a call in tail position behind the checkpoint is still a tail call.
        return getChild().markTailFunctionCalls(qName, arity);
    }

    @Override
    protected int computeSpecialProperties() {
        // Transparent too: document order, "creates no nodes" and the like still hold.
        return getChild().getSpecialProperties();
    }

    @Override
    public String getExpressionName() {
        return "budgetCheck";
    }

    @Override
    public Elaborator getElaborator() {
        return new Checkpoint();
    }

    /** Evaluates the child in whatever mode Saxon asks for, after spending. */
    private static final class Checkpoint extends Elaborator {

        private Elaborator child() {
            return ((BudgetCheck) getExpression()).getChild().makeElaborator();
        }

        private boolean perItem() {
            return ((BudgetCheck) getExpression()).perItem;
        }

        // Whole-value evaluation goes through the child's own elaborator, which knows how its
        // expression handles an empty result (Saxon's generic version can return null for it).

        @Override
        public SequenceEvaluator eagerly() {
            if (perItem()) {
                return new EagerPullEvaluator(elaborateForPull());
            }
            SequenceEvaluator child = child().eagerly();
            return context -> {
                Budget.spend();
                return child.evaluate(context);
            };
        }

        @Override
        public SequenceEvaluator lazily(boolean repeatable, boolean lazyEvaluationRequired) {
            if (perItem()) {
                return new MemoClosureEvaluator(getExpression(), elaborateForPull());
            }
            SequenceEvaluator child = child().lazily(repeatable, lazyEvaluationRequired);
            return context -> {
                Budget.spend();
                return child.evaluate(context);
            };
        }

        @Override
        public PullEvaluator elaborateForPull() {
            PullEvaluator child = child().elaborateForPull();
            if (perItem()) {
                return context -> {
                    Budget.spend();
                    return new SpendingIterator(child.iterate(context));
                };
            }
            return context -> {
                Budget.spend();
                return child.iterate(context);
            };
        }

        @Override
        public PushEvaluator elaborateForPush() {
            if (perItem()) {
                PullEvaluator pull = elaborateForPull();
                return (output, context) -> {
                    SequenceIterator items = pull.iterate(context);
                    for (Item item; (item = items.next()) != null; ) {
                        output.append(item);
                    }
                    return null;
                };
            }
            PushEvaluator child = child().elaborateForPush();
            return (output, context) -> {
                Budget.spend();
                return child.processLeavingTail(output, context);
            };
        }

        @Override
        public ItemEvaluator elaborateForItem() {
            ItemEvaluator child = child().elaborateForItem();
            return context -> {
                Budget.spend();
                return child.eval(context);
            };
        }

        @Override
        public BooleanEvaluator elaborateForBoolean() {
            BooleanEvaluator child = child().elaborateForBoolean();
            return context -> {
                Budget.spend();
                return child.eval(context);
            };
        }

        @Override
        public UnicodeStringEvaluator elaborateForUnicodeString(boolean zeroLengthWhenAbsent) {
            UnicodeStringEvaluator child = child().elaborateForUnicodeString(zeroLengthWhenAbsent);
            return context -> {
                Budget.spend();
                return child.eval(context);
            };
        }
    }

    /** Spends once per item taken from a sequence. */
    private static final class SpendingIterator implements SequenceIterator {

        private final SequenceIterator items;

        SpendingIterator(SequenceIterator items) {
            this.items = items;
        }

        @Override
        public Item next() {
            Item item = items.next();
            if (item != null) {
                Budget.spendUnchecked();
            }
            return item;
        }

        @Override
        public void close() {
            items.close();
        }
    }
}
