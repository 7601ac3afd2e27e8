package cn.edu.cashl.hub.crosswalk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.sf.saxon.expr.AxisExpression;
import net.sf.saxon.expr.ContextItemExpression;
import net.sf.saxon.expr.Expression;
import net.sf.saxon.expr.Literal;
import net.sf.saxon.expr.Operand;
import net.sf.saxon.expr.RangeExpression;
import net.sf.saxon.expr.SimpleStepExpression;
import net.sf.saxon.expr.VariableReference;
import net.sf.saxon.expr.instruct.UserFunction;
import net.sf.saxon.expr.parser.CodeInjector;
import net.sf.saxon.functions.hof.UserFunctionReference;
import net.sf.saxon.om.NamespaceUri;
import net.sf.saxon.trace.TraceableComponent;
import net.sf.saxon.value.IntegerRange;

/**
 * Places {@link BudgetCheck}s in a sandboxed stylesheet, so that every way of running long passes one
 * often:
 * <ul>
 * <li>at the entry of each template, function and global variable: recursion, tail-recursive or not;</li>
 * <li>around each operand Saxon evaluates once per item (predicates, bodies of {@code for},
 *     {@code !}, {@code xsl:for-each}, {@code xsl:iterate}, sort keys, path steps other than a plain
 *     axis step): loops;</li>
 * <li>around integer ranges, counting items: {@code sum(1 to 2000000000)} has no loop of its own;</li>
 * <li>in the bodies of inline functions: {@code fold-left} and the like.</li>
 * </ul>
 * Saxon hands over templates after optimising them and functions before (their tail calls are found
 * later), so functions get only their entry checkpoint then, and the rest in {@link #finish()}.
 */
final class BudgetInjector implements CodeInjector {

    /** A literal range shorter than this is cheap whatever consumes it. */
    private static final int LONG_RANGE = 1000;

    private final List<UserFunction> functions = new ArrayList<>();

    @Override
    public Expression inject(Expression exp) {
        return exp;
    }

    @Override
    public void process(TraceableComponent component) {
        Expression body = component.getBody();
        if (body == null || body instanceof BudgetCheck) {
            return;
        }
        if (component instanceof UserFunction function) {
            functions.add(function);
        } else {
            body = inside(body);
        }
        component.setBody(BudgetCheck.around(body, false));
    }

    /** Checkpoints inside the functions, once Saxon has compiled the whole stylesheet. */
    void finish() {
        for (UserFunction function : functions) {
            inside(function.getBody());
        }
    }

    /**
     * Places checkpoints inside an expression tree (never around its root, which stays where it is)
     * and returns the root. Idempotent: a tree that has them gets no second set.
     */
    static Expression inside(Expression root) {
        return new Walk().inside(root);
    }

    /**
     * Places checkpoints around the integer ranges of an expression tree only, and returns the root.
     * For expressions just parsed in templates and functions: a checkpoint keeps Saxon from folding
     * {@code sum(1 to 2000000000)} into a constant while compiling, unchecked; the other checkpoints
     * wait for the optimised tree.
     */
    static Expression ranges(Expression root) {
        if (Walk.producesLongSequences(root)) {
            return BudgetCheck.around(root, true);
        }
        for (Operand operand : root.operands()) {
            Expression child = operand.getChildExpression();
            if (child == null) {
                continue;
            }
            Expression done = ranges(child);
            if (done != child && !operand.getOperandRole().isConstrainedClass()) {
                operand.setChildExpression(done);
            }
        }
        return root;
    }

    /** One walk; remembers inline functions already done, which several references can share. */
    private static final class Walk {

        private final Set<UserFunction> inlineDone = Collections.newSetFromMap(new IdentityHashMap<>());

        Expression inside(Expression exp) {
            if (exp instanceof UserFunctionReference reference) {
                inlineFunction(reference.getNominalTarget());
            }
            for (Operand operand : exp.operands()) {
                Expression child = operand.getChildExpression();
                if (child == null) {
                    continue;
                }
                inside(child);
                // A constrained operand must keep its class (a pattern, a tuple): checkpoints go inside only.
                if (operand.getOperandRole().isConstrainedClass()
                        || exp instanceof BudgetCheck
                        || child instanceof BudgetCheck) {
                    continue;
                }
                boolean perItem = producesLongSequences(child);
                if (perItem
                        || operand.getOperandRole().isEvaluatedRepeatedly()
                                && !trivial(child)
                                && !(exp instanceof SimpleStepExpression)) {
                    operand.setChildExpression(BudgetCheck.around(child, perItem));
                }
            }
            return exp;
        }

        private void inlineFunction(UserFunction function) {
            if (function == null
                    || function.getFunctionName() == null
                    || !function.getFunctionName().hasURI(NamespaceUri.ANONYMOUS)
                    || !inlineDone.add(function)
                    || function.getBody() instanceof BudgetCheck) {
                return; // named functions are components: they have their own checkpoints
            }
            function.setBody(BudgetCheck.around(inside(function.getBody()), false));
        }

        /**
         * An expression that cannot loop: a checkpoint around it would cost without guarding anything.
         * (An axis step is also what Saxon's simple step expression insists on finding as its step.)
         */
        private static boolean trivial(Expression exp) {
            return exp instanceof Literal
                    || exp instanceof AxisExpression
                    || exp instanceof ContextItemExpression
                    || exp instanceof VariableReference;
        }

        private static boolean producesLongSequences(Expression exp) {
            return exp instanceof RangeExpression
                    || exp instanceof Literal literal
                            && literal.getGroundedValue() instanceof IntegerRange range
                            && range.getLength() >= LONG_RANGE;
        }
    }
}
