package statescope.lang.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {

    static final Catalog CATALOG = Catalog.standard();

    /**
     * paper.md §3.1, "Language definitions and the data actually in the repo": id, family, then the
     * windows of train, bin 1, bin 2 (and bin 3), typed from the table.
     */
    static final Map<String, String> PAPER_WINDOWS = Map.ofEntries(
            Map.entry("tomita-1", "SF 1-100 1-99 106-150"),
            Map.entry("tomita-2", "SF 2-100 2-98 102-148"),
            Map.entry("tomita-3", "NSF 1-100 1-100 101-150"),
            Map.entry("tomita-4", "SF 1-100 1-100 101-150"),
            Map.entry("tomita-5", "NSF 2-100 2-100 102-150"),
            Map.entry("tomita-6", "NSF 2-100 2-100 101-150"),
            Map.entry("tomita-7", "SF 12-100 24-100 101-150"),
            Map.entry("parity", "NSF 2-50 3-50 51-100"),
            Map.entry("aa-star", "NSF 2-500 2-496 504-594"),
            Map.entry("aaaa-star", "NSF 4-496 4-480 504-592"),
            Map.entry("abab-star", "NSF 4-496 28-488 508-592"),
            Map.entry("d-2", "SF 2-100 8-100 102-200"),
            Map.entry("d-3", "SF 2-100 8-100 82-200"),
            Map.entry("d-4", "SF 34-100 42-100 90-200"),
            Map.entry("d-12", "SF 48-100 52-100 116-200"),
            Map.entry("abcde-plus", "SF 49-200 118-200 131-300"),
            Map.entry("ab-d-bc", "SF 2-49 3-49 2-99"),
            Map.entry("012-star-02-star", "SF 2-49 2-49 2-99"),
            Map.entry("dyck-1", "C 2-50 2-50 52-100 102-150"),
            Map.entry("shuffle-2", "C 2-50 2-50 52-100 100-150"),
            Map.entry("shuffle-4", "C 2-100 2-100 102-150 150-200"),
            Map.entry("shuffle-6", "C 2-100 2-100 102-150 150-200"),
            Map.entry("boolean-3", "C 2-50 2-50 51-100 100-150"),
            Map.entry("boolean-5", "C 2-50 2-50 51-100 100-150"),
            Map.entry("anbn", "C 4-200 6-200 204-400 400-598"),
            Map.entry("anbncn", "C 9-450 18-444 453-897 900-1332"),
            Map.entry("anbncndn", "C 16-800 32-800 808-1560 1600-2396"));

    @Test
    void holdsThePapersSuiteWithItsWindowsAndFamilies() {
        assertEquals(27, PAPER_WINDOWS.size());
        for (var e : PAPER_WINDOWS.entrySet()) {
            Language l = CATALOG.get(e.getKey());
            String fam = switch (l.family()) {
                case STAR_FREE -> "SF";
                case NON_STAR_FREE -> "NSF";
                case COUNTER -> "C";
            };
            String windows = l.splits().stream().map(s -> s.window().toString()).collect(Collectors.joining(" "));
            assertEquals(e.getValue(), fam + " " + windows, e.getKey());
        }
    }

    @Test
    void holdsTheExtrasOfTheBrief() {
        for (String id : List.of("flip-flop", "bounded-dyck-8-10", "bounded-dyck-2-4", "mod-3", "mod-5")) {
            assertTrue(CATALOG.find(id).isPresent(), id);
        }
        assertEquals(32, CATALOG.languages().size());
        assertEquals(List.of("train", "val", "val-sparse"),
                CATALOG.get("flip-flop").splits().stream().map(Split::name).toList());
        var bd = CATALOG.get("bounded-dyck-8-10");
        assertEquals(List.of("1-700", "1-700", "701-1400"), bd.splits().stream().map(s -> s.window().toString()).toList());
        assertEquals(List.of(2_000_000L, 200_000L, 1_000_000L), bd.splits().stream().map(Split::tokens).toList());
    }

    @Test
    void idsAreKebabCaseAndUnique() {
        var ids = new HashSet<String>();
        for (Language l : CATALOG.languages()) {
            assertTrue(l.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), l.id());
            assertTrue(ids.add(l.id()), "duplicate " + l.id());
            assertFalse(l.description().isBlank(), l.id());
            String d = l.description().toLowerCase(Locale.ROOT);
            assertTrue(d.contains("star-free") || d.contains("not regular"),
                    l.id() + " description gives no verdict");
            assertTrue(l.splits().get(0).isTraining(), l.id());
        }
    }

    @Test
    void findsByIdNameAndAliasIgnoringCaseAndSeparators() {
        Language t3 = CATALOG.get("tomita-3");
        for (String n : List.of("Tomita 3", "tomita3", "T3", "t3", "TOMITA_3", " tomita-3 ")) {
            assertSame(t3, CATALOG.get(n), n);
        }
        assertSame(CATALOG.get("d-2"), CATALOG.get("D_2"));
        assertSame(CATALOG.get("aa-star"), CATALOG.get("(aa)*"));
        assertSame(CATALOG.get("flip-flop"), CATALOG.get("FFL(0.98)"));
        assertSame(CATALOG.get("abcde-plus"), CATALOG.get("aa*bb*cc*dd*ee*"));
        assertSame(CATALOG.get("anbn"), CATALOG.get("a^nb^n"));
        assertSame(CATALOG.get("bounded-dyck-8-10"), CATALOG.get("Dyck(8,10)"));
        for (String n : List.of("d-1", "D_1", "D1")) {                 // D_1 is depth-1 Dyck, (ab)*: not Dyck-1
            assertThrows(UnknownLanguageException.class, () -> CATALOG.get(n), n);
        }
        assertSame(CATALOG.get("dyck-1"), CATALOG.get("Dyck1"));
    }

    @Test
    void anUnknownNameSuggestsCloseOnes() {
        var ex = assertThrows(UnknownLanguageException.class, () -> CATALOG.get("tomita-8"));
        assertInstanceOf(IllegalArgumentException.class, ex);
        assertTrue(ex.getMessage().startsWith("unknown language 'tomita-8'; did you mean tomita-"), ex.getMessage());
        assertTrue(ex.suggestions().stream().allMatch(s -> s.startsWith("tomita-")), ex.suggestions().toString());
        assertEquals("dyck-1", CATALOG.get("dyck-1").id());
        assertEquals(List.of("dyck-1"), assertThrows(UnknownLanguageException.class, () -> CATALOG.get("dyk-1"))
                .suggestions().subList(0, 1));
        assertTrue(assertThrows(UnknownLanguageException.class, () -> CATALOG.get("shufle-4")).suggestions()
                .contains("shuffle-4"));
        var none = assertThrows(UnknownLanguageException.class, () -> CATALOG.get("qqqqqqqqqqqq"));
        assertTrue(none.suggestions().isEmpty());
        assertTrue(none.getMessage().contains("statescope languages"), none.getMessage());
    }

    @Test
    void editDistanceIsLevenshtein() {
        assertEquals(0, Catalog.editDistance("abc", "abc"));
        assertEquals(3, Catalog.editDistance("kitten", "sitting"));
        assertEquals(4, Catalog.editDistance("", "abcd"));
        assertEquals(1, Catalog.editDistance("tomita8", "tomita3"));
    }

    @Test
    void catalogsAreIndependentObjects() {
        var other = Catalog.standard();
        assertFalse(other == CATALOG);
        assertEquals(CATALOG.languages().stream().map(Language::id).toList(),
                other.languages().stream().map(Language::id).toList());
        var sub = Catalog.of(List.of(CATALOG.get("parity")));
        assertEquals(1, sub.languages().size());
        assertThrows(UnknownLanguageException.class, () -> sub.get("tomita-1"));
    }

    @Test
    void splitLookupNamesTheSplits() {
        var ex = assertThrows(IllegalArgumentException.class, () -> CATALOG.get("parity").split("bin7"));
        assertTrue(ex.getMessage().contains("train, bin1, bin2"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CATALOG.get("parity").bin(3));
        assertEquals("bin2", CATALOG.get("parity").bin(2).name());
    }
}
