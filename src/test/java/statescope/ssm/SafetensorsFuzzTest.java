package statescope.ssm;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the checkpoint reader: whatever the bytes, parsing the safetensors file and building a model
 * from it (config inferred from the shapes) either succeeds or throws a {@link CheckpointException};
 * nothing else may escape (no IndexOutOfBounds, NegativeArraySize, OutOfMemory, arithmetic errors).
 * Plain {@code ./mvnw test} replays the seeds in {@code SafetensorsFuzzTestInputs/}; fuzz with
 * {@code JAZZER_FUZZ=1 ./mvnw -o test -Dtest=SafetensorsFuzzTest}.
 */
class SafetensorsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void onlyCheckpointExceptionsEscape(byte[] data) {
        Safetensors.Contents contents;
        try {
            contents = Safetensors.parse(data);
        } catch (CheckpointException expected) {
            return;
        }
        try {
            Checkpoint.fromContents(contents, null, Checkpoint.Overrides.NONE);
        } catch (CheckpointException expected) {
            // a well-formed file that is not a usable model
        }
    }
}
