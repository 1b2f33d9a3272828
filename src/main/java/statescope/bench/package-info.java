/**
 * The benchmarks behind {@code statescope bench}, {@code bench-train} and {@code bench-gpu}: timing
 * helpers with JIT warm-up ({@link statescope.bench.Benchmarks}), the engine's step, scan and block
 * figures against the scalar reference ({@link statescope.bench.EngineBench}), training throughput
 * ({@link statescope.bench.TrainBench}), the CUDA scan against the GPU's peak bandwidth
 * ({@link statescope.bench.GpuBench}), and the PyTorch CPU peer ({@link statescope.bench.TorchPeer}),
 * which runs the project's own {@code bench/torch_peer.py} on the same shapes.
 *
 * <p>May import {@code statescope.ssm}, {@code statescope.ssm.gpu}, {@code statescope.train} and
 * {@code statescope.lang}; only {@code statescope.cli} imports it. Speed figures come from here,
 * never from timed unit tests.
 */
package statescope.bench;
