package statescope.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import statescope.lang.Word;
import statescope.lang.catalog.Catalog;
import statescope.lang.catalog.Language;

/**
 * What a speaker types on stage: short, shallow strings, which the authors' words (deep alternations
 * at the top depth) hardly hold. The shipped D_n models are right on them at every position; D_3, D_4
 * and D_12 models trained on the authors' words alone got {@code ab} or {@code aabb} wrong (docs/reproduction.md, ADR 0008).
 */
class TypedStringsTest {

    private static final Map<String, List<String>> TYPED = Map.of(
            "d-2", List.of("ab", "aabb", "abab", "aabbab", "abaabb"),
            "d-3", List.of("ab", "aabb", "abab", "aaabbb", "aababb", "abaabbab"),
            "d-4", List.of("ab", "aabb", "abab", "aaaabbbb", "abaabbab", "aabbaabb", "aaabbbab"),
            "d-12", List.of("ab", "aabb", "abab", "aaaaaabbbbbb", "abaabbaaabbb", "aaaaaaaaaaaabbbbbbbbbbbb"));

    @Test
    void theShippedDnModelsGetWhatAUserTypesRight() throws Exception {
        for (var e : TYPED.entrySet()) {
            Language l = Catalog.standard().get(e.getKey());
            List<Word> words = e.getValue().stream().map(s -> Word.parse(l.alphabet(), s)).toList();
            var r = WordListScore.score(Path.of("assets/models", e.getKey() + ".safetensors"), words, Optional.empty(), 1);
            assertEquals(words.size(), r.correct(), e.getKey() + ": wrong on " + r.wrong().stream()
                    .map(i -> e.getValue().get(i)).toList());
        }
    }
}
