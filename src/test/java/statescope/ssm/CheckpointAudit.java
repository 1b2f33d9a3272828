package statescope.ssm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every checkpoint in a folder, for {@code bench/kill-train.sh}: each {@code *.safetensors}
 * (not the optimizer state {@code *.opt.safetensors}) must load, its manifest must be the one saved
 * with those weights ({@link Checkpoint#check}: matched, or missing/stale and then taken from the
 * weights), and its config must agree with the weights. Prints one line per file,
 * {@code STATE step FILE} with STATE one of MATCHED, MANIFEST_MISSING, MANIFEST_STALE, UNCHECKED or
 * FAILED (then the reason), then {@code temporaries N} and {@code locks N} for the files of those kinds
 * lying in the folder. Exit code 1 when any file FAILED.
 */
public final class CheckpointAudit {

    private CheckpointAudit() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> files = new ArrayList<>();
        int temporaries = 0;
        int locks = 0;
        try (var s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".tmp")) {
                    temporaries++;
                } else if (n.endsWith(".lock")) {
                    locks++;
                } else if (n.endsWith(".safetensors") && !n.endsWith(".opt.safetensors")) {
                    files.add(p);
                }
            }
        }
        boolean failed = false;
        for (Path p : files) {
            try {
                Checkpoint.PairState state = Checkpoint.check(p);
                Checkpoint ck = Checkpoint.load(p);
                String embedded = Safetensors.read(p).metadata().get(Checkpoint.EMBEDDED_MANIFEST);
                if (embedded != null && state != Checkpoint.PairState.MATCHED
                        && !ManifestJson.read(embedded).equals(ck.manifest())) {
                    throw new IllegalStateException("the loaded manifest is not the one saved with the weights");
                }
                if (embedded != null && ManifestJson.read(embedded).trainingStep() != ck.manifest().trainingStep()) {
                    throw new IllegalStateException("the manifest's step " + ck.manifest().trainingStep()
                            + " is not the weights' " + ManifestJson.read(embedded).trainingStep());
                }
                System.out.println(state + " " + ck.manifest().trainingStep() + " " + p.getFileName());
            } catch (IOException | RuntimeException e) {
                failed = true;
                System.out.println("FAILED - " + p.getFileName() + " " + e);
            }
        }
        System.out.println("temporaries " + temporaries);
        System.out.println("locks " + locks);
        System.exit(failed ? 1 : 0);
    }
}
