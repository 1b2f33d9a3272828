package statescope.ui.automaton;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import statescope.io.CacheFolder;
import statescope.lang.Dfa;

/**
 * Automaton layouts kept on disk between runs, one small text file per DFA and option set, so that the
 * app's start does not load the layout library (a few hundred classes from signed jars, which the
 * class-data archive cannot hold: about 0.6 s of the start on two cores, docs/performance.md) to lay out
 * a machine it laid out before. A file names its key in full (a hash collision reads as a miss) and the
 * build of the layout code it was made by: a rebuild makes every file a miss. A missing, unreadable or
 * malformed file is a miss, never an error; a file that cannot be written is skipped.
 */
final class LayoutCache {

    private static final String MAGIC = "statescope-layout 1";

    private final Path folder;
    private final String build;

    /** A cache in {@code folder} for layouts made by the layout code identified by {@code build}. */
    LayoutCache(Path folder, String build) {
        this.folder = folder;
        this.build = build;
    }

    /** The app's cache: {@code layouts/} in the user's cache folder, or none when there is no such folder. */
    static Optional<LayoutCache> inUserFolder() {
        Path dir = CacheFolder.current();
        return dir == null ? Optional.empty() : Optional.of(new LayoutCache(dir.resolve("layouts"), codeStamp()));
    }

    /**
     * The layout code's identity: where its classes were loaded from, with their size and time (a jar, or the
     * class files of a build folder), so that a rebuild never reads a layout an older build made.
     */
    static String codeStamp() {
        var out = new StringBuilder();
        for (Class<?> c : List.of(AutomatonLayout.class, ChainLayout.class, TreeLayout.class, LayoutCache.class)) {
            URL url = c.getResource(c.getSimpleName() + ".class");
            try {
                Path file;
                if (url == null) {
                    file = null;
                } else if (url.getProtocol().equals("jar")) {
                    String s = url.getPath();
                    file = Path.of(URI.create(s.substring(0, s.indexOf("!/"))));
                } else {
                    file = Path.of(url.toURI());
                }
                out.append(file).append(' ').append(file == null ? "?" : Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis()).append(';');
            } catch (IOException | URISyntaxException | RuntimeException e) {
                out.append("?;");
            }
        }
        return out.toString();
    }

    /** What a layout depends on: the build, the options and the whole DFA. */
    String key(Dfa dfa, boolean hideDead, boolean horizontal) {
        var k = new StringBuilder(build).append('|').append(hideDead).append('|').append(horizontal).append('|');
        for (String s : dfa.alphabet().symbols()) {
            k.append(enc(s)).append(',');
        }
        k.append('|').append(dfa.startState()).append('|');
        for (int q = 0; q < dfa.numStates(); q++) {
            k.append(enc(dfa.label(q))).append(dfa.isAccepting(q) ? '+' : '-');
            for (int a = 0; a < dfa.alphabet().size(); a++) {
                k.append(' ').append(dfa.next(q, a));
            }
            k.append(';');
        }
        return k.toString();
    }

    private Path file(String key) {
        return folder.resolve(CacheFolder.key(key) + ".layout");
    }

    /** Whether a file for {@code key} is there (not read: a broken one is replaced when it is read). */
    boolean has(String key) {
        return Files.isRegularFile(file(key));
    }

    /** The layout kept for this key, if a readable file holds it. */
    Optional<AutomatonLayout.Result> get(String key) {
        try {
            Path f = file(key);
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            var lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            if (lines.size() < 3 || !lines.get(0).equals(MAGIC) || !lines.get(1).equals(key)) {
                return Optional.empty();
            }
            return Optional.of(parse(lines.subList(2, lines.size())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code r} under {@code key}; written to a temporary file and moved, so a reader never sees half. */
    void put(String key, AutomatonLayout.Result r) {
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "layout", ".tmp");
            try {
                Files.writeString(tmp, MAGIC + "\n" + key + "\n" + format(r), StandardCharsets.UTF_8);
                Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // not kept: the next run lays it out again
        }
    }

    static String format(AutomatonLayout.Result r) {
        var out = new StringBuilder();
        out.append("size ").append(r.width()).append(' ').append(r.height()).append(' ').append(r.deadHidden())
                .append(' ').append(r.horizontal()).append('\n');
        for (var n : r.nodes()) {
            out.append("node ").append(n.state()).append(' ').append(n.x()).append(' ').append(n.y()).append(' ')
                    .append(n.w()).append(' ').append(n.h()).append(' ').append(n.accepting()).append(' ')
                    .append(n.start()).append(' ').append(n.dead()).append(' ').append(enc(n.label())).append('\n');
        }
        for (var e : r.edges()) {
            out.append("edge ").append(e.from()).append(' ').append(e.to()).append(' ').append(e.labelX())
                    .append(' ').append(e.labelY()).append(' ').append(enc(e.label())).append(' ')
                    .append(e.points().length);
            for (double p : e.points()) {
                out.append(' ').append(p);
            }
            out.append('\n');
        }
        return out.toString();
    }

    static AutomatonLayout.Result parse(List<String> lines) {
        String[] size = lines.get(0).split(" ");
        if (!size[0].equals("size") || size.length != 5) {
            throw new IllegalArgumentException("not a layout");
        }
        var nodes = new ArrayList<AutomatonLayout.Node>();
        var edges = new ArrayList<AutomatonLayout.Edge>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(" ");
            if (f[0].equals("node") && f.length == 10) {
                nodes.add(new AutomatonLayout.Node(Integer.parseInt(f[1]), dec(f[9]), num(f[2]), num(f[3]),
                        num(f[4]), num(f[5]), bool(f[6]), bool(f[7]), bool(f[8])));
            } else if (f[0].equals("edge") && f.length >= 7 && f.length == 7 + Integer.parseInt(f[6])) {
                var pts = new double[Integer.parseInt(f[6])];
                for (int i = 0; i < pts.length; i++) {
                    pts[i] = num(f[7 + i]);
                }
                edges.add(new AutomatonLayout.Edge(Integer.parseInt(f[1]), Integer.parseInt(f[2]), dec(f[5]), pts,
                        num(f[3]), num(f[4])));
            } else {
                throw new IllegalArgumentException("not a layout line");
            }
        }
        return new AutomatonLayout.Result(List.copyOf(nodes), List.copyOf(edges), num(size[1]), num(size[2]),
                bool(size[3]), bool(size[4]));
    }

    private static double num(String s) {
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite number");
        }
        return v;
    }

    private static boolean bool(String s) {
        if (!s.equals("true") && !s.equals("false")) {
            throw new IllegalArgumentException("not a boolean");
        }
        return s.equals("true");
    }

    /** A text as one non-empty field without spaces or line breaks. */
    private static String enc(String s) {
        return "=" + URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        if (!s.startsWith("=")) {
            throw new IllegalArgumentException("not a text field");
        }
        return URLDecoder.decode(s.substring(1), StandardCharsets.UTF_8);
    }
}
