// Host stand-ins for the CUDA built-ins that src/main/cuda/selective_scan.cu uses, so that the kernel's
// own indexing, chunking and cp.async pipeline run on a CPU (one std::thread per CUDA thread of a block,
// blocks one after another). Test code only: see scan_emulator.cpp and HostEmulatedKernelTest.
#pragma once

#include <algorithm>
#include <barrier>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <vector>

#define __device__
#define __global__
#define __forceinline__ inline
#define __shared__
#define __launch_bounds__(...)

struct alignas(16) float4 {
    float x, y, z, w;
};
inline float4 make_float4(float x, float y, float z, float w) { return float4{x, y, z, w}; }

struct dim3 {
    unsigned x = 1, y = 1, z = 1;
};
inline thread_local dim3 threadIdx;
inline thread_local dim3 blockIdx;
inline thread_local dim3 blockDim;

inline int min(int a, int b) { return a < b ? a : b; }

// __syncthreads: the block's barrier.
inline thread_local std::barrier<>* emu_block_barrier = nullptr;
inline void __syncthreads() { emu_block_barrier->arrive_and_wait(); }

// cp.async: copies are queued per thread and committed in groups. In "late" mode a group lands only
// when a wait releases it (what a kernel may at most assume); in "early" mode at once (so a copy that
// overwrites a stage another thread still reads shows up as a wrong result).
inline bool emu_copies_land_early = false;
struct EmuCopy {
    void* dst;
    const void* src;
    std::size_t bytes;
};
inline thread_local std::vector<EmuCopy> emu_pending;
inline thread_local std::vector<std::vector<EmuCopy>> emu_groups;

inline void emu_copy(void* dst, const void* src, std::size_t bytes) {
    if (emu_copies_land_early) {
        std::memcpy(dst, src, bytes);
    } else {
        emu_pending.push_back({dst, src, bytes});
    }
}
inline void cp_async4(float* smem, const float* gmem) { emu_copy(smem, gmem, 4); }
inline void cp_async16(float* smem, const float* gmem) {
    if (reinterpret_cast<std::size_t>(smem) % 16 != 0 || reinterpret_cast<std::size_t>(gmem) % 16 != 0) {
        throw std::runtime_error("cp.async 16 with an address that is not 16-byte aligned");
    }
    emu_copy(smem, gmem, 16);
}
inline void cp_async_commit() {
    emu_groups.push_back(std::move(emu_pending));
    emu_pending.clear();
}
inline void cp_async_wait_all_but_one() {
    while (emu_groups.size() > 1) {
        for (auto& c : emu_groups.front()) {
            std::memcpy(c.dst, c.src, c.bytes);
        }
        emu_groups.erase(emu_groups.begin());
    }
}
