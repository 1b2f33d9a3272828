#!/usr/bin/env python3
"""Hugging Face Mamba in StateScope: the same numbers on both sides.

Builds a small MambaForCausalLM with transformers (random weights from a fixed seed, a local config,
nothing downloaded), saves it with save_pretrained, runs this app's `statescope trace --json` on the
folder and compares the logits, the states h and the step sizes Δ at every token with the PyTorch
model's. Then the same weights as a mamba_ssm state dict (backbone.embedding.weight, no config.json),
and the --vocab mapping.

    python3 bench/hf_interop.py [--jar target/statescope.jar] [--seed 1] [--tokens 16]

Needs torch, transformers and safetensors; without them it says so and exits 3. Exit 0 when every
difference is within --tol (default 1e-4, float32 rounding), 5 when one is not, 4 when the jar is missing.
Build the jar first: ./mvnw -q package -DskipTests
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import torch
    import transformers
    from safetensors.torch import save_file
    from transformers import MambaConfig, MambaForCausalLM
except ImportError as e:
    print(f"hf_interop: transformers with torch and safetensors is not installed ({e.name} missing); "
          "pip install torch transformers safetensors", file=sys.stderr)
    sys.exit(3)


def java_exe():
    home = os.environ.get("JAVA_HOME")
    return os.path.join(home, "bin", "java") if home else "java"


def trace(jar, model, *args):
    """statescope trace --json on a model: the parsed JSON."""
    cmd = [java_exe(), "-jar", jar, "trace", "--model", model, "--json", *args]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        print(f"hf_interop: {' '.join(cmd)} exited {r.returncode}: {r.stderr.strip()}", file=sys.stderr)
        sys.exit(5)
    return json.loads(r.stdout)


def reference(model, ids):
    """PyTorch's logits [T, V], and per layer h [T, ED, N] and Δ [T, ED], one prefix at a time for h."""
    t_len = ids.shape[1]
    xproj = {}
    hooks = [layer.mixer.x_proj.register_forward_hook(
        lambda mod, inp, out, i=i: xproj.__setitem__(i, out.detach())) for i, layer in enumerate(model.backbone.layers)]
    with torch.no_grad():
        logits = model(ids).logits[0]                                   # [T, V], the whole sequence at once
        deltas = []
        for i, layer in enumerate(model.backbone.layers):
            mix = layer.mixer
            r = mix.time_step_rank
            dt = xproj[i][0, :, :r] @ mix.dt_proj.weight.T + mix.dt_proj.bias   # [T, ED]
            deltas.append(torch.nn.functional.softplus(dt))
        for h in hooks:
            h.remove()
        states = [[] for _ in model.backbone.layers]
        for t in range(1, t_len + 1):
            cache = model(ids[:, :t], use_cache=True).cache_params
            for i in range(len(states)):
                mix = model.backbone.layers[i].mixer
                states[i].append(layer_state(cache, i).reshape(mix.intermediate_size, mix.ssm_state_size))
    return logits, [torch.stack(s) for s in states], deltas


def layer_state(cache, i):
    """The SSM state of layer i from either cache API (transformers 5: layers[i].recurrent_states)."""
    if hasattr(cache, "ssm_states"):
        return cache.ssm_states[i]
    s = cache.layers[i].recurrent_states
    return s[0] if isinstance(s, (list, tuple, dict)) else s          # a dict {0: [B, ED, N]} in 5.x


def diff(name, ours, ref, rows):
    ours = torch.tensor(ours, dtype=torch.float32)
    d = (ours - ref.float()).abs().max().item()
    rows.append((name, list(ref.shape), d, ref.abs().max().item()))
    return d


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default="target/statescope.jar")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tokens", type=int, default=16)
    ap.add_argument("--tol", type=float, default=1e-4)
    a = ap.parse_args()
    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    if not os.path.isfile(a.jar):
        print(f"hf_interop: {a.jar} not found; build it with ./mvnw -q package -DskipTests", file=sys.stderr)
        sys.exit(4)

    torch.manual_seed(a.seed)
    cfg = MambaConfig(vocab_size=24, hidden_size=32, state_size=8, num_hidden_layers=2, expand=2, conv_kernel=4,
                      time_step_rank="auto", layer_norm_epsilon=1e-5)
    model = MambaForCausalLM(cfg).eval()
    with torch.no_grad():                                               # move every weight off its init value
        for p in model.parameters():
            p.add_(0.1 * torch.randn_like(p))
    ids = torch.randint(0, cfg.vocab_size, (1, a.tokens), generator=torch.Generator().manual_seed(a.seed))
    tokens = ",".join(str(i) for i in ids[0].tolist())
    print(f"transformers {transformers.__version__}, torch {torch.__version__}; MambaForCausalLM: hidden_size "
          f"{cfg.hidden_size}, {cfg.num_hidden_layers} layers, state_size {cfg.state_size}, expand {cfg.expand}, "
          f"conv_kernel {cfg.conv_kernel}, time_step_rank {cfg.time_step_rank}, vocab_size {cfg.vocab_size}, "
          f"random weights (seed {a.seed}), {a.tokens} tokens")
    logits, states, deltas = reference(model, ids)

    work = tempfile.mkdtemp(prefix="hf-interop-")
    worst = 0.0
    try:
        hf_dir = os.path.join(work, "hf-mamba")
        model.save_pretrained(hf_dir)
        print("save_pretrained wrote:", ", ".join(sorted(os.listdir(hf_dir))))

        ms_file = os.path.join(work, "mamba-ssm.safetensors")          # the same weights, mamba_ssm's names
        sd = {("backbone.embedding.weight" if k == "backbone.embeddings.weight" else k): v.contiguous().clone()
              for k, v in model.state_dict().items() if k != "lm_head.weight"}
        save_file(sd, ms_file)

        for label, path in (("Hugging Face folder", hf_dir), ("mamba_ssm state dict", ms_file)):
            ours = trace(a.jar, path, "--tokens", tokens)
            rows = []
            worst = max(worst, diff("logits", ours["logits"], logits, rows))
            for i, layer in enumerate(ours["layers"]):
                worst = max(worst, diff(f"h, layer {i}", layer["h"], states[i], rows))
                worst = max(worst, diff(f"Δ, layer {i}", layer["delta"], deltas[i], rows))
            print(f"\n{label}: statescope trace --model {os.path.basename(path)} --tokens ... --json")
            print(f"  {'quantity':<14} {'shape':<14} {'max |ours - torch|':>18} {'max |torch|':>12}")
            for name, shape, d, m in rows:
                print(f"  {name:<14} {str(shape):<14} {d:>18.3e} {m:>12.4f}")

        vocab = trace(a.jar, hf_dir, "--vocab", "a=5,b=9", "--input", "abba")
        ref4 = MambaForCausalLM.from_pretrained(hf_dir).eval()
        with torch.no_grad():
            want = ref4(torch.tensor([[5, 9, 9, 5]])).logits[0][:, [5, 9]]
        rows = []
        worst = max(worst, diff("logits[:, [5, 9]]", vocab["logits"], want, rows))
        print(f"\n--vocab a=5,b=9 --input abba (outputs {vocab['outputClasses']}): max |ours - torch| "
              f"{rows[0][2]:.3e}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ok = worst <= a.tol
    print(f"\nworst difference {worst:.3e}: {'within' if ok else 'OUTSIDE'} the tolerance {a.tol:g}")
    sys.exit(0 if ok else 5)


if __name__ == "__main__":
    main()
