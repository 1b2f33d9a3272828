package statescope.study;

import java.util.Objects;

/**
 * A language as the UI sees it: a name, a one-line description, its reference machine and the
 * target encoding its models are trained with.
 *
 * @param id          a stable id used to find shipped checkpoints ({@code assets/models/ID/...})
 * @param name        display name
 * @param description one line, e.g. the regex or the rule
 * @param family      e.g. "star-free", "non-star-free", "counter"
 * @param starFree    whether the language is star-free (null when unknown)
 * @param machine     the reference machine
 * @param encoding    the per-position target encoding
 * @param sample      a demo string to open the language with
 */
public record LanguageEntry(String id, String name, String description, String family, Boolean starFree,
                            ReferenceMachine machine, TargetEncoding encoding, String sample) {

    public LanguageEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(encoding, "encoding");
        description = description == null ? "" : description;
        family = family == null ? "" : family;
        sample = sample == null ? "" : sample;
    }

    @Override
    public String toString() {
        return name;
    }
}
