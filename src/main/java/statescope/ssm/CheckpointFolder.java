package statescope.ssm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import statescope.io.InputFiles;

/** A folder of checkpoints, as the {@code --suite} options read it. */
public final class CheckpointFolder {

    private CheckpointFolder() {
    }

    /** The model files of a folder (resume states excluded), sorted by name; maybe none. */
    public static List<Path> models(Path dir) throws IOException {
        InputFiles.requireFolder(dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".safetensors"))
                    .filter(p -> !p.getFileName().toString().contains(".resume.")).sorted().toList();
        }
    }
}
