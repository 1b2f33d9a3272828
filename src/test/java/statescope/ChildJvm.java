package statescope;

/** What tests that start a child JVM share: the class path that JVM needs. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The test JVM's class path (Surefire puts the real one in surefire.test.class.path). */
    public static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
