/**
 * The reference automaton view: the language's DFA laid out by ELK ({@link statescope.ui.automaton.AutomatonLayout}),
 * or as a straight line when it is a counter-like chain ({@code ChainLayout}), edge labels kept readable at
 * any zoom ({@code EdgeLabels}), the current state and the recent path highlighted (fading by age), and for
 * counter languages the counter configuration over the input ({@code CounterPlot}). The view model
 * ({@link statescope.ui.automaton.AutomatonViewModel}) reads an {@link statescope.inspect.AlignedTrace}.
 */
package statescope.ui.automaton;
