package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import statescope.ssm.GateRange;
import statescope.ssm.ScanBatch;

class ScanLaunchTest {

    @Test
    void benchmarkShapeUsesFullBlocksAndTheN16Kernel() {
        ScanLaunch p = ScanLaunch.plan(256, 256, 16);
        assertEquals(new ScanLaunch(16, 128, 256, 2, 2 * 16 * (2 * 128 + 2 * 16) * 4), p);
        assertEquals(36_864, p.sharedBytes());
        assertEquals("selective_scan_fwd_n16", p.entryPoint());
    }

    @Test
    void smallShapesRoundChannelsUpToAWarpAndStatesUpToAnEntryPoint() {
        assertEquals(new ScanLaunch(4, 32, 1, 1, 2 * 16 * (64 + 8) * 4), ScanLaunch.plan(1, 1, 1));
        assertEquals(new ScanLaunch(8, 64, 3, 1, 2 * 16 * (128 + 16) * 4), ScanLaunch.plan(3, 40, 5));
        assertEquals(new ScanLaunch(64, 128, 2, 3, 49_152), ScanLaunch.plan(2, 300, 64));
        var e = assertThrows(GpuUnavailableException.class, () -> ScanLaunch.plan(1, 8, 65));
        assertEquals("the CUDA scan supports d_state up to 64, not 65", e.getMessage());
    }

    @Test
    void sharedMemoryNeverExceedsTheDefault48KiB() {
        for (int n : ScanLaunch.NMAX) {
            assertEquals(true, ScanLaunch.plan(1, 4096, n).sharedBytes() <= 48 * 1024, "nmax " + n);
        }
    }

    @Test
    void bytesPerTokenCountsXDeltaYAndBC() {
        assertEquals(3200, ScanLaunch.bytesPerToken(256, 16, false));
        assertEquals(3200 + 4 * 256 * 16, ScanLaunch.bytesPerToken(256, 16, true));
    }

    @Test
    void bytesMovedAddsPaddingAndPerStringTraffic() {
        // B=2, T=3, D=4, N=2; lengths 3 and 1 -> 4 real tokens, 2 padding tokens; with h0
        var in = new ScanBatch(2, 3, 4, 2, new int[] {3, 1}, new float[24], new float[24], new float[8],
                new float[12], new float[12], new float[4], new float[16], GateRange.NONNEGATIVE);
        long real = 4 * (12 * 4 + 8 * 2);
        long padding = 2 * (4 * 4);
        long once = 4 * 8 + 4 * 4;
        long perString = 2 * (4 * 8 * 2 + 4);
        assertEquals(real + padding + once + perString, ScanLaunch.bytesMoved(in, false));
        long states = 4 * 4 * 4 * 2 + 2 * 4 * 4 * 2;   // real and padding h_t
        assertEquals(real + padding + once + perString + states, ScanLaunch.bytesMoved(in, true));
    }
}
