#!/usr/bin/env python3
"""The PyTorch CPU peer of `statescope bench` and `statescope bench-train`.

The same model as StateScope's engine, written in plain PyTorch: token embedding, Mamba-1 layers
(RMS norm, in_proj, causal depthwise conv, SiLU, x_proj, softplus(dt_proj), selective scan as a
sequential loop over t, D skip, SiLU(z) gate, out_proj, residual), final RMS norm, linear head with bias.
Sizes as StateScope's defaults: vocabulary and outputs 16, N = 16, ED = 2 D, conv width 4,
dt rank ceil(D / 16), norm eps 1e-5. Symbols: D = d_model, ED = d_inner, N = d_state.

Figures, one line each on stdout (read by statescope.bench.TorchPeer):
    peer=torch-cpu figure=NAME value=V unit=U shape=S median=M threads=T torch=VERSION
  step_latency              us per one-token step, 3 layers, D 64, batch 1 (value: median of the runs)
  scan_forward_throughput   tokens/s of a one-layer D-64 forward (logits), B=256 T=1024, --quick B=32
                            T=256 (value: best run)
  train_fwd_bwd_throughput  tokens/s of forward + MSE loss on one-hot targets + backward + AdamW
                            (lr 1e-3, weight decay 0.1 on every parameter), --layers --d-model --batch
                            --length (value: best step)

Run:  python3 bench/torch_peer.py [--threads 2] [--quick] [--figures step,scan,train]
                                  [--layers 2] [--d-model 64] [--batch 32] [--length 64] [--steps 5]
Needs PyTorch (Debian: apt-get install -y python3-torch); without it, one line on stderr and exit 3.
Run it right after StateScope's own figures on the same machine, and compare ratios, not times.
"""
import argparse
import math
import sys
import time

try:
    import torch
    import torch.nn.functional as F
    from torch import nn
except ImportError:
    print("torch_peer: PyTorch is not installed for " + sys.executable
          + " (apt-get install -y python3-torch, or pip install torch)", file=sys.stderr)
    sys.exit(3)

VOCAB, OUTPUTS, D_STATE, EXPAND, D_CONV, EPS = 16, 16, 16, 2, 4, 1e-5


def rms_norm(r, weight):
    return r * torch.rsqrt(r.pow(2).mean(-1, keepdim=True) + EPS) * weight


class Layer(nn.Module):
    """One residual Mamba layer: r + out_proj(y * SiLU(z))."""

    def __init__(self, d_model):
        super().__init__()
        ed, rank = EXPAND * d_model, math.ceil(d_model / 16)
        self.ed, self.rank = ed, rank
        self.norm = nn.Parameter(torch.ones(d_model))
        self.in_proj = nn.Linear(d_model, 2 * ed, bias=False)
        self.conv_w = nn.Parameter(torch.empty(ed, D_CONV).uniform_(-0.5, 0.5))   # [ED, K]
        self.conv_b = nn.Parameter(torch.empty(ed).uniform_(-0.5, 0.5))           # [ED]
        self.x_proj = nn.Linear(ed, rank + 2 * D_STATE, bias=False)
        self.dt_proj = nn.Linear(rank, ed)
        self.a_log = nn.Parameter(torch.log(torch.arange(1, D_STATE + 1, dtype=torch.float32)).repeat(ed, 1))  # [ED, N]
        self.d_skip = nn.Parameter(torch.ones(ed))
        self.out_proj = nn.Linear(ed, d_model, bias=False)

    def selective(self, x):
        """Δ, B, C from x [.., ED]: Δ [.., ED], B and C [.., N]."""
        dt, b, c = self.x_proj(x).split([self.rank, D_STATE, D_STATE], -1)
        return F.softplus(self.dt_proj(dt)), b, c

    def forward(self, r):                                             # r [B, T, D]
        t_len = r.shape[1]
        x, z = self.in_proj(rms_norm(r, self.norm)).chunk(2, -1)      # [B, T, ED] each
        x = F.conv1d(x.transpose(1, 2), self.conv_w.unsqueeze(1), self.conv_b,
                     padding=D_CONV - 1, groups=self.ed)[..., :t_len]  # [B, ED, T], causal
        x = F.silu(x.transpose(1, 2))                                  # [B, T, ED]
        delta, b, c = self.selective(x)
        a = -torch.exp(self.a_log)                                     # [ED, N]
        h = x.new_zeros(x.shape[0], self.ed, D_STATE)                  # [B, ED, N]
        ys = []
        for t in range(t_len):                                         # the recurrence, one t at a time
            dt = delta[:, t].unsqueeze(-1)                             # [B, ED, 1]
            h = torch.exp(dt * a) * h + dt * b[:, t].unsqueeze(1) * x[:, t].unsqueeze(-1)
            ys.append((h * c[:, t].unsqueeze(1)).sum(-1))               # [B, ED]
        y = torch.stack(ys, 1) + self.d_skip * x                       # [B, T, ED]
        return r + self.out_proj(y * F.silu(z))

    def step(self, r, window, h):                       # r [B, D]; window [B, ED, K]; h [B, ED, N]
        x, z = self.in_proj(rms_norm(r, self.norm)).chunk(2, -1)      # [B, ED] each
        window = torch.cat([window[:, :, 1:], x.unsqueeze(-1)], -1)
        x = F.silu((window * self.conv_w).sum(-1) + self.conv_b)
        delta, b, c = self.selective(x)
        dt = delta.unsqueeze(-1)                                       # [B, ED, 1]
        h = torch.exp(dt * -torch.exp(self.a_log)) * h + dt * b.unsqueeze(1) * x.unsqueeze(-1)
        y = (h * c.unsqueeze(1)).sum(-1) + self.d_skip * x
        return r + self.out_proj(y * F.silu(z)), window, h


class Model(nn.Module):
    def __init__(self, d_model, layers):
        super().__init__()
        self.embedding = nn.Embedding(VOCAB, d_model)
        self.layers = nn.ModuleList(Layer(d_model) for _ in range(layers))
        self.norm_f = nn.Parameter(torch.ones(d_model))
        self.head = nn.Linear(d_model, OUTPUTS)

    def forward(self, tokens):                                         # [B, T] -> logits [B, T, O]
        r = self.embedding(tokens)
        for layer in self.layers:
            r = layer(r)
        return self.head(rms_norm(r, self.norm_f))

    def new_state(self, batch):
        return [(torch.zeros(batch, l.ed, D_CONV), torch.zeros(batch, l.ed, D_STATE)) for l in self.layers]

    def step(self, token, state):                                      # [B] -> logits [B, O]
        r = self.embedding(token)
        for i, layer in enumerate(self.layers):
            r, window, h = layer.step(r, *state[i])
            state[i] = (window, h)
        return self.head(rms_norm(r, self.norm_f))


def timed(fn, runs, warmup=1):
    """Seconds of each of `runs` calls after `warmup` untimed ones, sorted."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return sorted(times)


def report(args, name, value, median, unit, shape):
    print(f"peer=torch-cpu figure={name} value={value:.4g} unit={unit} shape={shape} median={median:.4g} "
          f"threads={args.threads} torch={torch.__version__}", flush=True)


def step_latency(args):
    model = Model(64, 3).eval()
    tokens = torch.randint(0, VOCAB, (4096,))
    per_run = 100 if args.quick else 200
    state = model.new_state(1)

    def run():
        for i in range(per_run):
            model.step(tokens[i:i + 1], state)
    times = timed(run, 3 if args.quick else 5, warmup=3)
    us = [t / per_run * 1e6 for t in times]
    report(args, "step_latency", us[len(us) // 2], us[len(us) // 2], "us", "layers=3,d_model=64,d_state=16")


def scan_forward(args):
    batch, length = (32, 256) if args.quick else (256, 1024)
    model = Model(64, 1).eval()
    tokens = torch.randint(0, VOCAB, (batch, length))
    times = timed(lambda: model(tokens), 2 if args.quick else 1)
    report(args, "scan_forward_throughput", batch * length / times[0], batch * length / times[len(times) // 2],
           "tokens/s", f"B={batch},T={length},d_inner={EXPAND * 64},N={D_STATE}")


def train(args):
    model = Model(args.d_model, args.layers)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.1)
    tokens = torch.randint(0, VOCAB, (args.batch, args.length))                  # [B, T]
    target = F.one_hot(torch.randint(0, OUTPUTS, (args.batch, args.length)), OUTPUTS).float()  # [B, T, O]

    def step():
        opt.zero_grad()
        F.mse_loss(model(tokens), target).backward()
        opt.step()
    times = timed(step, args.steps, warmup=2)
    n = args.batch * args.length
    report(args, "train_fwd_bwd_throughput", n / times[0], n / times[len(times) // 2], "tokens/s",
           f"layers={args.layers},d_model={args.d_model},B={args.batch},T={args.length}")


def main():
    ap = argparse.ArgumentParser(description="PyTorch CPU peer of StateScope's benchmarks")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="scan figure on B=32, T=256; fewer runs")
    ap.add_argument("--figures", default="step,scan,train", help="comma-separated: step, scan, train")
    ap.add_argument("--layers", type=int, default=2, help="training model layers")
    ap.add_argument("--d-model", type=int, default=64, help="training model D")
    ap.add_argument("--batch", type=int, default=32, help="training batch B")
    ap.add_argument("--length", type=int, default=64, help="training length T")
    ap.add_argument("--steps", type=int, default=5, help="timed training steps (after 2 untimed)")
    args = ap.parse_args()
    figures = args.figures.split(",")
    unknown = [f for f in figures if f not in ("step", "scan", "train")]
    if unknown or min(args.threads, args.layers, args.d_model, args.batch, args.length, args.steps) < 1:
        ap.error("figures are step, scan, train; sizes, steps and threads must be at least 1")
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    with torch.no_grad():
        if "step" in figures:
            step_latency(args)
        if "scan" in figures:
            scan_forward(args)
    if "train" in figures:
        train(args)


if __name__ == "__main__":
    main()
