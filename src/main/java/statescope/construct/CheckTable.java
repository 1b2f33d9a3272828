package statescope.construct;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The exactness table of docs/constructions.md: per model its size against the automaton's and one
 * cell per check row ("✓ 102,382" positions, or "✗ 3 of 102,382 wrong").
 */
public final class CheckTable {

    /** One model's line: what it is, its sizes and its check rows. */
    public record Line(String name, String source, String automaton, Constructed model, List<ExactnessCheck.Row> rows) {
        public boolean exact() {
            return rows.stream().allMatch(ExactnessCheck.Row::exact);
        }
    }

    private CheckTable() {
    }

    /** Runs the check on one model and reports each row as it completes. */
    public static Line check(String name, String source, String automaton, Constructed model, List<Integer> lengths,
                             List<Integer> samples, int exhaustiveMax, long seed, Consumer<ExactnessCheck.Row> progress) {
        var rows = new ExactnessCheck(model).run(lengths, samples, exhaustiveMax, seed, progress);
        return new Line(name, source, automaton, model, rows);
    }

    /** The Markdown header for the given lengths. */
    public static List<String> header(List<Integer> lengths) {
        var cols = new ArrayList<>(List.of("model", "construction", "automaton", "layers", "d_model", "ED", "parameters",
                "exhaustive"));
        for (int n : lengths) {
            cols.add("length " + n);
        }
        cols.add("check time");
        String h = "| " + String.join(" | ", cols) + " |";
        String sep = "|" + "---|".repeat(cols.size());
        return List.of(h, sep);
    }

    /** One Markdown row. */
    public static String row(Line l) {
        var c = l.model().checkpoint().weights().config();
        var cells = new ArrayList<>(List.of(l.name(), l.source(), l.automaton(), Integer.toString(c.nLayer()),
                Integer.toString(c.dModel()), Integer.toString(c.dInner()), String.format("%,d", l.model().parameters())));
        var time = ExactnessCheck.Timing.NONE;
        long tokens = 0;
        for (ExactnessCheck.Row r : l.rows()) {
            cells.add(cell(r));
            time = time.plus(r.timing());
            tokens += r.tokens();
        }
        cells.add(String.format("%.0f s, %s tokens/s", time.wallNanos() / 1e9,
                ExactnessCheck.Timing.rate(tokens, time.wallNanos())));
        // a regex's alternation bars would end the cell
        return "| " + String.join(" | ", cells.stream().map(cell -> cell.replace("|", "\\|")).toList()) + " |";
    }

    /** "✓ all 2^10 (1,023)" or "✗ 3 of 1,023". */
    public static String cell(ExactnessCheck.Row r) {
        if (r.exact()) {
            return "✓ " + r.what() + " (" + String.format("%,d", r.positions()) + ")";
        }
        return "✗ " + r.what() + ": " + String.format("%,d of %,d", r.wrong(), r.positions()) + " wrong";
    }
}
