package statescope.ssm;

import java.io.IOException;

/**
 * A checkpoint (safetensors file or manifest) that cannot be used: truncated, oversized, malformed,
 * with a wrong dtype or shape, or with non-finite weights. The message is one line naming the file,
 * the tensor when there is one, and the problem.
 */
public class CheckpointException extends IOException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
