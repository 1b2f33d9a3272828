/**
 * The reference automaton view: the language's DFA laid out by ELK ({@link statescope.ui.automaton.AutomatonLayout}),
 * the current state and recent path highlighted, and for counter languages the counter configuration
 * over the input ({@code CounterPlot}). The view model
 * ({@link statescope.ui.automaton.AutomatonViewModel}) reads an {@link statescope.inspect.AlignedTrace}.
 */
package statescope.ui.automaton;
