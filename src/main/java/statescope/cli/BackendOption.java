package statescope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import statescope.ssm.SelectiveScanKernel;
import statescope.ssm.gpu.BackendChoice;
import statescope.ssm.gpu.CudaScanKernel;
import statescope.ssm.gpu.ScanBackends;
import statescope.ssm.gpu.Selection;

/**
 * The {@code --backend auto|cpu|gpu} option, for any command that runs scans: mix it in with
 * {@code @Mixin BackendOption backend;} and call {@link #select} with the CPU kernel. The notice (why
 * the GPU is not used) goes to standard error, as a warning when {@code gpu} was asked for.
 */
public final class BackendOption {

    @Option(names = "--backend", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            converter = ChoiceConverter.class,
            description = "Where scans run: auto (GPU if usable, else CPU), cpu, or gpu (CPU with a warning "
                    + "if no GPU is usable). Default: ${DEFAULT-VALUE}.")
    BackendChoice choice = BackendChoice.AUTO;

    /** The parsed choice. */
    public BackendChoice choice() {
        return choice;
    }

    /**
     * Selects the backend and prints its notice, if any, as one line on {@code err}; later GPU
     * failures (falling back to the CPU) are printed there too.
     */
    public Selection select(SelectiveScanKernel cpuKernel, PrintWriter err) {
        Selection s = ScanBackends.select(choice, cpuKernel, CudaScanKernel::open,
                notice -> {
                    err.println("statescope: " + notice.line());
                    err.flush();
                });
        if (s.notice() != null) {
            err.println("statescope: " + s.notice().line());
            err.flush();
        }
        return s;
    }

    /** Parses auto, cpu, gpu (any case) with picocli's usage-error reporting. */
    static final class ChoiceConverter implements CommandLine.ITypeConverter<BackendChoice> {
        @Override
        public BackendChoice convert(String value) {
            try {
                return BackendChoice.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
