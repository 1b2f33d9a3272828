package statescope.lang.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a language's words lie in a local copy of the paper's released data (the {@code generated_ds}
 * folder of lacoco-lab/ssm_expressivity, which carries no license: StateScope ships none of it, a user
 * points at a copy): one folder per language, {@code train_src.txt}, and {@code val_src_binK.txt} /
 * {@code val_tgt_binK.txt} for evaluation bin K + 1.
 */
public final class AuthorsData {

    /** A split's files: the words, and the targets when the copy has them. */
    public record SplitFiles(Path words, Optional<Path> targets) {
    }

    private AuthorsData() {
    }

    /** The folder name of a catalog language in the authors' data, or empty when they have none. */
    public static Optional<String> folder(String id) {
        String f = switch (id) {
            case "parity" -> "Parity";
            case "aa-star" -> "AAStar";
            case "aaaa-star" -> "AAAAStar";
            case "abab-star" -> "ABABStar";
            case "abcde-plus" -> "AAStarBBStarCCStarDDStarEEStar";
            case "ab-d-bc" -> "ABStar_D_BCStar";
            case "012-star-02-star" -> "012Star_0_2Star";
            case "dyck-1" -> "Dyck1";
            case "anbn", "anbncn", "anbncndn" -> id;
            default -> {
                if (id.matches("tomita-[1-7]") || id.matches("d-\\d+")) {
                    yield Character.toUpperCase(id.charAt(0)) + id.substring(1);
                }
                if (id.matches("(shuffle|boolean)-\\d")) {
                    yield Character.toUpperCase(id.charAt(0)) + id.substring(1, id.indexOf('-')) + id.substring(id.indexOf('-') + 1);
                }
                yield null;
            }
        };
        return Optional.ofNullable(f);
    }

    /**
     * The files of each split of {@code language} that the copy at {@code root} holds, in split order
     * ({@code train}, {@code bin1}, ...); empty when it has none of the language.
     */
    public static Map<String, SplitFiles> splits(Path root, Language language) {
        var out = new LinkedHashMap<String, SplitFiles>();
        Optional<String> f = folder(language.id());
        if (f.isEmpty()) {
            return out;
        }
        Path dir = root.resolve(f.get());
        Path train = dir.resolve("train_src.txt");
        if (Files.isRegularFile(train)) {
            Path tgt = dir.resolve("train_tgt.txt");
            out.put("train", new SplitFiles(train, Files.isRegularFile(tgt) ? Optional.of(tgt) : Optional.empty()));
        }
        int k = 0;
        for (Split s : language.evaluationSplits()) {
            Path src = dir.resolve("val_src_bin" + k + ".txt");
            Path tgt = dir.resolve("val_tgt_bin" + k + ".txt");
            k++;
            if (Files.isRegularFile(src)) {
                out.put(s.name(), new SplitFiles(src, Files.isRegularFile(tgt) ? Optional.of(tgt) : Optional.empty()));
            }
        }
        return out;
    }

    /** Whether {@code root} looks like the authors' {@code generated_ds} folder: it holds a language's folder. */
    public static boolean looksLikeData(Path root) {
        for (Language l : Catalog.standard().languages()) {
            Optional<String> f = folder(l.id());
            if (f.isPresent() && Files.isDirectory(root.resolve(f.get()))) {
                return true;
            }
        }
        return false;
    }
}
