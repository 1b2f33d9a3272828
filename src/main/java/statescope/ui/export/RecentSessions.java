package statescope.ui.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last sessions saved or opened, newest first, at most {@value #MAX}; kept in a {@link Store}. */
public final class RecentSessions {

    /** How many are kept. */
    public static final int MAX = 8;

    /** Where the list lives between runs. */
    public interface Store {
        List<String> load();

        void save(List<String> paths);

        /** The user's preferences (java.util.prefs, node {@code statescope/ui}, key {@code recentSessions}). */
        static Store preferences() {
            Preferences node = Preferences.userRoot().node("statescope/ui");
            return new Store() {
                @Override
                public List<String> load() {
                    String s = node.get("recentSessions", "");
                    return s.isEmpty() ? List.of() : List.of(s.split("\n"));
                }

                @Override
                public void save(List<String> paths) {
                    node.put("recentSessions", String.join("\n", paths));
                }
            };
        }

        /** In memory (tests). */
        static Store memory() {
            List<String> kept = new ArrayList<>();
            return new Store() {
                @Override
                public List<String> load() {
                    return List.copyOf(kept);
                }

                @Override
                public void save(List<String> paths) {
                    kept.clear();
                    kept.addAll(paths);
                }
            };
        }
    }

    private final Store store;

    public RecentSessions(Store store) {
        this.store = store;
    }

    /** The sessions, newest first. */
    public List<Path> list() {
        return store.load().stream().filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** {@code file} was saved or opened: it moves to the top. */
    public void used(Path file) {
        String p = file.toAbsolutePath().normalize().toString();
        List<String> l = new ArrayList<>(store.load());
        l.remove(p);
        l.addFirst(p);
        store.save(l.subList(0, Math.min(MAX, l.size())));
    }
}
