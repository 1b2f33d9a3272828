package statescope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import statescope.analysis.Counterexample;
import statescope.analysis.LengthSweep;
import statescope.analysis.PrefixBench;
import statescope.analysis.SearchReport;
import statescope.analysis.Subject;

/**
 * How {@code counterexample} and {@code lengths} print their results: text, JSON, CSV, Markdown. In JSON
 * {@code language} is the language's id, as in every command's JSON ({@code tomita-3}), and
 * {@code languageName} the name the text shows ({@code Tomita 3}).
 */
final class AnalysisText {

    private AnalysisText() {
    }

    static String text(SearchReport r) {
        var sb = new StringBuilder();
        sb.append(r.model()).append(" on ").append(r.language()).append(" (").append(r.judge()).append("); guided phase on ")
                .append(r.backend()).append('\n');
        Counterexample c = r.found();
        if (c != null) {
            sb.append(f("counterexample: %s  (length %d)%n", c.text(), c.length()));
            sb.append(f("  wrong at position %d: target %s, model %s (margin %.4g)%n", c.position(), c.target(),
                    c.prediction(), c.margin()));
            sb.append(f("  found by the %s phase (%s) after %.2f s%s%n", c.phase(), c.source(), c.seconds(),
                    c.foundLength() > c.length() ? ", shortened from length " + c.foundLength() : ""));
            sb.append(c.stepAgrees() ? "  the app's recurrent step is wrong there too\n"
                    : "  note: the app's recurrent step reads this position right (the batched scan rounds differently)\n");
            if (c.completion() != null) {
                sb.append("  a word of the language: ").append(c.text()).append(c.completion())
                        .append(c.completion().isEmpty() ? " (as it is)" : "").append('\n');
            }
        } else {
            sb.append(r.summary()).append('\n');
        }
        sb.append(f("exhaustive: every prefix up to length %d, %,d prefixes in %.2f s (%,.0f prefixes/s)%n",
                r.exhaustiveDepth(), r.prefixes(), r.exhaustiveSeconds(), r.prefixesPerSecond()));
        if (r.sampled() > 0) {
            sb.append(f("guided: %,d strings up to length %d, %,d symbols in %.2f s%n", r.sampled(), r.sampledLongest(),
                    r.sampledTokens(), r.guidedSeconds()));
        }
        sb.append(f("time: %.2f s%s%n", r.seconds(), r.stopped() ? " (stopped early: time limit)" : ""));
        return sb.toString();
    }

    static Map<String, Object> map(SearchReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("language", r.languageId());
        m.put("languageName", r.language());
        m.put("judge", r.judge());
        m.put("backend", r.backend());
        Counterexample c = r.found();
        if (c != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("string", c.text());
            f.put("length", c.length());
            f.put("position", c.position());
            f.put("target", c.target());
            f.put("prediction", c.prediction());
            f.put("margin", c.margin());
            f.put("phase", c.phase());
            f.put("source", c.source());
            f.put("foundLength", c.foundLength());
            f.put("seconds", c.seconds());
            f.put("stepAgrees", c.stepAgrees());
            f.put("completion", c.completion());
            m.put("counterexample", f);
        } else {
            m.put("counterexample", null);
        }
        m.put("summary", r.summary());
        m.put("exhaustive", Map.of("depth", r.exhaustiveDepth(), "prefixes", r.prefixes(), "seconds", r.exhaustiveSeconds(),
                "prefixesPerSecond", r.prefixesPerSecond(), "languageCovered", r.languageCovered()));
        m.put("guided", Map.of("strings", r.sampled(), "longest", r.sampledLongest(), "symbols", r.sampledTokens(),
                "seconds", r.guidedSeconds()));
        m.put("stopped", r.stopped());
        m.put("seconds", r.seconds());
        return m;
    }

    static String json(SearchReport r) {
        return write(map(r));
    }

    static String sweepText(LengthSweep.Result r, int strings) {
        var sb = new StringBuilder();
        sb.append(f("%s on %s: strict accuracy vs length, %d strings per point, scans on %s%n", r.model(), r.language(),
                strings, r.backend()));
        if (r.training() != null) {
            sb.append("training lengths ").append(r.training()).append('\n');
        }
        sb.append(f("%-9s %-15s %8s %9s %17s  %s%n", "length", "window", "strings", "accuracy", "95% interval", "source"));
        for (var p : r.points()) {
            sb.append(f("%-9d %-15s %8d %8.1f%% %17s  %s%n", p.length(), p.length() + "-" + p.windowMax(), p.strings(),
                    100 * p.accuracy(), f("[%.1f, %.1f]", 100 * p.low(), 100 * p.high()), p.source()));
        }
        sb.append(r.firstBelow() > 0 ? "first length below 99%: " + r.firstBelow() + "\n"
                : "no length below 99% up to " + (r.points().isEmpty() ? 0 : r.points().getLast().windowMax()) + "\n");
        sb.append(f("%,d symbols in %.2f s: %,.0f symbols/s (batched scan alone: %,.0f symbols/s)%s%n", r.tokens(), r.seconds(),
                r.tokensPerSecond(), r.scanTokensPerSecond(), r.stopped() ? "; stopped early" : ""));
        return sb.toString();
    }

    /**
     * A sweep's points as CSV rows; with {@code modelColumn} each row starts with the model's name (a suite's
     * sweeps in one table), and the header line only when {@code header}.
     */
    static String sweepCsv(LengthSweep.Result r, boolean header, boolean modelColumn) {
        var sb = new StringBuilder(header ? (modelColumn ? "model," : "")
                + "length,window_max,strings,correct,accuracy,low,high,mean_length,source,first_fail_at\n" : "");
        for (var p : r.points()) {
            sb.append(modelColumn ? r.model() + "," : "").append(f("%d,%d,%d,%d,%.4f,%.4f,%.4f,%.1f,%s,%d%n",
                    p.length(), p.windowMax(), p.strings(), p.correct(), p.accuracy(), p.low(), p.high(), p.meanLength(),
                    p.source(), p.failAt()));
        }
        return sb.toString();
    }

    static Map<String, Object> sweepMap(LengthSweep.Result r, Subject s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("language", r.languageId());
        m.put("languageName", r.language());
        m.put("backend", r.backend());
        m.put("training", r.training() == null ? null : Map.of("min", r.training().min(), "max", r.training().max()));
        List<Map<String, Object>> pts = new ArrayList<>();
        for (var p : r.points()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("length", p.length());
            q.put("windowMax", p.windowMax());
            q.put("strings", p.strings());
            q.put("correct", p.correct());
            q.put("accuracy", p.accuracy());
            q.put("low", p.low());
            q.put("high", p.high());
            q.put("meanLength", p.meanLength());
            q.put("source", p.source());
            q.put("firstFailAt", p.failAt());
            q.put("firstFailure", p.firstFailure() == null || s == null ? null : s.text(p.firstFailure()));
            pts.add(q);
        }
        m.put("points", pts);
        m.put("firstBelow99", r.firstBelow() > 0 ? r.firstBelow() : null);
        m.put("symbols", r.tokens());
        m.put("seconds", r.seconds());
        m.put("symbolsPerSecond", r.tokensPerSecond());
        m.put("scanSymbolsPerSecond", r.scanTokensPerSecond());
        m.put("stopped", r.stopped());
        return m;
    }

    static String suiteTable(List<SearchReport> reports, List<LengthSweep.Result> sweeps) {
        var sb = new StringBuilder("| model | language | first length < 99% | shortest counterexample | length | phase | time (s) |\n");
        sb.append("|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < reports.size(); i++) {
            SearchReport r = reports.get(i);
            LengthSweep.Result w = sweeps.get(i);
            Counterexample c = r.found();
            String drop = w.firstBelow() > 0 ? Integer.toString(w.firstBelow())
                    : "none to " + (w.points().isEmpty() ? 0 : w.points().getLast().windowMax());
            String ce = c == null ? "none (to " + r.exhaustiveDepth() + "; " + r.sampled() + " samples to " + r.sampledLongest()
                    + (r.stopped() ? "; time limit" : "") + ")" : "`" + shorten(c.text()) + "`";
            sb.append(f("| %s | %s | %s | %s | %s | %s | %.1f |%n", r.model(), r.language(), drop, ce,
                    c == null ? "–" : Integer.toString(c.length()), c == null ? "–" : c.phase(), r.seconds()));
        }
        return sb.toString();
    }

    static String suiteJson(List<SearchReport> reports, List<LengthSweep.Result> sweeps) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Map<String, Object> m = map(reports.get(i));
            m.put("lengths", sweepMap(sweeps.get(i), null));
            rows.add(m);
        }
        return write(rows);
    }

    static String bench(Subject s, PrefixBench.Result r) {
        var sb = new StringBuilder();
        sb.append(f("exhaustive phase of %s: every prefix up to length %d, %,d prefixes (mean length %.1f)%n", s,
                r.depth(), r.prefixes(), r.meanLength()));
        var os = ManagementFactory.getOperatingSystemMXBean();
        sb.append(f("  machine                : %d cores, load average %.1f (other work slows every figure but the"
                + " per-CPU-second ones)%n", os.getAvailableProcessors(), os.getSystemLoadAverage()));
        sb.append(f("  prefix tree, %d threads : %,12.0f prefixes/s  (10^6 prefixes in %.2f s; goal <= 10 s)%n", r.threads(),
                r.treePerSecond(), r.secondsPerMillion()));
        sb.append(f("  prefix tree, 1 thread  : %,12.0f prefixes/s%n", r.treeOnePerSecond()));
        sb.append(f("  naive loop, 1 thread   : %,12.0f prefixes/s  (each string stepped from the start; %,d strings)%n",
                r.naivePerSecond(), r.naivePrefixes()));
        sb.append(f("  ratio                  : %.1fx (tree on %d threads / naive), %.1fx on one thread each%n", r.ratio(),
                r.threads(), r.ratioOneThread()));
        sb.append(f("  per CPU-second         : tree %,.0f, naive %,.0f prefixes (process CPU time, whatever else runs;"
                + " ratio %.1fx)%n", r.treePerCpuSecond(), r.naivePerCpuSecond(), r.treePerCpuSecond() / r.naivePerCpuSecond()));
        if (!Double.isNaN(r.scanPerSecond())) {
            sb.append(f("  frontier as T=1 scans  : %,12.0f prefixes/s  (%d states per batched forward, %d threads: the"
                    + " alternative not taken)%n", r.scanPerSecond(), 1024, r.threads()));
        }
        return sb.toString();
    }

    static String benchJson(Subject s, PrefixBench.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", s.modelName());
        m.put("language", s.entry().id());
        m.put("languageName", s.entry().name());
        m.put("depth", r.depth());
        m.put("prefixes", r.prefixes());
        m.put("meanLength", r.meanLength());
        m.put("threads", r.threads());
        m.put("treePrefixesPerSecond", r.treePerSecond());
        m.put("treeOneThreadPrefixesPerSecond", r.treeOnePerSecond());
        m.put("naivePrefixesPerSecond", r.naivePerSecond());
        m.put("ratio", r.ratio());
        m.put("ratioOneThread", r.ratioOneThread());
        m.put("secondsPerMillion", r.secondsPerMillion());
        m.put("treeCpuSeconds", r.treeCpu());
        m.put("naiveCpuSeconds", r.naiveCpu());
        m.put("scanFrontierPrefixesPerSecond", Double.isNaN(r.scanPerSecond()) ? null : r.scanPerSecond());
        return write(m);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 18) + "…" + s.substring(s.length() - 18);
    }

    static String write(Object o) {
        try {
            return Json.pretty(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
