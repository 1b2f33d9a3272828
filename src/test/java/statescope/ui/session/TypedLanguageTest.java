package statescope.ui.session;

import java.util.HashMap;
import statescope.inspect.LanguageEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import statescope.inspect.CustomLanguages;
import statescope.lang.RegexSyntaxException;
import statescope.lang.Regexes;
import statescope.ui.common.TaskRunner;

/**
 * Issue 16's "Your own language" defects: a typed regex that is a catalog language opens as that
 * language, the regex error's caret points at the offending character, and opening another language
 * keeps typed input that fits its alphabet.
 */
class TypedLanguageTest {

    private static SessionViewModel session() {
        var vm = new SessionViewModel(new BuiltinLanguageLibrary(), SessionModels.oracles(), TaskRunner.immediate(),
                TaskRunner.immediate());
        vm.start();
        return vm;
    }

    @Test
    void aTypedRegexOfACatalogLanguageOpensThatLanguage() {
        var v = session().views();
        var tomita2 = v.catalog().languages().stream().filter(l -> l.id().equals("tomita-2")).findFirst().orElseThrow();
        assertTrue(v.catalog().openTypedRegex("(1 0)*"));
        assertEquals(tomita2, v.catalog().languageProperty().get(), "the catalog's entry: its models and encoding");
        assertTrue(v.catalog().noticeProperty().get().startsWith("(1 0)* is tomita-2 (Tomita 2)"),
                v.catalog().noticeProperty().get());
        assertTrue(v.catalog().openTypedRegex("1*"), "over {1}, read in Tomita 1's {0, 1}");
        assertEquals("tomita-1", v.catalog().languageProperty().get().id());
        assertTrue(v.catalog().openTypedRegex("(01)*"));
        assertTrue(v.catalog().languageProperty().get().id().startsWith("regex:"), "(01)* is no catalog language");
        assertEquals("", v.catalog().noticeProperty().get());
        assertTrue(v.catalog().openRegex("(10)*"), "a story's or session's regex opens as it is");
        assertEquals("regex:(10)*", v.catalog().languageProperty().get().id());
    }

    @Test
    void theAppsCatalogRecognisesItsRegularLanguages() {
        var library = new CatalogLanguageLibrary();
        var expected = Map.of("(10)*", "tomita-2", "(aa)*", "aa-star", "0*1*0*1*", "tomita-7", "1*", "tomita-1");
        expected.forEach((regex, id) -> assertEquals(id, library.inCatalog(CustomLanguages.fromRegex(regex))
                .orElseThrow(() -> new AssertionError(regex + " not recognised")).id(), regex));
        for (String other : new String[] {"(01)*", "(10)*1", "(ab)*", "0*1*0*"}) {
            assertTrue(library.inCatalog(CustomLanguages.fromRegex(other)).isEmpty(), other);
        }
    }

    /** Each malformed regex with the index (UTF-16) of the character its error names. */
    private static final Object[][] MALFORMED = {
        {"ab)", 2}, {"  ab)", 4}, {"\uD835\uDC4Eb)", 3}, {"εa)", 2}, {"\\(a))", 3}, {"x\\)*)", 4},
        {"(ab|c", 5}, {"[b-a]", 1}, {"a|*b", 2}, {"\uD835\uDC4E\uD835\uDC4F|*", 5},
        {"(".repeat(1) + "a".repeat(40) + ")" + "b".repeat(20) + ")", 62},
    };

    @Test
    void theErrorCaretPointsAtTheOffendingCharacter() {
        for (Object[] c : MALFORMED) {
            String typed = (String) c[0];
            int want = (Integer) c[1];
            RegexSyntaxException e = null;
            try {
                Regexes.compile(typed.strip());
            } catch (RegexSyntaxException x) {
                e = x;
            }
            assertTrue(e != null, typed + " is malformed");
            int at = RegexErrors.index(typed, e);
            assertEquals(want, at, typed + ": " + e.shortMessage());
            String[] lines = RegexErrors.caret(typed, at).split("\n");
            int[] shown = lines[0].codePoints().toArray();
            int col = lines[1].indexOf('^');
            assertEquals(col, lines[1].length() - 1, "only blanks before the caret");
            if (at < typed.length()) {
                assertEquals(typed.codePointAt(at), shown[col], typed + ": the caret is under the offending character");
            } else {
                assertEquals(shown.length, col, typed + ": the caret is just past the end");
            }
        }
        var v = session().views();
        assertFalse(v.catalog().openTypedRegex("  \uD835\uDC4Eb)"));
        assertEquals(5, v.catalog().errorIndexProperty().get(), "the field's index of ')'");
        assertEquals("at position 5: unexpected ')' without a matching '('", v.catalog().errorProperty().get(),
                "one line, the position counted in the field's text (blanks and all)");
        assertTrue(v.catalog().errorCaretProperty().get().endsWith("   ^"), v.catalog().errorCaretProperty().get());
        assertTrue(v.catalog().openTypedRegex("(ab)*"));
        assertEquals(-1, v.catalog().errorIndexProperty().get());
        assertEquals("", v.catalog().errorCaretProperty().get());
    }

    @Test
    void openingAnotherLanguageKeepsTypedInputThatFitsIt() {
        var v = session().views();
        var byId = new HashMap<String, LanguageEntry>();
        v.catalog().languages().forEach(l -> byId.put(l.id(), l));
        v.catalog().select(byId.get("parity"));
        v.input().setInput("0110111");
        v.catalog().select(byId.get("tomita-2"));
        assertEquals("0110111", v.input().textProperty().get(), "the same alphabet: kept");
        v.catalog().select(byId.get("aa-star"));
        assertEquals(byId.get("aa-star").sample(), v.input().textProperty().get(), "no 0 or 1 in {a}: its sample");
        v.catalog().select(byId.get("parity"));
        assertEquals("0110111", v.input().textProperty().get(), "back on parity, its typed input");
        v.catalog().select(byId.get("parity"));
        assertEquals("0110111", v.input().textProperty().get(), "choosing the open language again changes nothing");
        assertTrue(v.catalog().openTypedRegex("(10)*"));
        assertEquals("0110111", v.input().textProperty().get(), "a recognised regex keeps the input too");
    }

    @Test
    void oneStateIsSingular() {
        assertEquals("DFA · 1 state · 1 accepting", CustomLanguages.fromRegex("(a|b)*").reference().summary());
        assertTrue(CustomLanguages.fromRegex("(ab)*").reference().summary().startsWith("DFA · 3 states ·"));
    }
}
