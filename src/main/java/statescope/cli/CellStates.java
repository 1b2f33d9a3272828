package statescope.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import statescope.experiment.CellLock;
import statescope.experiment.SweepCell;
import statescope.experiment.SweepFolder;

/**
 * Where each cell of a sweep stands, from its files (as {@code reproduce} reads them), its lock and,
 * when the folder's cells were submitted to Slurm, from {@code squeue} and {@code sacct}.
 */
final class CellStates {

    /** A cell's state, in the words {@code sweep status} prints. */
    enum State {
        DONE("done"),
        RUNNING("running"),
        QUEUED("queued"),
        FAILED("failed"),
        PARTLY_TRAINED("partly trained"),
        NOT_STARTED("not started"),
        BUDGET_GREW("done, budget grew"),
        OTHER_RECIPE("done with another recipe");

        final String label;

        State(String label) {
            this.label = label;
        }
    }

    /**
     * One cell's state.
     *
     * @param detail who holds it, its Slurm task and how it ended, or its log; may be empty
     * @param resume whether training it continues what is there (false: trained again from the seed, as
     *               {@code reproduce} does for a model of another recipe)
     */
    record Status(SweepCell cell, State state, String detail, boolean resume) {
        /** Whether a sweep trains the cell now (it is neither done nor running nor queued). */
        boolean toTrain() {
            return switch (state) {
                case NOT_STARTED, PARTLY_TRAINED, FAILED, BUDGET_GREW, OTHER_RECIPE -> true;
                default -> false;
            };
        }
    }

    private CellStates() {
    }

    /**
     * The states of the cells.
     *
     * @param slurm null to look at the files and locks only (the local executor)
     */
    static List<Status> of(SweepFolder folder, List<SweepCell> cells, SlurmClient slurm) throws IOException {
        Map<String, SweepFolder.Job> jobs = slurm == null ? Map.of() : folder.lastJobs();
        Optional<Map<String, String>> queue = jobs.isEmpty() ? Optional.empty() : slurm.queue();
        Optional<Map<String, String>> acct = Optional.empty();
        if (!jobs.isEmpty()) {
            var ids = new LinkedHashSet<String>();
            jobs.values().forEach(j -> ids.add(j.jobId()));
            acct = slurm.accounting(ids);
        }
        var out = new ArrayList<Status>();
        for (SweepCell c : cells) {
            out.add(of(folder, c, jobs.get(c.name()), queue, acct));
        }
        return out;
    }

    private static Status of(SweepFolder folder, SweepCell cell, SweepFolder.Job job, Optional<Map<String, String>> queue,
                             Optional<Map<String, String>> acct) throws IOException {
        Path file = cell.file(folder.dir());
        ReproduceCommand.Status files = ReproduceCommand.stateOf(cell.spec(), file);
        boolean resume = files.state() != ReproduceCommand.State.RECIPE_CHANGED;
        Optional<String> holder = CellLock.holder(file);
        if (holder.isPresent()) {
            return new Status(cell, State.RUNNING, holder.get() + (job != null ? ", Slurm task " + job.taskId() : ""), resume);
        }
        String queued = job == null ? null : queue.map(q -> q.get(job.taskId())).orElse(null);
        if (queued != null) {
            State s = queued.equals("PENDING") || queued.equals("CONFIGURING") || queued.equals("REQUEUED")
                    ? State.QUEUED : State.RUNNING;
            return new Status(cell, s, "Slurm task " + job.taskId() + " " + queued, resume);
        }
        switch (files.state()) {
            case FINISHED -> {
                return new Status(cell, State.DONE, "", resume);
            }
            case BUDGET_GREW -> {
                return new Status(cell, State.BUDGET_GREW, "to train further to " + cell.spec().options().steps()
                        + " steps", resume);
            }
            case RECIPE_CHANGED -> {
                return new Status(cell, State.OTHER_RECIPE, "to train again from the seed", resume);
            }
            default -> {
            }
        }
        if (job != null) {
            String how = acct.map(a -> a.get(job.taskId())).orElse("ended without finishing");
            Path log = folder.logs().resolve(job.jobId() + "_" + job.index() + ".log");
            return new Status(cell, State.FAILED, "Slurm task " + job.taskId() + " " + how + "; log " + log, resume);
        }
        return files.state() == ReproduceCommand.State.PARTLY_TRAINED
                ? new Status(cell, State.PARTLY_TRAINED, "resumes from its saved state", resume)
                : new Status(cell, State.NOT_STARTED, "", resume);
    }
}
