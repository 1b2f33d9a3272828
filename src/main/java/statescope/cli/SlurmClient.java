package statescope.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Slurm commands a sweep uses: {@code sbatch} to submit a job array, {@code squeue} and
 * {@code sacct} to see its tasks. Every command is optional but {@code sbatch} for submitting: without
 * {@code squeue} (or {@code sacct}, which needs Slurm's accounting) the status says less.
 */
class SlurmClient {

    /** A finished command: exit code and its output. */
    record Result(int code, String out, String err) {
    }

    /** Runs a command; returns null when the program is not there. */
    interface Runner {
        Result run(List<String> command) throws IOException;
    }

    private final Runner runner;

    SlurmClient() {
        this(SlurmClient::exec);
    }

    SlurmClient(Runner runner) {
        this.runner = runner;
    }

    /** Submits a job script; returns the job id. */
    String submit(Path script) throws IOException {
        Result r = runner.run(List.of("sbatch", "--parsable", script.toString()));
        if (r == null) {
            throw new IOException("sbatch is not on the PATH: --executor slurm needs a Slurm client on this machine "
                    + "(--dry-run prints the job script without it)");
        }
        String id = r.out().strip();
        int semi = id.indexOf(';');
        id = semi >= 0 ? id.substring(0, semi) : id;
        if (r.code() != 0 || !id.matches("\\d+")) {
            throw new IOException("sbatch failed (exit " + r.code() + "): " + (r.err().strip() + " " + r.out().strip()).strip());
        }
        return id;
    }

    /** The queued and running array tasks of this user ({@code JOB_INDEX} → PENDING, RUNNING, ...); empty without squeue. */
    Optional<Map<String, String>> queue() {
        Result r = quietly(List.of("squeue", "-h", "-r", "-u", System.getProperty("user.name"), "-o", "%i|%T"));
        if (r == null || r.code() != 0) {
            return Optional.empty();
        }
        return Optional.of(pairs(r.out(), 2));
    }

    /**
     * How ended tasks of these jobs ended ({@code JOB_INDEX} → {@code FAILED exit 1:0}); empty without
     * sacct or Slurm's accounting.
     */
    Optional<Map<String, String>> accounting(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return Optional.of(Map.of());
        }
        Result r = quietly(List.of("sacct", "-n", "-X", "-P", "-o", "JobID,State,ExitCode", "-j", String.join(",", jobIds)));
        if (r == null || r.code() != 0) {
            return Optional.empty();
        }
        return Optional.of(pairs(r.out(), 3));
    }

    private Result quietly(List<String> cmd) {
        try {
            return runner.run(cmd);
        } catch (IOException e) {
            return null;
        }
    }

    /** Lines {@code TASK|STATE[|EXIT]} → TASK → "STATE" or "STATE exit EXIT"; array ranges ({@code 12_[3-5]}) left out. */
    static Map<String, String> pairs(String text, int fields) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] p = line.strip().split("\\|");
            if (p.length < 2 || p[0].contains("[") || p[0].isBlank()) {
                continue;
            }
            String state = p[1].strip().split(" ")[0]; // sacct: "CANCELLED by 0"
            out.put(p[0].strip(), fields > 2 && p.length > 2 ? state + " exit " + p[2].strip() : state);
        }
        return out;
    }

    /** Runs a program from the PATH (at most a minute); null when it is not there. */
    static Result exec(List<String> cmd) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(cmd)).start();
        } catch (IOException e) {
            return null;
        }
        p.getOutputStream().close();
        var err = new ByteArrayOutputStream();
        Thread drain = Thread.ofVirtual().start(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException e) {
                // the process is gone; what was read is kept
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not answer within a minute");
            }
            drain.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + cmd.get(0), e);
        }
        return new Result(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }
}
