package statescope.ui.session;

import java.util.List;
import statescope.inspect.CatalogLanguages;
import statescope.inspect.LanguageEntry;

/** The app's languages: the full catalog (flip-flop first), plus regex and DFA-file import. */
public final class CatalogLanguageLibrary implements LanguageLibrary {

    private final List<LanguageEntry> catalog = CatalogLanguages.allOrAhead();

    @Override
    public List<LanguageEntry> catalog() {
        return catalog;
    }
}
