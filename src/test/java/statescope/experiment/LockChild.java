package statescope.experiment;

import java.nio.file.Path;

/**
 * A child JVM for {@link CellLockTest}: locks the run of the model file given as the argument, prints
 * {@code locked} (or {@code held}) and waits for a line on standard input (or to be killed).
 */
public final class LockChild {

    private LockChild() {
    }

    public static void main(String[] args) throws Exception {
        var lock = CellLock.tryAcquire(Path.of(args[0]));
        System.out.println(lock.isPresent() ? "locked" : "held");
        System.out.flush();
        System.in.read();
    }
}
