#!/usr/bin/env python3
"""Writes the PyTorch reference fixture used by statescope.ssm.TorchFixtureTest.

A tiny MambaLMHeadModel-style network (MixerModel names: backbone.embedding, backbone.layers.N.norm,
backbone.layers.N.mixer.{in_proj,conv1d,x_proj,dt_proj,A_log,D,out_proj}, backbone.norm_f) with a
linear head with bias (lm_head), written as PyTorch modules following mamba_simple.Mamba's slow path
and selective_scan_ref. Its state_dict() is saved as safetensors (written here with struct + json, so
only torch is needed), together with the logits for a fixed token sequence.

Run: python3 src/test/python/make_torch_fixture.py   (Debian's python3-torch)
"""
import json, math, struct, sys
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1234)
D, L, N, E, K, V, O = 8, 2, 4, 2, 4, 5, 3
ED, R = E * D, math.ceil(D / 16)

class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__(); self.eps = eps; self.weight = nn.Parameter(torch.ones(d))
    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight

class Mixer(nn.Module):
    def __init__(self):
        super().__init__()
        self.in_proj = nn.Linear(D, 2 * ED, bias=False)
        self.conv1d = nn.Conv1d(ED, ED, K, groups=ED, padding=K - 1, bias=True)
        self.x_proj = nn.Linear(ED, R + 2 * N, bias=False)
        self.dt_proj = nn.Linear(R, ED, bias=True)
        self.A_log = nn.Parameter(torch.log(torch.arange(1, N + 1, dtype=torch.float32).repeat(ED, 1)) + 0.3 * torch.randn(ED, N))
        self.D = nn.Parameter(torch.ones(ED) + 0.1 * torch.randn(ED))
        self.out_proj = nn.Linear(ED, D, bias=False)
        with torch.no_grad():                      # larger Δ than Mamba's init, so the state moves
            self.dt_proj.bias.copy_(torch.randn(ED) * 0.5 - 1.0)
    def forward(self, u):                          # u [B, T, D]
        T = u.shape[1]
        xz = self.in_proj(u).transpose(1, 2)       # [B, 2ED, T]
        x, z = xz.chunk(2, dim=1)
        x = F.silu(self.conv1d(x)[..., :T])        # [B, ED, T]
        x_dbl = self.x_proj(x.transpose(1, 2))     # [B, T, R+2N]
        dt, Bm, Cm = torch.split(x_dbl, [R, N, N], dim=-1)
        dt = (self.dt_proj.weight @ dt.transpose(1, 2))          # [B, ED, T], bias added below
        delta = F.softplus(dt + self.dt_proj.bias[None, :, None])
        A = -torch.exp(self.A_log)                 # [ED, N]
        h = torch.zeros(u.shape[0], ED, N)
        ys = []
        for t in range(T):
            dA = torch.exp(delta[:, :, t, None] * A)
            h = dA * h + delta[:, :, t, None] * Bm[:, t, None, :] * x[:, :, t, None]
            ys.append((h * Cm[:, t, None, :]).sum(-1))
        y = torch.stack(ys, dim=-1) + self.D[None, :, None] * x  # [B, ED, T]
        y = y * F.silu(z)
        return self.out_proj(y.transpose(1, 2))

class Block(nn.Module):
    def __init__(self):
        super().__init__(); self.mixer = Mixer(); self.norm = RMSNorm(D)
    def forward(self, r):
        return r + self.mixer(self.norm(r))

class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(V, D)
        self.layers = nn.ModuleList([Block() for _ in range(L)])
        self.norm_f = RMSNorm(D)
    def forward(self, ids):
        r = self.embedding(ids)
        for l in self.layers:
            r = l(r)
        return self.norm_f(r)

class LM(nn.Module):
    def __init__(self):
        super().__init__(); self.backbone = Backbone(); self.lm_head = nn.Linear(D, O, bias=True)
    def forward(self, ids):
        return self.lm_head(self.backbone(ids))

def save_safetensors(path, sd):
    header, blobs, off = {"__metadata__": {"format": "pt"}}, [], 0
    for name, t in sd.items():
        b = t.detach().contiguous().float().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [off, off + len(b)]}
        blobs.append(b); off += len(b)
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h))); f.write(h)
        for b in blobs:
            f.write(b)

out = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/statescope/ssm"
model = LM()
tokens = [0, 3, 1, 4, 4, 2, 0, 1, 3, 3, 2, 4, 1, 0, 2, 2, 3, 1, 4, 0]
with torch.no_grad():
    logits = model(torch.tensor([tokens]))[0]
save_safetensors(f"{out}/torch_mamba_tiny.safetensors", model.state_dict())
with open(f"{out}/torch_mamba_tiny_expected.json", "w") as f:
    json.dump({"torch": torch.__version__, "tokens": tokens, "logits": logits.tolist()}, f)
print("wrote", list(model.state_dict().keys()))
