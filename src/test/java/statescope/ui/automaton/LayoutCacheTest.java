package statescope.ui.automaton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statescope.inspect.CatalogLanguages;
import statescope.lang.Alphabet;
import statescope.lang.Dfa;
import statescope.lang.DfaBuilder;

/** Layouts kept on disk between runs: read back exactly, never stale, never an error. */
class LayoutCacheTest {

    @TempDir
    Path dir;

    @AfterEach
    void noDiskCache() {
        AutomatonLayout.keepOnDisk(null);
    }

    private static List<Dfa> catalogMachines() {
        return CatalogLanguages.all().stream().flatMap(e -> e.reference().dfa().stream()).toList();
    }

    @Test
    void everyCatalogLayoutIsReadBackExactly() {
        var cache = new LayoutCache(dir, "build 1");
        var machines = catalogMachines();
        assertTrue(machines.size() >= 20, "the catalog's machines: " + machines.size());
        for (var dfa : machines) {
            for (boolean hide : new boolean[] {true, false}) {
                for (boolean horizontal : new boolean[] {true, false}) {
                    var laid = AutomatonLayout.layout(dfa, hide, horizontal);
                    String key = cache.key(dfa, hide, horizontal);
                    cache.put(key, laid);
                    var back = cache.get(key).orElseThrow();
                    assertEquals(LayoutCache.format(laid), LayoutCache.format(back), dfa.toString());
                    assertEquals(laid.nodes(), back.nodes());
                    assertEquals(laid.width(), back.width());
                    assertEquals(laid.deadHidden(), back.deadHidden());
                    assertEquals(laid.horizontal(), back.horizontal());
                }
            }
        }
    }

    @Test
    void labelsWithSpacesSymbolsAndNothingSurvive() {
        var ab = Alphabet.of("ab", "é", "%=");
        var dfa = new DfaBuilder(ab).start("a state").accept("").on("a state", List.of("ab", "%="), "").on("", "é", "a state")
                .build();
        var cache = new LayoutCache(dir, "build 1");
        var laid = AutomatonLayout.layout(dfa, false, true);
        cache.put(cache.key(dfa, false, true), laid);
        var back = cache.get(cache.key(dfa, false, true)).orElseThrow();
        assertEquals(laid.nodes(), back.nodes());
        assertEquals(laid.edges().stream().map(AutomatonLayout.Edge::label).toList(),
                back.edges().stream().map(AutomatonLayout.Edge::label).toList());
    }

    @Test
    void theAppReadsALayoutBackWithoutLayingItOutAgain() throws IOException {
        var cache = new LayoutCache(dir, "build 1");
        AutomatonLayout.keepOnDisk(cache);
        var dfa = catalogMachines().get(0);
        var first = AutomatonLayout.layout(dfa, true, true);
        var file = onlyFile();
        // a doctored file is what comes back: the second layout is read, not computed
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String doctored = text.replaceFirst("(?m)^size \\S+", "size 1234.5");
        assertNotEquals(text, doctored);
        Files.writeString(file, doctored, StandardCharsets.UTF_8);
        var second = AutomatonLayout.layout(dfa, true, true);
        assertEquals(1234.5, second.width());
        assertEquals(first.nodes(), second.nodes());
    }

    @Test
    void anotherBuildAnotherMachineOrAnotherOptionIsAMiss() {
        var dfa = catalogMachines().get(0);
        var cache = new LayoutCache(dir, "build 1");
        String key = cache.key(dfa, true, true);
        cache.put(key, AutomatonLayout.layout(dfa, true, true));
        assertTrue(cache.get(key).isPresent());
        assertTrue(new LayoutCache(dir, "build 2").get(new LayoutCache(dir, "build 2").key(dfa, true, true))
                .isEmpty(), "a rebuild reads no layout of the build before");
        assertNotEquals(key, cache.key(dfa, false, true));
        assertNotEquals(key, cache.key(dfa, true, false));
        int[] table = dfa.transitionTable();
        table[0] = (table[0] + 1) % dfa.numStates();
        var changed = new Dfa(dfa.alphabet(), dfa.startState(), table, dfa.acceptingStates(), dfa.labels());
        assertNotEquals(key, cache.key(changed, true, true));
        var relabelled = dfa.withLabels(dfa.labels().stream().map(l -> l + "'").toList());
        assertNotEquals(key, cache.key(relabelled, true, true));
    }

    @Test
    void aBrokenFileIsLaidOutAgainAndReplaced() throws IOException {
        var cache = new LayoutCache(dir, "build 1");
        AutomatonLayout.keepOnDisk(cache);
        var dfa = catalogMachines().get(0);
        var good = AutomatonLayout.layout(dfa, false, true);
        var file = onlyFile();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (String broken : List.of("", "statescope-layout 1\n", text.substring(0, text.length() / 2),
                text.replace("node", "nod"), text.replaceFirst("(?m)^size .*$", "size NaN 1 true true"),
                text.replaceFirst("(?m)^statescope-layout 1$", "statescope-layout 0"))) {
            Files.writeString(file, broken, StandardCharsets.UTF_8);
            var again = AutomatonLayout.layout(dfa, false, true);
            assertEquals(LayoutCache.format(good), LayoutCache.format(again));
            assertEquals(text, Files.readString(file, StandardCharsets.UTF_8), "the file is written anew");
        }
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyCostsTheCache() throws IOException {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the folder should be");
        AutomatonLayout.keepOnDisk(new LayoutCache(blocked, "build 1"));
        var dfa = catalogMachines().get(0);
        var r = AutomatonLayout.layout(dfa, true, true);
        assertFalse(r.nodes().isEmpty());
        assertEquals("a file where the folder should be", Files.readString(blocked));
    }

    @Test
    void theBuildStampNamesTheLayoutCode() {
        String stamp = LayoutCache.codeStamp();
        assertTrue(stamp.contains("AutomatonLayout") || stamp.contains(".jar"), stamp);
        assertFalse(stamp.contains("?"), "every class's origin is known: " + stamp);
    }

    @Test
    void theCatalogIsLaidOutAheadOnceAndThenRead() throws IOException {
        var machines = catalogMachines().subList(0, 3);
        AutomatonLayout.keepAhead(machines);                            // no disk cache: nothing written
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        AutomatonLayout.keepOnDisk(new LayoutCache(dir, "build 1"));
        AutomatonLayout.keepAhead(machines);
        List<Path> written;
        try (Stream<Path> files = Files.list(dir)) {
            written = files.filter(p -> p.toString().endsWith(".layout")).toList();
        }
        assertEquals(3 * 4, written.size(), "each machine both ways, with and without its dead state");
        for (Path f : written) {                                        // doctored: what layout() returns now
            Files.writeString(f, Files.readString(f).replaceFirst("(?m)^size \\S+", "size 777.0"));
        }
        for (var dfa : machines) {
            assertEquals(777.0, AutomatonLayout.layout(dfa, true, false).width());
            assertEquals(777.0, AutomatonLayout.layout(dfa, false, true).width());
        }
        AutomatonLayout.keepAhead(machines);                            // kept ones are not laid out again
        for (Path f : written) {
            assertTrue(Files.readString(f).contains("size 777.0"), f.toString());
        }
    }

    @Test
    void theLibraryIsLoadedByATinyLayout() {
        AutomatonLayout.forgetLibraryLoaded();                         // another test may have laid one out
        assertFalse(AutomatonLayout.libraryLoaded());
        AutomatonLayout.loadLibrary();
        assertTrue(AutomatonLayout.libraryLoaded(), "no layout ran");
    }

    private Path onlyFile() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            var all = files.filter(p -> p.toString().endsWith(".layout")).toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
