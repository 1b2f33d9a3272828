package statescope.lang.catalog;

import java.util.List;

/** A language name the catalog does not know; the message suggests close names. */
public final class UnknownLanguageException extends IllegalArgumentException {

    private final String name;
    private final List<String> suggestions;

    public UnknownLanguageException(String name, List<String> suggestions) {
        super("unknown language '" + name + "'" + (suggestions.isEmpty()
                ? "; run 'statescope languages' for the list"
                : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.name = name;
        this.suggestions = List.copyOf(suggestions);
    }

    /** The name that was not found. */
    public String name() {
        return name;
    }

    /** Ids of close languages, closest first (may be empty). */
    public List<String> suggestions() {
        return suggestions;
    }
}
