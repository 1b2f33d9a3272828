package statescope.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model files of a {@code --suite} folder: checkpoints only, resume states left out, by name. */
class CheckpointFolderTest {

    @Test
    void listsTheCheckpointsByNameWithoutResumeStates(@TempDir Path dir) throws Exception {
        for (String f : List.of("b.safetensors", "a.safetensors", "a.json", "b.resume.safetensors", "notes.txt")) {
            Files.writeString(dir.resolve(f), "");
        }
        assertEquals(List.of(dir.resolve("a.safetensors"), dir.resolve("b.safetensors")), CheckpointFolder.models(dir));
    }

    @Test
    void anEmptyFolderHasNoModelsAndAFileIsNoFolder(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), CheckpointFolder.models(dir));
        Path file = Files.writeString(dir.resolve("x.safetensors"), "");
        assertThrows(NoSuchFileException.class, () -> CheckpointFolder.models(file));
    }
}
