package statescope.ssm.gpu;

import java.util.Locale;

/**
 * What the driver reports about one CUDA device.
 *
 * @param ordinal            device number (0 = first)
 * @param name               e.g. "NVIDIA H100 80GB HBM3"
 * @param ccMajor            compute capability, major (9 for Hopper)
 * @param ccMinor            compute capability, minor
 * @param multiprocessors    number of SMs
 * @param totalMemoryBytes   device memory
 * @param memoryClockKHz     peak memory clock in kHz, 0 when the driver does not report it
 * @param busWidthBits       memory bus width in bits, 0 when the driver does not report it
 * @param driverVersion      CUDA version of the driver, e.g. 13000
 */
public record CudaDevice(int ordinal, String name, int ccMajor, int ccMinor, int multiprocessors,
                         long totalMemoryBytes, int memoryClockKHz, int busWidthBits, int driverVersion) {

    /**
     * Peak memory bandwidth in GB/s (10^9 bytes/s) used as the 100% mark of the benchmark: the vendor's
     * figure for the GPUs we know by name (H100 SXM 3350, H100 PCIe 2000, H100 NVL 3900, H200 4800,
     * A100 80GB 2039, A100 40GB 1555), else 2 · memory clock · bus width / 8 (double data rate), else 0.
     */
    public double peakBandwidthGBs() {
        String n = name.toUpperCase(Locale.ROOT);
        if (n.contains("H200")) {
            return 4800;
        }
        if (n.contains("H100")) {
            if (n.contains("PCIE")) {
                return 2000;
            }
            return n.contains("NVL") ? 3900 : 3350;
        }
        if (n.contains("A100")) {
            return n.contains("80GB") ? 2039 : 1555;
        }
        return computedBandwidthGBs();
    }

    /** 2 · memory clock · bus width / 8 in GB/s, from the driver's attributes (0 when unknown). */
    public double computedBandwidthGBs() {
        return 2.0 * memoryClockKHz * 1e3 * busWidthBits / 8 / 1e9;
    }

    /** Where {@link #peakBandwidthGBs()} comes from, for reports. */
    public String peakBandwidthSource() {
        String n = name.toUpperCase(Locale.ROOT);
        boolean known = n.contains("H200") || n.contains("H100") || n.contains("A100");
        return known ? "vendor figure for " + name : computedBandwidthGBs() > 0 ? "memory clock x bus width" : "unknown";
    }

    /** One line for status bars and logs, e.g. "NVIDIA H100 80GB HBM3 (sm_90, 132 SMs, 80 GB)". */
    public String summary() {
        return String.format(Locale.ROOT, "%s (sm_%d%d, %d SMs, %.0f GB)", name, ccMajor, ccMinor,
                multiprocessors, totalMemoryBytes / 1e9);
    }
}
