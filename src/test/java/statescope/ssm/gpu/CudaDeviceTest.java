package statescope.ssm.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CudaDeviceTest {

    private static CudaDevice named(String name, int clockKHz, int busBits) {
        return new CudaDevice(0, name, 9, 0, 132, 80L << 30, clockKHz, busBits, 13000);
    }

    @Test
    void knownGpusUseTheVendorPeak() {
        assertEquals(3350, named("NVIDIA H100 80GB HBM3", 0, 0).peakBandwidthGBs());
        assertEquals(2000, named("NVIDIA H100 PCIe", 0, 0).peakBandwidthGBs());
        assertEquals(3900, named("NVIDIA H100 NVL", 0, 0).peakBandwidthGBs());
        assertEquals(4800, named("NVIDIA H200", 0, 0).peakBandwidthGBs());
        assertEquals(2039, named("NVIDIA A100-SXM4-80GB", 0, 0).peakBandwidthGBs());
        assertEquals("vendor figure for NVIDIA H200", named("NVIDIA H200", 0, 0).peakBandwidthSource());
    }

    @Test
    void otherGpusUseClockTimesBusWidth() {
        // 1750 MHz GDDR6X-like clock on a 384-bit bus: 2 * 1.75e9 * 384 / 8 = 168 GB/s
        CudaDevice d = named("NVIDIA GeForce Something", 1_750_000, 384);
        assertEquals(168.0, d.peakBandwidthGBs(), 1e-9);
        assertEquals("memory clock x bus width", d.peakBandwidthSource());
        assertEquals(0, named("Unknown", 0, 0).peakBandwidthGBs());
        assertEquals("unknown", named("Unknown", 0, 0).peakBandwidthSource());
    }

    @Test
    void summaryNamesArchitectureAndSize() {
        assertEquals("NVIDIA H100 80GB HBM3 (sm_90, 132 SMs, 86 GB)", named("NVIDIA H100 80GB HBM3", 0, 0).summary());
    }
}
