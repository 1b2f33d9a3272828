package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import statescope.study.BuiltinLanguages;
import statescope.study.CustomLanguages;
import statescope.study.LanguageEntry;

/** A few languages built in code (test fixtures and a fallback), plus regex and DFA-file import. */
public final class BuiltinLanguageLibrary implements LanguageLibrary {

    @Override
    public List<LanguageEntry> catalog() {
        return BuiltinLanguages.all();
    }

    @Override
    public LanguageEntry fromRegex(String regex) {
        return CustomLanguages.fromRegex(regex);
    }

    @Override
    public LanguageEntry fromFile(Path file) throws IOException {
        return CustomLanguages.fromFile(file);
    }
}
