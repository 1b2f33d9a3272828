package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import statescope.inspect.CustomLanguages;
import statescope.inspect.LanguageEntry;

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

    /** A language from a DFA JSON or JFLAP .jff file; unreadable or malformed files are IOExceptions. */
    default LanguageEntry fromFile(Path file) throws IOException {
        return CustomLanguages.fromFile(file);
    }
}
