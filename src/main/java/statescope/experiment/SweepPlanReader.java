package statescope.experiment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.BiFunction;
import statescope.io.JsonErrors;
import statescope.ssm.GateRange;

/**
 * Reads a sweep plan's YAML or JSON (JSON is YAML too) into a {@link SweepPlan}, checking every field;
 * a bad value is an {@link IllegalArgumentException} "{@code PLAN: FIELD: what is wrong}".
 */
final class SweepPlanReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Longest range a seed field may spell ({@code 1..N}). */
    static final int MAX_SEEDS = 10_000;

    private final String where;

    private SweepPlanReader(String where) {
        this.where = where;
    }

    static SweepPlan parse(String text, String where, String defaultName) {
        return new SweepPlanReader(where).plan(text, defaultName);
    }

    private SweepPlan plan(String text, String defaultName) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw bad(null, "not a YAML or JSON plan" + (loc != null && loc.getLineNr() > 0 ? " (line " + loc.getLineNr()
                    + ")" : "") + ": " + JsonErrors.reason(e));
        }
        if (root == null || !root.isObject()) {
            throw bad(null, "a plan is a mapping of fields such as languages, init-seeds, sizes (docs/sweeps.md)");
        }
        for (String f : iterable(root.fieldNames())) {
            if (!SweepPlan.FIELDS.contains(f)) {
                throw bad(f, "unknown field; the fields are " + String.join(", ", new TreeSet<>(SweepPlan.FIELDS)));
            }
        }
        String name = root.has("name") ? word(root.get("name"), "name") : defaultName.replaceAll("[^A-Za-z0-9._-]", "-");
        if (!root.has("languages")) {
            throw bad("languages", "missing: name the languages (ids, shipped models such as parity-signed) or suite");
        }
        List<SweepPlan.Base> bases = new ArrayList<>();
        List<String> langs = strings(root.get("languages"), "languages");
        for (int i = 0; i < langs.size(); i++) {
            String field = langs.get(i).equals(SweepPlan.SUITE) ? "languages (suite)" : "languages[" + i + "]";
            try {
                for (Recipes.Recipe r : SweepPlan.resolve(langs.get(i), field)) {
                    bases.add(new SweepPlan.Base(r, field));
                }
            } catch (IllegalArgumentException e) {
                throw bad(null, e.getMessage());
            }
        }
        List<Long> seeds = root.has("seeds") ? seeds(root.get("seeds"), "seeds") : List.of(1L);
        List<Long> initSeeds = root.has("init-seeds") ? seeds(root.get("init-seeds"), "init-seeds") : List.of();
        List<SweepPlan.Size> sizes = root.has("sizes") ? sizes(root.get("sizes")) : List.of();
        List<GateRange> gates = new ArrayList<>();
        if (root.has("gates")) {
            List<String> g = strings(root.get("gates"), "gates");
            for (int i = 0; i < g.size(); i++) {
                gates.add(gate(g.get(i), "gates[" + i + "]"));
            }
        }
        List<Long> steps = new ArrayList<>();
        if (root.has("steps")) {
            JsonNode s = root.get("steps");
            List<JsonNode> items = s.isArray() ? list(s) : List.of(s);
            if (items.isEmpty()) {
                throw bad("steps", "an empty list; give a budget, a list of budgets, or leave the field out");
            }
            for (int i = 0; i < items.size(); i++) {
                steps.add((long) integer(items.get(i), s.isArray() ? "steps[" + i + "]" : "steps", 1, Integer.MAX_VALUE));
            }
            noDuplicates(steps, "steps");
        }
        var o = new SweepPlan.Overrides(optInt(root, "threads", 1, 1024), optInt(root, "batch", 1, 1 << 20),
                optInt(root, "max-words", 0, Integer.MAX_VALUE), optInt(root, "eval-every", 1, Integer.MAX_VALUE),
                root.has("lr") ? positive(root.get("lr"), "lr") : null);
        String out = root.has("out") ? text(root.get("out"), "out") : null;
        SweepPlan.Slurm slurm = root.has("slurm") ? slurm(root.get("slurm")) : SweepPlan.Slurm.NONE;
        return new SweepPlan(name, where, text, out, slurm, bases, seeds, initSeeds, sizes, gates, steps, o);
    }

    private List<Long> seeds(JsonNode n, String field) {
        List<JsonNode> items = n.isArray() ? list(n) : List.of(n);
        var out = new ArrayList<Long>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String f = n.isArray() ? field + "[" + i + "]" : field;
            if (item.isTextual() && item.asText().contains("..")) {
                String[] ab = item.asText().split("\\.\\.", -1);
                long a = parseSeed(ab[0], f);
                long b = ab.length == 2 ? parseSeed(ab[1], f) : -1;
                if (ab.length != 2 || b < a || b - a >= MAX_SEEDS) {
                    throw bad(f, "'" + item.asText() + "' is not a range FIRST..LAST of at most " + MAX_SEEDS + " seeds");
                }
                for (long s = a; s <= b; s++) {
                    out.add(s);
                }
            } else {
                out.add((long) integer(item, f, 0, Integer.MAX_VALUE));
            }
        }
        if (out.isEmpty()) {
            throw bad(field, "no seeds; give at least one (a number, a list, or a range such as 1..5)");
        }
        noDuplicates(out, field);
        return out;
    }

    private long parseSeed(String s, String field) {
        try {
            long v = Long.parseLong(s.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(field, "'" + s + "' is not a seed (a whole number >= 0)");
    }

    private List<SweepPlan.Size> sizes(JsonNode n) {
        if (!n.isArray() || n.isEmpty()) {
            throw bad("sizes", "a list of sizes such as {layers: 2, d-model: 24}; leave it out for each recipe's size");
        }
        var out = new ArrayList<SweepPlan.Size>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode s = n.get(i);
            String f = "sizes[" + i + "]";
            if (!s.isObject()) {
                throw bad(f, "a size is a mapping such as {layers: 2, d-model: 24}");
            }
            for (String k : iterable(s.fieldNames())) {
                if (!List.of("layers", "d-model", "d-state").contains(k)) {
                    throw bad(f, "unknown field '" + k + "'; a size has layers, d-model and optionally d-state");
                }
            }
            if (!s.has("layers") || !s.has("d-model")) {
                throw bad(f, "needs both layers and d-model");
            }
            out.add(new SweepPlan.Size(integer(s.get("layers"), f + ".layers", 1, Integer.MAX_VALUE),
                    integer(s.get("d-model"), f + ".d-model", 1, Integer.MAX_VALUE),
                    s.has("d-state") ? integer(s.get("d-state"), f + ".d-state", 1, Integer.MAX_VALUE) : null));
        }
        noDuplicates(out, "sizes");
        return out;
    }

    private SweepPlan.Slurm slurm(JsonNode n) {
        if (!n.isObject()) {
            throw bad("slurm", "a mapping such as {partition: cpu, time: \"02:00:00\", mem: 4G}");
        }
        var known = List.of("partition", "time", "mem", "account", "max-parallel", "options");
        for (String k : iterable(n.fieldNames())) {
            if (!known.contains(k)) {
                throw bad("slurm." + k, "unknown field; the slurm fields are " + String.join(", ", known));
            }
        }
        BiFunction<String, String, String> opt = (k, f) -> n.has(k) ? word(n.get(k), f) : null;
        List<String> options = n.has("options") ? strings(n.get("options"), "slurm.options") : List.of();
        for (int i = 0; i < options.size(); i++) {
            if (!options.get(i).startsWith("--") || options.get(i).contains("\n")) {
                throw bad("slurm.options[" + i + "]", "'" + options.get(i) + "' is not an sbatch option such as --qos=long");
            }
        }
        String mem = opt.apply("mem", "slurm.mem");
        if (mem != null && SweepPlan.memoryBytes(mem) < 0) {
            throw bad("slurm.mem", "'" + mem + "' is not a memory size such as 4G or 500M");
        }
        return new SweepPlan.Slurm(opt.apply("partition", "slurm.partition"), opt.apply("time", "slurm.time"), mem,
                opt.apply("account", "slurm.account"), optInt(n, "max-parallel", 1, Integer.MAX_VALUE, "slurm."),
                options);
    }

    private GateRange gate(String v, String field) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "nonneg", "nonnegative", "[0,1]" -> GateRange.NONNEGATIVE;
            case "signed", "negative", "[-1,1]" -> GateRange.SIGNED;
            default -> throw bad(field, "'" + v + "' is not a gate range; nonneg or signed");
        };
    }

    private List<String> strings(JsonNode n, String field) {
        List<JsonNode> items = n.isArray() ? list(n) : List.of(n);
        if (items.isEmpty()) {
            throw bad(field, "an empty list");
        }
        var out = new ArrayList<String>();
        for (int i = 0; i < items.size(); i++) {
            out.add(text(items.get(i), n.isArray() ? field + "[" + i + "]" : field));
        }
        noDuplicates(out, field);
        return out;
    }

    private String text(JsonNode n, String field) {
        if (!n.isTextual() || n.asText().isBlank()) {
            throw bad(field, "expected a text, got " + (n.isNull() ? "nothing" : n.toString()));
        }
        return n.asText().strip();
    }

    /** A text without blanks or shell-special characters (it goes into sbatch lines and file names). */
    private String word(JsonNode n, String field) {
        String s = text(n, field);
        if (!s.matches("[A-Za-z0-9._:@%+=,/-]+")) {
            throw bad(field, "'" + s + "' may hold only letters, digits and ._:@%+=,/-");
        }
        return s;
    }

    private int integer(JsonNode n, String field, int min, int max) {
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            throw bad(field, "expected a whole number" + (max == Integer.MAX_VALUE ? " >= " + min : " in " + min + ".." + max)
                    + ", got " + n);
        }
        return n.asInt();
    }

    private Integer optInt(JsonNode root, String field, int min, int max) {
        return optInt(root, field, min, max, "");
    }

    private Integer optInt(JsonNode root, String field, int min, int max, String prefix) {
        return root.has(field) ? integer(root.get(field), prefix + field, min, max) : null;
    }

    private double positive(JsonNode n, String field) {
        if (!n.isNumber() || !(n.asDouble() > 0) || !Double.isFinite(n.asDouble())) {
            throw bad(field, "expected a number > 0, got " + n);
        }
        return n.asDouble();
    }

    private <T> void noDuplicates(List<T> items, String field) {
        var seen = new LinkedHashSet<T>();
        for (T t : items) {
            if (!seen.add(t)) {
                throw bad(field, t + " is listed twice");
            }
        }
    }

    private IllegalArgumentException bad(String field, String message) {
        return new IllegalArgumentException(where + ": " + (field == null ? "" : field + ": ") + message);
    }

    private static List<JsonNode> list(JsonNode array) {
        var out = new ArrayList<JsonNode>();
        array.forEach(out::add);
        return out;
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }
}
