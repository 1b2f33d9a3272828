package statescope.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import statescope.study.CatalogLanguages;
import statescope.study.CustomLanguages;
import statescope.study.LanguageEntry;

/** The app's languages: the full catalog (flip-flop first), plus regex and DFA-file import. */
public final class CatalogLanguageLibrary implements LanguageLibrary {

    private final List<LanguageEntry> catalog = CatalogLanguages.all();

    @Override
    public List<LanguageEntry> catalog() {
        return catalog;
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
