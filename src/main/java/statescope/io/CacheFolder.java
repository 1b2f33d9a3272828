package statescope.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's cache folder for the app: {@code $XDG_CACHE_HOME/statescope} or {@code ~/.cache/statescope}
 * on Linux, {@code ~/Library/Caches/statescope} on macOS, {@code %LOCALAPPDATA%\statescope} on Windows.
 * What lives there can be deleted at any time: the class-data archive of the app's JVM and the automaton
 * layouts the app computed before.
 */
public final class CacheFolder {

    private CacheFolder() {
    }

    /** The folder for this process's environment and system properties, or null when they name none. */
    public static Path current() {
        return of(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home"));
    }

    /** The folder for the given environment, OS name and home folder, or null when they name none. */
    public static Path of(Map<String, String> env, String os, String home) {
        String name = os.toLowerCase(Locale.ROOT);
        try {
            if (name.startsWith("windows")) {
                String local = env.get("LOCALAPPDATA");
                return local == null || local.isBlank() ? null : Path.of(local, "statescope");
            }
            if (home == null || home.isBlank()) {
                return null;
            }
            if (name.startsWith("mac")) {
                return Path.of(home, "Library", "Caches", "statescope");
            }
            String xdg = env.get("XDG_CACHE_HOME");
            return xdg != null && !xdg.isBlank() ? Path.of(xdg, "statescope") : Path.of(home, ".cache", "statescope");
        } catch (RuntimeException e) {                                 // a malformed path in the environment
            return null;
        }
    }

    /** A short stable name for a text (FNV-1a, 64 bits, hex). */
    public static String key(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return Long.toHexString(h);
    }
}
