/**
 * The selective scan on an NVIDIA GPU: our own CUDA kernel, shipped as PTX inside the jar and loaded at
 * run time through the CUDA driver API with Java's FFM API ({@link statescope.ssm.gpu.CudaDriver},
 * {@link statescope.ssm.gpu.CudaScanKernel}); no CUDA toolkit is needed on a user's machine. Backend
 * choice ({@link statescope.ssm.gpu.ScanBackends}: {@code auto|cpu|gpu}) falls back to the CPU kernel with
 * a one-line {@link statescope.ssm.gpu.Notice} when there is no driver or device.
 *
 * <p>May import {@code statescope.ssm} only (never ND4J); docs/gpu.md describes the kernel and its checks.
 */
package statescope.ssm.gpu;
