package statescope.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import statescope.ssm.AtomicFiles;

/**
 * A sweep's results folder: one model per cell ({@code NAME.safetensors}, {@code NAME.json}, while it
 * trains {@code NAME.resume.*}, and {@code NAME.run.lock}), and under {@code sweep/} a copy of every plan
 * run into it ({@code PLANNAME.HASH.plan.yaml}: several sweeps may share a folder), the Slurm job
 * scripts, the submitted tasks ({@code jobs.tsv}) and the tasks' logs ({@code logs/}).
 */
public final class SweepFolder {

    /** The sub-folder of the sweep's own files. */
    public static final String META = "sweep";

    private static final String PLAN_SUFFIX = ".plan.yaml";

    /**
     * One submitted Slurm array task.
     *
     * @param jobId     the array's job id ({@code sbatch --parsable})
     * @param index     the task's index in the array
     * @param submitted when (UTC, seconds)
     */
    public record Job(String jobId, int index, String cell, String submitted) {
        /** The task's id as Slurm spells it: {@code JOB_INDEX}. */
        public String taskId() {
            return jobId + "_" + index;
        }
    }

    private final Path dir;

    public SweepFolder(Path dir) {
        this.dir = dir;
    }

    /** The results folder. */
    public Path dir() {
        return dir;
    }

    /** {@code sweep/} of the folder. */
    public Path meta() {
        return dir.resolve(META);
    }

    /** Where the Slurm tasks write their output. */
    public Path logs() {
        return meta().resolve("logs");
    }

    /** Whether a folder holds a sweep (a plan was run into it). */
    public static boolean isSweep(Path dir) {
        return !new SweepFolder(dir).planFiles().isEmpty();
    }

    /** Keeps a copy of the plan in the folder (once per distinct text). */
    public void record(SweepPlan plan) throws IOException {
        Path f = meta().resolve(plan.name() + "." + hash(plan.text()) + PLAN_SUFFIX);
        if (!Files.exists(f)) {
            Files.createDirectories(meta());
            AtomicFiles.write(f, plan.text().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The plans run into the folder, oldest first. */
    public List<SweepPlan> plans() throws IOException {
        var out = new ArrayList<SweepPlan>();
        for (Path f : planFiles()) {
            String n = f.getFileName().toString();
            String stem = n.substring(0, n.length() - PLAN_SUFFIX.length());
            String name = stem.contains(".") ? stem.substring(0, stem.lastIndexOf('.')) : stem;
            out.add(SweepPlan.parse(Files.readString(f), META + "/" + n, name));
        }
        return out;
    }

    /** Every cell of every plan run into the folder, each name once, in plan order. */
    public List<SweepCell> cells() throws IOException {
        Map<String, SweepCell> out = new LinkedHashMap<>();
        for (SweepPlan p : plans()) {
            p.cells().forEach(c -> out.putIfAbsent(c.name(), c));
        }
        return List.copyOf(out.values());
    }

    /** Appends submitted tasks to {@code jobs.tsv} (under a file lock: sweeps may submit at once). */
    public void recordJobs(String jobId, List<String> cells) throws IOException {
        Files.createDirectories(meta());
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        var sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            sb.append(jobId).append('\t').append(i).append('\t').append(cells.get(i)).append('\t').append(now).append('\n');
        }
        try (FileChannel ch = FileChannel.open(meta().resolve("jobs.tsv"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND); var lock = ch.lock()) {
            ch.write(ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        }
    }

    /** Every submitted task, oldest first. */
    public List<Job> jobs() throws IOException {
        Path f = meta().resolve("jobs.tsv");
        var out = new ArrayList<Job>();
        if (!Files.exists(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String[] p = line.split("\t");
            if (p.length == 4 && p[1].matches("\\d{1,9}")) {
                out.add(new Job(p[0], Integer.parseInt(p[1]), p[2], p[3]));
            }
        }
        return out;
    }

    /** Per cell its last submitted task. */
    public Map<String, Job> lastJobs() throws IOException {
        Map<String, Job> out = new LinkedHashMap<>();
        for (Job j : jobs()) {
            out.put(j.cell(), j);
        }
        return out;
    }

    private List<Path> planFiles() {
        if (!Files.isDirectory(meta())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(meta())) {
            return s.filter(p -> p.getFileName().toString().endsWith(PLAN_SUFFIX))
                    .sorted((a, b) -> {
                        try {
                            int c = Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
                            return c != 0 ? c : a.compareTo(b);
                        } catch (IOException e) {
                            return a.compareTo(b);
                        }
                    }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
