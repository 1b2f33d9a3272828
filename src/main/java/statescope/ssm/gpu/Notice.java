package statescope.ssm.gpu;

/**
 * A one-line message about the backend, e.g. why the GPU is not used.
 *
 * @param level {@link Level#WARNING} when the user asked for the GPU (or a GPU scan failed), else INFO
 * @param text  e.g. "GPU unavailable: libcuda.so.1 not found; using cpu-vector"
 */
public record Notice(Level level, String text) {

    /** How loudly to show the notice. */
    public enum Level { INFO, WARNING }

    /** The line to print: the text, prefixed with "warning: " for warnings. */
    public String line() {
        return level == Level.WARNING ? "warning: " + text : text;
    }
}
