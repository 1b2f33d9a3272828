// StateScope: fused forward selective scan (Mamba-1 S6 recurrence) for NVIDIA GPUs.
//
// Equations (statescope.ssm.ScanBatch has the same text):
//   Ā[b,t,d,n] = exp(Δ[b,t,d]·A[d,n])            gate range [0,1]   (signedGate = 0)
//              = 2·exp(Δ[b,t,d]·A[d,n]) − 1      gate range [−1,1]  (signedGate = 1)
//   h[b,t,d,n] = Ā·h[b,t−1,d,n] + Δ[b,t,d]·B[b,t,n]·x[b,t,d]      h[b,−1] = h0[b] (or 0)
//   y[b,t,d]   = Σ_n C[b,t,n]·h[b,t,d,n] + Dskip[d]·x[b,t,d]
// Positions t >= lengths[b] are padding: y = 0 there, hAll = 0 there, and the state is not changed.
//
// Layouts (row-major, float32):  x, delta, y [B, T, D]; A [D, N]; Bm, Cm [B, T, N]; Dskip [D];
//   h0, hLast [B, D, N]; hAll [B, T, D, N]; lengths [B] (int32). h0 and hAll may be null (0).
//
// Work split: one thread per channel (b, d) keeps its N states in registers and walks t sequentially.
//   block = DT threads = DT consecutive channels d of one string b   (DT = 32, 64, 96 or 128)
//   grid  = (B, ceil(D / DT))
// Time is cut into chunks of CHUNK steps. A two-stage cp.async pipeline copies chunk c+1 of
// x, Δ (each thread its own column: a warp reads 128 contiguous bytes per step) and of Bm, Cm (the
// block's string shares them: CHUNK·N contiguous floats, 16-byte copies when N % 4 == 0) into shared
// memory while the block computes chunk c. Bm[t], Cm[t] are then read from shared memory as float4
// broadcasts. exp(Δ·A) is computed as exp2f(Δ·(A·log2 e)) with A·log2 e held in registers; built with
// -ftz=true this is one MUFU.EX2 per state and step (denormal gates, below 1.2e-38, flush to 0). The
// gate range is a template parameter, so [0,1] pays no extra FMA for the [−1,1] form.
// Per state and step: 1 MUFU + 5 FP32 ops. On H100 the 16 MUFU/clk/SM roughly balance the bytes
// (see below), so the kernel should sit near the memory roofline rather than far below it.
// States n >= N (when N is below the template's NMAX) have A = 0, Bm = Cm = 0 and h0 = 0, so they stay
// 0 and add 0 to y: no per-state predicates in the inner loop.
//
// Dynamic shared memory per block: 2 stages · CHUNK · (2·DT + 2·NMAX) · 4 bytes
//   (DT = 128, NMAX = 16: 36 KiB; NMAX = 64: 48 KiB, the default per-block limit).
//
// Bytes moved per real token (b, t), the figure behind the GB/s of the benchmark:
//   reads  x, Δ: 8·D      Bm, Cm: 8·N
//   writes y: 4·D         hAll (only when emitted): 4·D·N
//   per string once: A 4·D·N (cached), Dskip 4·D, h0 4·D·N (if given), hLast 4·D·N
// For D = 256, N = 16 that is 3200 bytes per token without hAll, 19584 with it.
//
// Entry points: selective_scan_fwd_n4, _n8, _n16, _n32, _n64 (NMAX = max state size, N <= NMAX).
// Parameters, in order (the host binding statescope.ssm.gpu.ScanLaunch packs the same list):
//   u64 x, u64 delta, u64 A, u64 Bm, u64 Cm, u64 Dskip, u64 h0, u64 lengths,
//   u64 y, u64 hLast, u64 hAll, u32 batch, u32 T, u32 D, u32 N, u32 signedGate
//
// Rebuild the PTX with src/main/cuda/build-ptx.sh (or ./mvnw -Pcuda generate-resources).

#include <cstdint>

// Dynamic shared memory of a block (declared at file scope so that its PTX name does not depend on
// the build path, which keeps the PTX reproducible).
extern __shared__ float4 statescope_scan_smem[];

namespace {

constexpr int CHUNK = 16;          // time steps per pipeline stage
constexpr int MAX_THREADS = 128;   // channels per block at most
constexpr float LOG2E = 1.4426950408889634f;

#ifndef STATESCOPE_HOST_EMULATION
// (src/test/cuda/host_emulation.h supplies these for a host build that tests the indexing on a CPU)
__device__ __forceinline__ void cp_async4(float* smem, const float* gmem) {
    const unsigned s = static_cast<unsigned>(__cvta_generic_to_shared(smem));
    asm volatile("cp.async.ca.shared.global [%0], [%1], 4;\n" ::"r"(s), "l"(gmem) : "memory");
}

__device__ __forceinline__ void cp_async16(float* smem, const float* gmem) {
    const unsigned s = static_cast<unsigned>(__cvta_generic_to_shared(smem));
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16;\n" ::"r"(s), "l"(gmem) : "memory");
}

__device__ __forceinline__ void cp_async_commit() {
    asm volatile("cp.async.commit_group;\n" ::: "memory");
}

// Waits until at most one committed group of this thread is still in flight.
__device__ __forceinline__ void cp_async_wait_all_but_one() {
    asm volatile("cp.async.wait_group 1;\n" ::: "memory");
}
#endif

// One pipeline stage in shared memory: x and Δ as [CHUNK][DT], Bm and Cm as [CHUNK][NMAX], in that
// order. Every part starts 16-byte aligned (DT is a multiple of 32, NMAX of 4).
template <int NMAX>
__device__ __forceinline__ int stage_floats(int dt) { return CHUNK * (2 * dt + 2 * NMAX); }

__device__ __forceinline__ float* stage_delta(float* stage, int dt) { return stage + CHUNK * dt; }
__device__ __forceinline__ float* stage_bm(float* stage, int dt) { return stage + 2 * CHUNK * dt; }
template <int NMAX>
__device__ __forceinline__ float* stage_cm(float* stage, int dt) { return stage + 2 * CHUNK * dt + CHUNK * NMAX; }

// Issues the asynchronous copies of time steps [t0, t0 + steps) of string b into one stage.
template <int NMAX>
__device__ __forceinline__ void load_chunk(float* stage, const float* __restrict__ x,
                                           const float* __restrict__ delta, const float* __restrict__ bm,
                                           const float* __restrict__ cm, size_t row0, int steps, int D,
                                           int N, int d, bool active) {
    const int tid = threadIdx.x;
    const int dt = blockDim.x;
    float* sx = stage;
    float* sd = stage_delta(stage, dt);
    float* sb = stage_bm(stage, dt);
    float* sc = stage_cm<NMAX>(stage, dt);
    if (active) {
        for (int t = 0; t < steps; ++t) {
            const size_t g = (row0 + t) * D + d;          // [B, T, D] element of this channel
            cp_async4(sx + t * dt + tid, x + g);
            cp_async4(sd + t * dt + tid, delta + g);
        }
    }
    const float* bsrc = bm + row0 * N;                     // [steps, N], contiguous
    const float* csrc = cm + row0 * N;
    if ((N & 3) == 0) {
        const int groups = N >> 2;
        for (int i = tid; i < steps * groups; i += dt) {
            const int t = i / groups;
            const int n = (i - t * groups) << 2;
            cp_async16(sb + t * NMAX + n, bsrc + t * N + n);
            cp_async16(sc + t * NMAX + n, csrc + t * N + n);
        }
    } else {
        for (int i = tid; i < steps * N; i += dt) {
            const int t = i / N;
            const int n = i - t * N;
            cp_async4(sb + t * NMAX + n, bsrc + i);
            cp_async4(sc + t * NMAX + n, csrc + i);
        }
    }
}

// Writes the N states of one channel to dst (hAll row or hLast row).
template <int NMAX>
__device__ __forceinline__ void store_states(float* __restrict__ dst, const float (&h)[NMAX], int N) {
    if ((N & 3) == 0) {
        float4* d4 = reinterpret_cast<float4*>(dst);
#pragma unroll
        for (int q = 0; q < NMAX / 4; ++q) {
            if (4 * q < N) {
                d4[q] = make_float4(h[4 * q], h[4 * q + 1], h[4 * q + 2], h[4 * q + 3]);
            }
        }
    } else {
#pragma unroll
        for (int n = 0; n < NMAX; ++n) {
            if (n < N) {
                dst[n] = h[n];
            }
        }
    }
}

template <int NMAX, bool SIGNED>
__device__ __forceinline__ void scan_fwd(const float* __restrict__ x, const float* __restrict__ delta,
                                         const float* __restrict__ A, const float* __restrict__ bm,
                                         const float* __restrict__ cm, const float* __restrict__ dskip,
                                         const float* __restrict__ h0, const int* __restrict__ lengths,
                                         float* __restrict__ y, float* __restrict__ hLast,
                                         float* __restrict__ hAll, int T, int D, int N) {
    float* smem = reinterpret_cast<float*>(statescope_scan_smem);

    const int tid = threadIdx.x;
    const int dt = blockDim.x;
    const int b = blockIdx.x;
    const int d = blockIdx.y * dt + tid;
    const bool active = d < D;
    const int len = lengths[b];
    const size_t row0 = static_cast<size_t>(b) * T;       // token row of (b, 0)

    const int stageFloats = stage_floats<NMAX>(dt);

    // Bm/Cm columns n >= N must read as 0 (see header); zero both stages' Bm/Cm once.
    for (int i = tid; i < 2 * CHUNK * NMAX; i += dt) {
        stage_bm(smem, dt)[i] = 0.f;   // Bm and Cm are adjacent: [2 * CHUNK * NMAX] floats
        stage_bm(smem + stageFloats, dt)[i] = 0.f;
    }
    __syncthreads();

    float a2[NMAX];   // A[d, n] · log2(e)
    float h[NMAX];    // the running state h[b, t, d, n]
#pragma unroll
    for (int n = 0; n < NMAX; ++n) {
        const bool real = active && n < N;
        a2[n] = real ? A[static_cast<size_t>(d) * N + n] * LOG2E : 0.f;
        h[n] = (real && h0 != nullptr) ? h0[(static_cast<size_t>(b) * D + d) * N + n] : 0.f;
    }
    const float dskipD = active ? dskip[d] : 0.f;

    const int chunks = (len + CHUNK - 1) / CHUNK;
    if (chunks > 0) {
        load_chunk<NMAX>(smem, x, delta, bm, cm, row0, min(CHUNK, len), D, N, d, active);
    }
    cp_async_commit();

    for (int c = 0; c < chunks; ++c) {
        const int t0 = c * CHUNK;
        if (c + 1 < chunks) {
            const int t1 = t0 + CHUNK;
            load_chunk<NMAX>(smem + ((c + 1) & 1) * stageFloats, x, delta, bm, cm, row0 + t1, min(CHUNK, len - t1),
                             D, N, d, active);
        }
        cp_async_commit();
        cp_async_wait_all_but_one();   // this thread's copies of chunk c have landed
        __syncthreads();               // ... and everyone else's

        float* stage = smem + (c & 1) * stageFloats;
        const float* sx = stage;
        const float* sd = stage_delta(stage, dt);
        const float* sb = stage_bm(stage, dt);
        const float* sc = stage_cm<NMAX>(stage, dt);
        const int steps = min(CHUNK, len - t0);
        if (active) {
#pragma unroll 2
            for (int t = 0; t < steps; ++t) {
                const float xv = sx[t * dt + tid];
                const float dv = sd[t * dt + tid];
                const float dx = dv * xv;
                float acc0 = dskipD * xv;   // two accumulators: shorter dependency chains
                float acc1 = 0.f;
                const float4* b4 = reinterpret_cast<const float4*>(sb + t * NMAX);
                const float4* c4 = reinterpret_cast<const float4*>(sc + t * NMAX);
#pragma unroll
                for (int q = 0; q < NMAX / 4; ++q) {
                    const float4 bq = b4[q];
                    const float4 cq = c4[q];
                    const float bv[4] = {bq.x, bq.y, bq.z, bq.w};
                    const float cv[4] = {cq.x, cq.y, cq.z, cq.w};
#pragma unroll
                    for (int k = 0; k < 4; ++k) {
                        const int n = 4 * q + k;
                        const float e = exp2f(dv * a2[n]);                 // exp(Δ·A)
                        const float gate = SIGNED ? fmaf(2.f, e, -1.f) : e;
                        h[n] = fmaf(gate, h[n], dx * bv[k]);
                        if (k & 1) {
                            acc1 = fmaf(cv[k], h[n], acc1);
                        } else {
                            acc0 = fmaf(cv[k], h[n], acc0);
                        }
                    }
                }
                const size_t row = (row0 + t0 + t) * D + d;   // [B, T, D] index
                y[row] = acc0 + acc1;
                if (hAll != nullptr) {
                    store_states<NMAX>(hAll + row * N, h, N);
                }
            }
        }
        __syncthreads();   // stage (c & 1) is refilled in iteration c + 1
    }

    if (active) {
        // padding: y = 0 and hAll = 0 for t in [len, T)
        const float zero[NMAX] = {};
        for (int t = len; t < T; ++t) {
            const size_t row = (row0 + t) * D + d;
            y[row] = 0.f;
            if (hAll != nullptr) {
                store_states<NMAX>(hAll + row * N, zero, N);
            }
        }
        store_states<NMAX>(hLast + (static_cast<size_t>(b) * D + d) * N, h, N);
    }
}

}  // namespace

#define STATESCOPE_SCAN_ENTRY(NMAX)                                                                  \
    extern "C" __global__ void __launch_bounds__(MAX_THREADS) selective_scan_fwd_n##NMAX(            \
        const float* x, const float* delta, const float* A, const float* bm, const float* cm,        \
        const float* dskip, const float* h0, const int* lengths, float* y, float* hLast, float* hAll, \
        unsigned batch, unsigned T, unsigned D, unsigned N, unsigned signedGate) {                   \
        (void)batch;                                                                                 \
        if (signedGate) {                                                                            \
            scan_fwd<NMAX, true>(x, delta, A, bm, cm, dskip, h0, lengths, y, hLast, hAll,            \
                                 static_cast<int>(T), static_cast<int>(D), static_cast<int>(N));     \
        } else {                                                                                     \
            scan_fwd<NMAX, false>(x, delta, A, bm, cm, dskip, h0, lengths, y, hLast, hAll,           \
                                  static_cast<int>(T), static_cast<int>(D), static_cast<int>(N));    \
        }                                                                                            \
    }

STATESCOPE_SCAN_ENTRY(4)
STATESCOPE_SCAN_ENTRY(8)
STATESCOPE_SCAN_ENTRY(16)
STATESCOPE_SCAN_ENTRY(32)
STATESCOPE_SCAN_ENTRY(64)
