package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import statescope.study.BuiltinLanguages;
import statescope.study.LanguageEntry;

/** The built-in languages only; regex and file import are not available in this library. */
public final class BuiltinLanguageLibrary implements LanguageLibrary {

    @Override
    public List<LanguageEntry> catalog() {
        return BuiltinLanguages.all();
    }

    @Override
    public LanguageEntry fromRegex(String regex) {
        throw new IllegalArgumentException("regex import is not available in this build");
    }

    @Override
    public LanguageEntry fromFile(Path file) throws IOException {
        throw new IOException("DFA file import is not available in this build");
    }
}
