package statescope.ui.session;

import java.util.List;
import statescope.inspect.BuiltinLanguages;
import statescope.inspect.LanguageEntry;

/** A few languages built in code (test fixtures and a fallback), plus regex and DFA-file import. */
public final class BuiltinLanguageLibrary implements LanguageLibrary {

    @Override
    public List<LanguageEntry> catalog() {
        return BuiltinLanguages.all();
    }
}
