package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import statescope.ssm.ScanResult;

/** Exact comparison of two scan results (for paths that run the same CPU arithmetic). */
final class ScanAsserts {

    private ScanAsserts() {
    }

    static void assertSameResult(ScanResult expected, ScanResult actual) {
        assertArrayEquals(expected.y(), actual.y(), "y");
        assertArrayEquals(expected.hLast(), actual.hLast(), "hLast");
        if (expected.hAll() == null) {
            assertNull(actual.hAll(), "hAll");
        } else {
            assertArrayEquals(expected.hAll(), actual.hAll(), "hAll");
        }
    }
}
