package statescope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documents match the tree: every package under {@code src/main/java/statescope} is in the package
 * table of docs/architecture.md and in the README's layout table, and has a package-info that says what
 * it holds; every package those tables name exists, or is one of the planned packages the architecture
 * page lists. So a new package without docs fails here, and so does a table row left behind.
 */
class ArchitectureDocTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ROW_PACKAGE = Pattern.compile("^\\| `(statescope(?:\\.[a-z]+)*)` \\|");
    private static final Pattern NAMED_PACKAGE = Pattern.compile("`(statescope(?:\\.[a-z]+)*)`");

    /** The packages of the main sources: every folder under statescope with a .java file. */
    static Set<String> sourcePackages() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve("statescope"))) {
            var packages = new TreeSet<String>();
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> packages.add(SOURCES.relativize(f.getParent()).toString().replace('/', '.')
                            .replace('\\', '.')));
            return packages;
        }
    }

    /** The text of a markdown file from the heading {@code from} up to the next heading of that level or above. */
    static String section(Path file, String from) throws IOException {
        String text = Files.readString(file);
        int start = text.indexOf("\n" + from + "\n");
        assertTrue(start >= 0, file + " has no section '" + from + "'");
        String level = from.substring(0, from.indexOf(' ') + 1);
        int end = start + from.length() + 2;
        Matcher next = Pattern.compile("\n#{1," + (level.length() - 1) + "} ").matcher(text);
        return text.substring(start, next.find(end) ? next.start() : text.length());
    }

    /** The packages named in the first column of the markdown tables of a section. */
    static Set<String> tablePackages(String section) {
        var packages = new TreeSet<String>();
        for (String line : section.lines().toList()) {
            Matcher m = ROW_PACKAGE.matcher(line);
            if (m.find()) {
                packages.add(m.group(1));
            }
        }
        return packages;
    }

    static Set<String> namedPackages(String text) {
        var packages = new TreeSet<String>();
        NAMED_PACKAGE.matcher(text).results().forEach(r -> packages.add(r.group(1)));
        return packages;
    }

    @Test
    void everyPackageIsInTheArchitecturePageAndTheReadmeLayout() throws IOException {
        Set<String> tree = sourcePackages();
        assertTrue(tree.containsAll(List.of("statescope", "statescope.lang", "statescope.ssm", "statescope.ui.main")),
                "the source walk found " + tree);
        Path architecture = Path.of("docs/architecture.md");
        Set<String> documented = tablePackages(section(architecture, "## Packages"));
        Set<String> planned = namedPackages(section(architecture, "### Planned packages"));
        Set<String> layout = tablePackages(section(Path.of("README.md"), "## Layout"));
        for (String p : tree) {
            assertTrue(documented.contains(p), p + " is missing from the package table of docs/architecture.md");
            assertTrue(layout.contains(p), p + " is missing from the layout table of README.md");
        }
        for (String p : union(documented, layout)) {
            assertTrue(tree.contains(p) || planned.contains(p),
                    p + " is in a package table but not in src/main/java (nor planned in docs/architecture.md)");
        }
    }

    @Test
    void everyPackageSaysWhatItHolds() throws IOException {
        for (String p : sourcePackages()) {
            Path info = SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), p + " has no package-info.java");
            String text = Files.readString(info);
            assertTrue(!text.contains("DESIGN.md"), info + " points at a document outside this repository");
            String doc = text.substring(0, Math.max(0, text.indexOf("package " + p + ";")));
            assertTrue(doc.strip().startsWith("/**") && doc.length() > 150, info + " says too little: " + doc);
            assertEquals(1, text.split("package " + Pattern.quote(p) + ";", -1).length - 1, info.toString());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
