/**
 * The formal-language core: alphabets and words, automata, regexes, and the algebra behind the
 * star-free test. Pure Java plus AutomataLib (Hopcroft minimisation) and Jackson (DFA JSON); it imports
 * no other project package (docs/architecture.md).
 *
 * <ul>
 *   <li>{@link statescope.lang.Alphabet}, {@link statescope.lang.Word}: symbols and words.</li>
 *   <li>{@link statescope.lang.Dfa} (immutable, total, explicit dead state), {@link statescope.lang.DfaBuilder},
 *       {@link statescope.lang.Nfa} (ε-moves, subset construction), {@link statescope.lang.Dfas}
 *       (product, complement, intersection, union, difference, reachability, trim, emptiness).</li>
 *   <li>{@link statescope.lang.Minimizer}: canonical minimal DFA (Hopcroft; Moore as reference).</li>
 *   <li>{@link statescope.lang.Equivalence}: equivalence with a shortest separating word.</li>
 *   <li>{@link statescope.lang.RegexParser} (the grammar is in its Javadoc), {@link statescope.lang.Regex}
 *       (syntax tree), {@link statescope.lang.Regexes} (compile to a minimal DFA).</li>
 *   <li>{@link statescope.lang.TransitionMonoid}, {@link statescope.lang.StarFree},
 *       {@link statescope.lang.StarFreeVerdict}: aperiodicity and witnesses.</li>
 *   <li>{@link statescope.lang.DfaJson}, {@link statescope.lang.Jflap}, {@link statescope.lang.DotExport}:
 *       file formats.</li>
 *   <li>{@link statescope.lang.Limits}: size caps; beyond them a {@link statescope.lang.LimitExceededException}.</li>
 * </ul>
 * Every operation returns a new object and leaves its inputs unchanged. Bad input is an
 * {@link java.lang.IllegalArgumentException} subclass with a message naming what and where:
 * {@link statescope.lang.RegexSyntaxException}, {@link statescope.lang.DfaFormatException},
 * {@link statescope.lang.LimitExceededException}.
 */
package statescope.lang;
