package statescope.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import statescope.lang.LimitExceededException;
import statescope.lang.StarFreeVerdict;
import statescope.lang.catalog.Family;
import statescope.lang.catalog.Language;
import statescope.lang.catalog.Split;
import statescope.lang.catalog.TargetClass;

/** Shared text and JSON summaries of catalog languages for the language commands. */
final class LanguageSummaries {

    private LanguageSummaries() {
    }

    /** {@code "5"} or {@code "5 (+dead)"}; for languages without a DFA what the machine is. */
    static String states(Language l) {
        if (l.dfa().isPresent()) {
            var d = l.dfa().get();
            return d.numStates() + (d.deadState().isPresent() ? " (1 dead)" : "");
        }
        return l.family().isRegular() ? "not built" : "counters";
    }

    /** {@code "yes"}, {@code "no"}, {@code "n/a"} (not regular) or the paper's verdict when no DFA was built. */
    static String starFree(Language l) {
        if (!l.family().isRegular()) {
            return "n/a";
        }
        try {
            return l.starFreeVerdict().map(v -> v.starFree() ? "yes" : "no")
                    .orElse(l.family() == Family.STAR_FREE ? "yes (paper)" : "no (paper)");
        } catch (LimitExceededException e) {
            return "too large";
        }
    }

    /** The evaluation windows, e.g. {@code "1-100 | 101-150"}. */
    static String bins(Language l) {
        return String.join(" | ", l.evaluationSplits().stream().map(s -> s.window().toString()).toList());
    }

    static Map<String, Object> brief(Language l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("name", l.name());
        m.put("family", l.family().name());
        m.put("alphabet", l.alphabet().symbols());
        m.put("dfaStates", l.dfa().map(d -> (Object) d.numStates()).orElse(null));
        if (!l.family().isRegular()) {
            m.put("starFree", null);
            m.put("starFreeSource", "not regular");
        } else if (l.dfa().isPresent()) {
            m.put("starFree", l.starFreeVerdict().map(StarFreeVerdict::starFree).orElse(null));
            m.put("starFreeSource", "monoid of the minimal DFA");
        } else {
            m.put("starFree", l.family() == Family.STAR_FREE);
            m.put("starFreeSource", "paper (no DFA built)");
        }
        m.put("train", l.trainingSplit().window().toString());
        m.put("bins", l.evaluationSplits().stream().map(s -> s.window().toString()).toList());
        return m;
    }

    static Map<String, Object> verdict(StarFreeVerdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("starFree", v.starFree());
        m.put("minimalStates", v.minimalStates());
        m.put("monoidSize", v.monoidSize());
        v.witness().ifPresent(w -> m.put("witness", witness(w)));
        return m;
    }

    /** A non-star-free witness as JSON: the word w, the power k, the period and the check in words. */
    static Map<String, Object> witness(StarFreeVerdict.Witness w) {
        Map<String, Object> wm = new LinkedHashMap<>();
        wm.put("word", w.w().toString());
        wm.put("k", w.k());
        wm.put("period", w.period());
        wm.put("check", w.describe());
        return wm;
    }

    static List<Map<String, Object>> splits(Language l) {
        var out = new ArrayList<Map<String, Object>>();
        for (Split s : l.splits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("window", s.window().toString());
            m.put("minLength", s.window().min());
            m.put("maxLength", s.window().max());
            if (s.tokens() > 0) {
                m.put("tokens", s.tokens());
            } else {
                m.put("count", s.count());
            }
            m.put("distinct", s.distinct());
            m.put("paperData", s.paperData());
            m.put("note", s.note());
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> encoding(Language l) {
        var t = l.targets();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", t.kind().name());
        m.put("description", t.description());
        m.put("bits", t.bitNames());
        m.put("loss", t.paperLoss().name());
        var classes = new ArrayList<Map<String, Object>>();
        for (TargetClass c : t.classes()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("name", c.name());
            cm.put("bits", c.bits());
            cm.put("meaning", c.meaning());
            classes.add(cm);
        }
        m.put("classes", classes);
        return m;
    }
}
