package statescope.ui.common;

/** A unit of background work producing a {@code T}. */
@FunctionalInterface
public interface Work<T> {

    T run(Progress progress) throws Exception;
}
