package statescope.lang.catalog;

import java.util.SplittableRandom;
import statescope.lang.Alphabet;

/**
 * The counter languages' samplers that follow the paper's generators (lacoco-lab/ssm_expressivity,
 * {@code dyck_generator.py}, {@code shuffle_generator.py}, {@code boolean_generator.py}; our own code):
 * <ul>
 *   <li>Dyck-1 and Shuffle-k: the grammar S → (_i S )_i with probability p = 1/2 (a uniform bracket
 *       type i), S → S S with q = 1/4, S → ε otherwise; a nested part whose opening bracket starts at or
 *       past the window's top is empty, and a part longer than the top becomes empty (not the whole word);
 *       words shorter than the window's bottom are drawn again;</li>
 *   <li>Boolean-n: prefix expressions grown left to right, an operand (0 or 1) with probability 1 − p and
 *       each operator of arity 1..n with p/n, until no operand is missing (p = 1/2 for Boolean-3, 0.3 for
 *       Boolean-5); a draw still open after the window's top length is dropped.</li>
 * </ul>
 */
final class GrammarSamplers {

    private GrammarSamplers() {
    }

    /** Dyck-1 ({@code k = 1}) or Shuffle-k over {@code k} opening symbols followed by their k closing ones. */
    static WordSampler brackets(Alphabet al, LengthWindow generator) {
        return new Brackets(al, generator, 0.5, 0.25);
    }

    /** Boolean-n over {@code 0 1} and n operators of arity 1..n (in that order). */
    static WordSampler booleanExpr(Alphabet al, LengthWindow generator, double p) {
        return new BooleanExpr(al, generator, p);
    }

    private static final class Brackets extends GeneratorSampler {
        private final int types;
        private final double p;
        private final double q;

        Brackets(Alphabet al, LengthWindow generator, double p, double q) {
            super(al, generator);
            this.types = al.size() / 2;
            this.p = p;
            this.q = q;
        }

        @Override
        int[] attempt(SplittableRandom r) {
            var s = new Ints();
            grow(0, s, r);
            return s.toArray();
        }

        /** Appends one S whose opening brackets so far count {@code size} symbols; parts over the top are dropped. */
        private void grow(int size, Ints s, SplittableRandom r) {
            int max = generator.max();
            if (size >= max) {
                return;
            }
            int start = s.length();
            double u = r.nextDouble();
            if (u < p) {
                int t = r.nextInt(types);
                s.add(t);
                grow(size + 2, s, r);
                s.add(types + t);
            } else if (u < p + q) {
                grow(size, s, r);
                grow(size, s, r);
            }
            if (s.length() - start > max) {
                s.truncate(start);
            }
        }
    }

    private static final class BooleanExpr extends GeneratorSampler {
        private final int operators;
        private final double p;

        BooleanExpr(Alphabet al, LengthWindow generator, double p) {
            super(al, generator);
            this.operators = al.size() - 2;
            this.p = p;
        }

        @Override
        int[] attempt(SplittableRandom r) {
            var s = new Ints();
            int missing = 1;
            for (int i = 0; i < generator.max(); i++) {
                double u = r.nextDouble();
                int arity = u < 1 - p ? 0 : Math.min(operators, 1 + (int) ((u - (1 - p)) / (p / operators)));
                s.add(arity == 0 ? r.nextInt(2) : 1 + arity);
                missing += arity - 1;
                if (missing == 0) {
                    return s.toArray();
                }
            }
            return null;
        }
    }
}
