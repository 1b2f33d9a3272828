// Runs src/main/cuda/selective_scan.cu on the CPU through host_emulation.h (test tool, no GPU needed).
//   g++ -std=c++20 -O1 -pthread -o scan_emulator scan_emulator.cpp
//   scan_emulator IN OUT early|late
// IN:  int32 B, T, D, N, signedGate, hasH0, emitStates, threadsPerBlock, nmax; int32 lengths[B];
//      float32 x[B*T*D], delta[B*T*D], A[D*N], Bm[B*T*N], Cm[B*T*N], Dskip[D], h0[B*D*N] (if hasH0)
// OUT: float32 y[B*T*D], hLast[B*D*N], hAll[B*T*D*N] (if emitStates)
// Little-endian, as written by HostEmulatedKernelTest.
#define STATESCOPE_HOST_EMULATION 1
#include "host_emulation.h"
#include "../../main/cuda/selective_scan.cu"

#include <cstdio>
#include <cstdint>
#include <fstream>
#include <string>
#include <thread>

alignas(16) float4 statescope_scan_smem[48 * 1024 / 16];

namespace {

using Entry = void (*)(const float*, const float*, const float*, const float*, const float*, const float*,
                       const float*, const int*, float*, float*, float*, unsigned, unsigned, unsigned,
                       unsigned, unsigned);

Entry entry_for(int nmax) {
    switch (nmax) {
        case 4: return selective_scan_fwd_n4;
        case 8: return selective_scan_fwd_n8;
        case 16: return selective_scan_fwd_n16;
        case 32: return selective_scan_fwd_n32;
        case 64: return selective_scan_fwd_n64;
        default: throw std::runtime_error("no entry point for NMAX " + std::to_string(nmax));
    }
}

template <typename T>
std::vector<T> read(std::ifstream& in, std::size_t n) {
    std::vector<T> v(n);
    in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
    if (!in) throw std::runtime_error("input file too short");
    return v;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: scan_emulator IN OUT early|late\n");
        return 2;
    }
    try {
        emu_copies_land_early = std::string(argv[3]) == "early";
        std::ifstream in(argv[1], std::ios::binary);
        auto h = read<int32_t>(in, 9);
        const std::size_t B = h[0], T = h[1], D = h[2], N = h[3];
        const int signedGate = h[4], hasH0 = h[5], emit = h[6], threads = h[7], nmax = h[8];
        auto lengths = read<int32_t>(in, B);
        auto x = read<float>(in, B * T * D);
        auto delta = read<float>(in, B * T * D);
        auto A = read<float>(in, D * N);
        auto bm = read<float>(in, B * T * N);
        auto cm = read<float>(in, B * T * N);
        auto dskip = read<float>(in, D);
        std::vector<float> h0 = hasH0 ? read<float>(in, B * D * N) : std::vector<float>();
        std::vector<float> y(B * T * D, -7.f), hLast(B * D * N, -7.f);   // -7: "never written"
        std::vector<float> hAll(emit ? B * T * D * N : 0, -7.f);

        const std::size_t smemBytes = 2 * 16 * (2 * threads + 2 * nmax) * sizeof(float);
        if (smemBytes > sizeof(statescope_scan_smem)) throw std::runtime_error("shared memory too small");
        Entry entry = entry_for(nmax);
        const unsigned tiles = static_cast<unsigned>((D + threads - 1) / threads);
        for (unsigned bx = 0; bx < B; ++bx) {
            for (unsigned by = 0; by < tiles; ++by) {
                std::memset(statescope_scan_smem, 0x7f, smemBytes);   // garbage, as on a GPU
                std::barrier<> bar(threads);
                std::vector<std::thread> pool;
                for (int tx = 0; tx < threads; ++tx) {
                    pool.emplace_back([&, tx] {
                        threadIdx = dim3{static_cast<unsigned>(tx), 0, 0};
                        blockIdx = dim3{bx, by, 0};
                        blockDim = dim3{static_cast<unsigned>(threads), 1, 1};
                        emu_block_barrier = &bar;
                        entry(x.data(), delta.data(), A.data(), bm.data(), cm.data(), dskip.data(),
                              hasH0 ? h0.data() : nullptr, lengths.data(), y.data(), hLast.data(),
                              emit ? hAll.data() : nullptr, B, T, D, N, signedGate);
                    });
                }
                for (auto& t : pool) t.join();
            }
        }
        std::ofstream out(argv[2], std::ios::binary);
        out.write(reinterpret_cast<const char*>(y.data()), static_cast<std::streamsize>(y.size() * 4));
        out.write(reinterpret_cast<const char*>(hLast.data()), static_cast<std::streamsize>(hLast.size() * 4));
        out.write(reinterpret_cast<const char*>(hAll.data()), static_cast<std::streamsize>(hAll.size() * 4));
        return out ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "scan_emulator: %s\n", e.what());
        return 1;
    }
}
