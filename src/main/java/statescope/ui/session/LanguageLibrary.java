package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import statescope.inspect.CustomLanguages;
import statescope.inspect.LanguageEntry;
import statescope.lang.Dfa;
import statescope.lang.Equivalence;

/**
 * Where the language picker gets its languages: the catalog, a typed regex, or a DFA file. A library
 * says only which catalog it offers; regex and file import are the same for every library.
 */
public interface LanguageLibrary {

    /** The catalog, the start-up demo language first. */
    List<LanguageEntry> catalog();

    /** A language from a regex; a malformed regex is an IllegalArgumentException naming the position. */
    default LanguageEntry fromRegex(String regex) {
        return CustomLanguages.fromRegex(regex);
    }

    /** Typed languages with more states than this are not looked up in the catalog. */
    int LOOKUP_STATES = 5_000;

    /**
     * The catalog language that {@code typed} is, if any: the same language once the typed one is read
     * over the catalog language's alphabet (symbols matched by name; {@link Equivalence#sameLanguageOver}).
     */
    default Optional<LanguageEntry> inCatalog(LanguageEntry typed) {
        Dfa d = typed.reference().dfa().orElse(null);
        if (d == null || d.numStates() > LOOKUP_STATES) {
            return Optional.empty();
        }
        return catalog().stream().filter(c -> c.reference().dfa()
                .map(cd -> cd.numStates() <= LOOKUP_STATES && Equivalence.sameLanguageOver(d, cd)).orElse(false))
                .findFirst();
    }

    /** A language from a DFA JSON or JFLAP .jff file; unreadable or malformed files are IOExceptions. */
    default LanguageEntry fromFile(Path file) throws IOException {
        return CustomLanguages.fromFile(file);
    }
}
