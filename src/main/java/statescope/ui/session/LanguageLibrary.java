package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import statescope.study.LanguageEntry;

/** Where the language picker gets its languages: the catalog, a typed regex, or a DFA file. */
public interface LanguageLibrary {

    /** The catalog, the start-up demo language first. */
    List<LanguageEntry> catalog();

    /** A language from a regex; a malformed regex is an IllegalArgumentException naming the position. */
    LanguageEntry fromRegex(String regex);

    /** A language from a DFA JSON or JFLAP .jff file; unreadable or malformed files are IOExceptions. */
    LanguageEntry fromFile(Path file) throws IOException;
}
