package statescope.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The content hash a session keeps of a model: the SHA-256 of its weights (for a manifest
 * {@code NAME.json}, the {@code NAME.safetensors} beside it; for a folder, its {@code .safetensors}
 * files and {@code config.json} in name order; else the file itself).
 */
public final class ModelHash {

    private ModelHash() {
    }

    /** The files whose bytes make the hash of the model at {@code path}. */
    static List<Path> files(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                return s.filter(f -> f.getFileName().toString().endsWith(".safetensors")
                        || f.getFileName().toString().equals("config.json")).sorted().toList();
            }
        }
        String name = path.getFileName().toString();
        if (name.endsWith(".json") && !name.equals("config.json")) {
            Path weights = path.resolveSibling(name.substring(0, name.length() - 5) + ".safetensors");
            if (Files.isRegularFile(weights)) {
                return List.of(weights);
            }
        }
        if (name.equals("config.json")) {
            return files(path.toAbsolutePath().getParent());
        }
        return List.of(path);
    }

    /** The hex SHA-256 of the model at {@code path}. */
    public static String of(Path path) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        for (Path f : files(path)) {
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
