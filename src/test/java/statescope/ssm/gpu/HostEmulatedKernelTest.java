package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import statescope.ssm.GateRange;
import statescope.ssm.ReferenceScan;
import statescope.ssm.ScanBatch;
import statescope.ssm.ScanResult;

/**
 * Runs the CUDA kernel's own source on the CPU: {@code src/test/cuda/scan_emulator.cpp} compiles
 * {@code selective_scan.cu} with host stand-ins for the CUDA built-ins (one thread per CUDA thread,
 * a real barrier, cp.async copies landing late or early), so its indexing, chunking, padding, h0 and
 * multi-tile logic are checked against the reference without a GPU. Skipped (visibly) without g++.
 */
class HostEmulatedKernelTest {

    @TempDir
    static Path dir;
    private static Path emulator;

    @BeforeAll
    static void compile() throws Exception {
        boolean gpp;
        try {
            gpp = new ProcessBuilder("g++", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {                                    // no such program
            gpp = false;
        }
        assumeTrue(gpp, "g++ not found: the host emulation of the CUDA kernel needs a C++20 compiler");
        emulator = dir.resolve("scan_emulator");
        var p = new ProcessBuilder("g++", "-std=c++20", "-O1", "-pthread", "-Wno-unknown-pragmas",
                "-o", emulator.toString(), "src/test/cuda/scan_emulator.cpp").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "g++ took over 120 s");
        assertEquals(0, p.exitValue(), "g++ failed:\n" + log);
    }

    @ParameterizedTest(name = "B={0} T={1} D={2} N={3} {4} h0={5} emit={6} copies {7}")
    @CsvSource({
        "3, 37, 40, 5, SIGNED, true, true, late",          // N % 4 != 0 (4-byte B/C copies), partial tile
        "3, 37, 40, 5, NONNEGATIVE, false, true, early",
        "4, 50, 64, 16, NONNEGATIVE, true, true, late",    // the main path: float4 B/C, full tiles
        "4, 50, 64, 16, SIGNED, true, false, early",
        "2, 33, 300, 8, SIGNED, false, true, late",        // three tiles of 128 channels, last partial
        "2, 17, 32, 64, NONNEGATIVE, true, true, late",    // the largest state
        "3, 16, 8, 1, SIGNED, true, true, late",           // one state, chunk-sized length
        "1, 0, 32, 16, NONNEGATIVE, true, true, late",     // T = 0: hLast = h0
    })
    void emulatedKernelMatchesTheReference(int batch, int maxLen, int dInner, int dState, GateRange gates,
                                           boolean withH0, boolean emit, String copies) throws Exception {
        ScanBatch in = ScanInputs.mambaLike(batch * 31L + dState, batch, maxLen, dInner, dState, gates, true, withH0);
        ScanResult expected = new ReferenceScan().scan(in, emit);
        ScanResult actual = runEmulator(in, emit, copies);
        assertClose(expected.y(), actual.y(), "y");
        assertClose(expected.hLast(), actual.hLast(), "hLast");
        if (emit) {
            assertClose(expected.hAll(), actual.hAll(), "hAll");
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= 1e-5f)) {
                assertEquals(expected[i], actual[i], 1e-5f, what + "[" + i + "]");
            }
        }
    }

    private static ScanResult runEmulator(ScanBatch in, boolean emit, String copies) throws IOException, InterruptedException {
        ScanLaunch plan = ScanLaunch.plan(in);
        int btd = in.batch() * in.maxLen() * in.dInner();
        int bdn = in.batch() * in.dInner() * in.dState();
        var buf = ByteBuffer.allocate(4 * (9 + in.batch() + 2 * btd + in.a().length + 2 * in.b().length
                + in.dInner() + (in.h0() == null ? 0 : bdn))).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {in.batch(), in.maxLen(), in.dInner(), in.dState(),
            in.gates() == GateRange.SIGNED ? 1 : 0, in.h0() == null ? 0 : 1, emit ? 1 : 0, plan.threads(), plan.nmax()}) {
            buf.putInt(v);
        }
        for (int len : in.lengths()) {
            buf.putInt(len);
        }
        for (float[] arr : new float[][] {in.x(), in.delta(), in.a(), in.b(), in.c(), in.dSkip(), in.h0()}) {
            if (arr != null) {
                for (float f : arr) {
                    buf.putFloat(f);
                }
            }
        }
        Path inFile = dir.resolve("in.bin");
        Path outFile = dir.resolve("out.bin");
        Files.write(inFile, buf.array());
        var p = new ProcessBuilder(emulator.toString(), inFile.toString(), outFile.toString(), copies)
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "emulator failed: " + log);
        var out = ByteBuffer.wrap(Files.readAllBytes(outFile)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] y = new float[btd];
        float[] hLast = new float[bdn];
        float[] hAll = emit ? new float[btd * in.dState()] : null;
        out.get(y).get(hLast);
        if (emit) {
            out.get(hAll);
        }
        return new ScanResult(y, hLast, hAll);
    }
}
