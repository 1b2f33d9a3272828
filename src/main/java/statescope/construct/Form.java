package statescope.construct;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A linear form over the normalised residual stream u (one coefficient per residual dimension). In a
 * constructed model every u entry is an integer: ±1 on sign dimensions (the bias dimension is +1),
 * the value itself on count dimensions (see {@link ModelBuilder}), so a form with dyadic coefficients
 * is computed exactly in float32 whatever the summation order.
 *
 * <p>A <em>condition</em> is a form whose value is exactly 1 when the condition holds and at most 0 when
 * it does not ({@link #is}, {@link #and}, {@link #anyOf} keep that invariant). Read at a padded
 * position before the start of the string (the conv's zero padding, where u = 0), every form is 0.
 *
 * @param coefficients dimension → coefficient (immutable)
 */
public record Form(Map<Integer, Double> coefficients) {

    public Form {
        coefficients = Collections.unmodifiableMap(new TreeMap<>(coefficients));
    }

    /** The zero form. */
    public static Form zero() {
        return new Form(Map.of());
    }

    /** c·u[dim]. */
    public static Form of(int dim, double c) {
        return new Form(Map.of(dim, c));
    }

    /** The constant c (c·u[bias], u[bias] = 1). */
    public static Form constant(double c) {
        return of(ModelBuilder.BIAS, c);
    }

    /** The condition "sign dimension {@code dim} is +1": (u[dim] + 1) / 2, exactly 0 or 1. */
    public static Form is(int dim) {
        return of(dim, 0.5).plus(constant(0.5));
    }

    /** The condition "sign dimension {@code dim} is −1": (1 − u[dim]) / 2, exactly 0 or 1. */
    public static Form not(int dim) {
        return of(dim, -0.5).plus(constant(0.5));
    }

    /**
     * The sum of conditions that are each exactly 0 or 1 and never hold together (e.g. one-hot token
     * dimensions): again exactly 0 or 1.
     */
    public static Form anyOf(Form... exclusive) {
        Form f = zero();
        for (Form c : exclusive) {
            f = f.plus(c);
        }
        return f;
    }

    /** The conjunction of conditions (each at most 1): Σ c_i − (k − 1), 1 when all hold, else at most 0. */
    public static Form and(Form... conditions) {
        Form f = constant(1 - conditions.length);
        for (Form c : conditions) {
            f = f.plus(c);
        }
        return f;
    }

    /** This form plus another. */
    public Form plus(Form o) {
        var m = new TreeMap<>(coefficients);
        o.coefficients.forEach((k, v) -> m.merge(k, v, Double::sum));
        m.values().removeIf(v -> v == 0.0);
        return new Form(m);
    }

    /** This form times a scalar. */
    public Form times(double s) {
        var m = new TreeMap<Integer, Double>();
        coefficients.forEach((k, v) -> {
            if (v * s != 0.0) {
                m.put(k, v * s);
            }
        });
        return new Form(m);
    }

    /** The value of the form on an integer vector u (for checks and tests). */
    public double eval(double[] u) {
        double s = 0;
        for (var e : coefficients.entrySet()) {
            s += e.getValue() * u[e.getKey()];
        }
        return s;
    }
}
