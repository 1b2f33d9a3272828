#!/usr/bin/env python3
"""PyTorch peer of StateScope's CUDA selective scan: the same scan (ScanBatch's equations, both gate ranges),
on the same GPU and shapes as `statescope.bench.GpuBench`, timed with CUDA events.

Variants:
  seq    a sequential loop over t on [B, D, N] states (what a plain PyTorch user writes)
  ref    the reference implementation's style (`selective_scan_ref`): deltaA and deltaB_u materialised as
         [b, D, T, N], then the loop; run on batch slices so the tensors fit
  assoc  a parallel (Hillis-Steele) scan over t on batch slices: log2(T) rounds of
         (a, u) <- (a_t * a_{t-k}, a_t * u_{t-k} + u_t); works for both gate ranges

GB/s counts the same bytes as StateScope's kernel (ScanLaunch.bytesPerToken: x, delta read, y written,
B and C read = 12*D + 8*N bytes per token), i.e. "effective" bandwidth: PyTorch moves far more.

Run:  python3 bench/torch_gpu_scan.py [--batch 256] [--length 4096] [--d-inner 256] [--d-state 16]
                                     [--gates nonnegative|signed] [--reps 3] [--slice 32] [--json FILE]
"""
import argparse
import json
import math
import sys

import torch

ap = argparse.ArgumentParser()
ap.add_argument("--batch", type=int, default=256)
ap.add_argument("--length", type=int, default=4096)
ap.add_argument("--d-inner", type=int, default=256)
ap.add_argument("--d-state", type=int, default=16)
ap.add_argument("--gates", choices=["nonnegative", "signed"], default="nonnegative")
ap.add_argument("--reps", type=int, default=3)
ap.add_argument("--slice", type=int, default=32, help="strings per slice for the ref and assoc variants")
ap.add_argument("--variants", default="seq,ref,assoc")
ap.add_argument("--json")
args = ap.parse_args()

if not torch.cuda.is_available():
    print("torch-cuda: no CUDA device visible to PyTorch", file=sys.stderr)
    sys.exit(2)
dev = torch.device("cuda")
name = torch.cuda.get_device_name(0)
SIGNED = args.gates == "signed"


def peak_gbs(device_name):
    n = device_name.upper()
    if "H200" in n:
        return 4800.0
    if "H100" in n:
        return 2000.0 if "PCIE" in n else 3900.0 if "NVL" in n else 3350.0
    if "A100" in n:
        return 2039.0 if "80GB" in n else 1555.0
    return float("nan")


def inputs(B, T, D, N, seed=42):
    """Mamba-like inputs on the GPU (the distribution of ScanInputs.mambaLike, not the same numbers)."""
    g = torch.Generator(device=dev).manual_seed(seed)
    dt = torch.exp(math.log(1e-3) + torch.rand(D, device=dev, generator=g) * (math.log(0.1) - math.log(1e-3)))
    bias = torch.log(torch.expm1(dt))                                                   # [D]
    scale = 0.8 + 0.4 * torch.rand(D, 1, device=dev, generator=g)
    A = -(torch.arange(1, N + 1, device=dev).float().repeat(D, 1)) * scale               # [D, N]
    x = torch.randn(B, T, D, device=dev, generator=g)                                   # [B, T, D]
    delta = torch.nn.functional.softplus(bias + 0.5 * torch.randn(B, T, D, device=dev, generator=g))
    Bm = torch.randn(B, T, N, device=dev, generator=g)                                  # [B, T, N]
    Cm = torch.randn(B, T, N, device=dev, generator=g) / 4                              # [B, T, N]
    Dskip = torch.ones(D, device=dev)                                                   # [D]
    return x, delta, A, Bm, Cm, Dskip


def gate(dA):
    return 2 * dA - 1 if SIGNED else dA


@torch.no_grad()
def scan_seq(x, delta, A, Bm, Cm, Dskip):
    B, T, D = x.shape
    h = torch.zeros(B, D, A.shape[1], device=dev)                                       # [B, D, N]
    ys = torch.empty_like(x)
    for t in range(T):
        dt = delta[:, t, :, None]                                                       # [B, D, 1]
        h = gate(torch.exp(dt * A)) * h + (dt * x[:, t, :, None]) * Bm[:, t, None, :]
        ys[:, t] = (h * Cm[:, t, None, :]).sum(-1)
    return ys + Dskip * x


@torch.no_grad()
def scan_ref(x, delta, A, Bm, Cm, Dskip):
    B, T, D = x.shape
    out = torch.empty_like(x)
    for s in range(0, B, args.slice):
        xs, ds, bs, cs = x[s:s + args.slice], delta[s:s + args.slice], Bm[s:s + args.slice], Cm[s:s + args.slice]
        u, dl = xs.transpose(1, 2), ds.transpose(1, 2)                                  # [b, D, T]
        deltaA = gate(torch.exp(torch.einsum("bdl,dn->bdln", dl, A)))                   # [b, D, T, N]
        deltaB_u = torch.einsum("bdl,bln,bdl->bdln", dl, bs, u)                         # [b, D, T, N]
        h = torch.zeros(xs.shape[0], D, A.shape[1], device=dev)
        ys = []
        for t in range(T):
            h = deltaA[:, :, t] * h + deltaB_u[:, :, t]
            ys.append(torch.einsum("bdn,bn->bd", h, cs[:, t]))
        out[s:s + args.slice] = torch.stack(ys, 1) + Dskip * xs
        del deltaA, deltaB_u
    return out


@torch.no_grad()
def scan_assoc(x, delta, A, Bm, Cm, Dskip):
    B, T, D = x.shape
    out = torch.empty_like(x)
    for s in range(0, B, args.slice):
        xs, ds, bs, cs = x[s:s + args.slice], delta[s:s + args.slice], Bm[s:s + args.slice], Cm[s:s + args.slice]
        a = gate(torch.exp(ds[..., None] * A))                                          # [b, T, D, N]
        u = (ds * xs)[..., None] * bs[:, :, None, :]                                    # [b, T, D, N]
        k = 1
        while k < T:
            u = torch.cat([u[:, :k], a[:, k:] * u[:, :-k] + u[:, k:]], 1)
            a = torch.cat([a[:, :k], a[:, k:] * a[:, :-k]], 1)
            k *= 2
        out[s:s + args.slice] = torch.einsum("btdn,btn->btd", u, cs) + Dskip * xs
        del a, u
    return out


VARIANTS = {"seq": scan_seq, "ref": scan_ref, "assoc": scan_assoc}


def timed(fn, data, reps):
    fn(*data)                                                                            # warm-up
    torch.cuda.synchronize()
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    for _ in range(reps):
        fn(*data)
    end.record()
    end.synchronize()
    return start.elapsed_time(end) / reps


# 1. the variants agree on a small batch (else their timings mean nothing)
small = inputs(3, 300, 40, args.d_state, seed=7)
base = scan_seq(*small)
agree = {v: float((VARIANTS[v](*small) - base).abs().max()) for v in VARIANTS}
print(f"torch-cuda on {name}: variants vs seq on B=3 T=300 D=40: "
      + ", ".join(f"{v} {e:.2e}" for v, e in agree.items()), file=sys.stderr)

# 2. the benchmark shape
B, T, D, N = args.batch, args.length, args.d_inner, args.d_state
data = inputs(B, T, D, N)
bytes_moved = B * T * (12 * D + 8 * N)
peak = peak_gbs(name)
rows = []
for v in args.variants.split(","):
    ms = timed(VARIANTS[v], data, args.reps)
    gbs = bytes_moved / (ms / 1e3) / 1e9
    row = {"backend": f"torch-{v}", "shape": f"B={B} T={T} D={D} N={N}", "ms": ms,
           "tokensPerS": B * T / (ms / 1e3), "nsPerToken": ms * 1e6 / (B * T), "GBs": gbs,
           "percentPeak": 100 * gbs / peak if peak == peak else None}
    rows.append(row)
    print(f"peer=torch-cuda variant={v} shape=B={B},T={T},D={D},N={N},{args.gates} ms={ms:.3f} "
          f"tokens/s={row['tokensPerS']:.4g} effGB/s={gbs:.1f} pct_peak={row['percentPeak'] or float('nan'):.2f}")
    torch.cuda.empty_cache()

report = {"device": name, "torch": torch.__version__, "cuda": torch.version.cuda, "gates": args.gates,
          "peakGBs": peak, "agreementWithSeq": agree, "rows": rows}
if args.json:
    with open(args.json, "w") as f:
        json.dump(report, f, indent=2)
