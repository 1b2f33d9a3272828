#!/usr/bin/env python3
"""Reads StateScope's trace exports in NumPy and checks them against each other.

    python3 bench/trace_numpy.py [--model assets/models/parity-signed.safetensors] [--input 0110100111]

Runs `statescope trace --model M --input S` four times (--json, -o trace.npz, -o trace.csv, -o
trace.json), loads the .npz with numpy.load, the CSV with the csv module and both JSON files with json,
and compares every quantity the formats share: logits [T, O], h [L, T, ED, N], delta and y [L, T, ED]
(all must agree exactly: the same float32 values printed or stored), and the shapes NumPy reads from the
.npz. Exit 0 when all agree, 5 when one does not, 3 without NumPy, 4 when StateScope cannot be run.

StateScope is run from target/statescope.jar when it exists, else from target/classes with the
classpath in target/kill-train.classpath (written by bench/kill-train.sh or
./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/kill-train.classpath).
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

try:
    import numpy as np
except ImportError:
    print("trace_numpy: NumPy is not installed (pip install numpy)", file=sys.stderr)
    sys.exit(3)

FLAGS = ["--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"]


def statescope_cmd():
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else "java"
    if os.path.isfile("target/statescope.jar"):
        return [java, *FLAGS, "-jar", "target/statescope.jar"]
    if os.path.isdir("target/classes") and os.path.isfile("target/kill-train.classpath"):
        with open("target/kill-train.classpath") as f:
            cp = "target/classes:" + f.read().strip()
        return [java, *FLAGS, "-cp", cp, "statescope.Launcher"]
    print("trace_numpy: build StateScope first (./mvnw -q package -DskipTests)", file=sys.stderr)
    sys.exit(4)


def run(cmd, *args):
    r = subprocess.run([*cmd, "trace", *args], capture_output=True, text=True)
    if r.returncode != 0:
        print(f"trace_numpy: statescope trace {' '.join(args)} failed ({r.returncode}): {r.stderr.strip()}",
              file=sys.stderr)
        sys.exit(4)
    return r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="assets/models/parity-signed.safetensors")
    ap.add_argument("--input", default="0110100111")
    a = ap.parse_args()
    cmd = statescope_cmd()
    base = ["--model", a.model, "--input", a.input]
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        js = json.loads(run(cmd, *base, "--json"))
        for ext in ("npz", "csv", "json"):
            run(cmd, *base, "-o", os.path.join(tmp, "trace." + ext))
        npz = np.load(os.path.join(tmp, "trace.npz"))
        with open(os.path.join(tmp, "trace.json")) as f:
            js2 = json.load(f)
        L, T = npz["h"].shape[0], npz["h"].shape[1]
        ed, n = npz["h"].shape[2], npz["h"].shape[3]
        print(f"numpy {np.__version__}; model {a.model}; input {a.input!r}")
        print("npz arrays: " + ", ".join(f"{k} {npz[k].dtype}{list(npz[k].shape)}" for k in npz.files))
        j = {"logits": np.array(js["logits"], dtype=np.float32),
             "h": np.array([l["h"] for l in js["layers"]], dtype=np.float32),
             "delta": np.array([l["delta"] for l in js["layers"]], dtype=np.float32),
             "y": np.array([l["y"] for l in js["layers"]], dtype=np.float32)}
        c = {"h": np.full((L, T, ed, n), np.nan, np.float32), "delta": np.full((L, T, ed), np.nan, np.float32),
             "y": np.full((L, T, ed), np.nan, np.float32), "logits": np.full(npz["logits"].shape, np.nan, np.float32),
             "abar": np.full((L, T, ed, n), np.nan, np.float32)}
        with open(os.path.join(tmp, "trace.csv"), newline="") as f:
            rows = 0
            for r in csv.DictReader(f):
                rows += 1
                t = int(r["t"])
                if r["layer"] == "head":
                    c["logits"][t, int(r["channel"])] = float(r["logit"])
                else:
                    l, d, k = int(r["layer"]), int(r["channel"]), int(r["n"])
                    c["h"][l, t, d, k] = float(r["h"])
                    c["abar"][l, t, d, k] = float(r["abar"])
                    c["delta"][l, t, d] = float(r["delta"])
                    c["y"][l, t, d] = float(r["y"])
        print(f"csv rows: {rows}")
        ok = list(npz["tokens"]) == js["tokens"] and js2["tokens"] == js["tokens"]
        print(f"tokens equal in npz, -o json and --json: {ok}")
        print(f"{'quantity':10} {'shape':>18} {'npz vs --json':>14} {'csv vs npz':>11} {'-o json vs --json':>18}")
        for q in ("logits", "h", "delta", "y", "abar"):
            nq = npz[q]
            d_json = float(np.max(np.abs(nq - j[q]))) if q in j else float("nan")
            d_csv = float(np.max(np.abs(nq - c[q])))
            if q in j:
                j2 = np.array(js2["logits"] if q == "logits" else [l[q] for l in js2["layers"]], dtype=np.float32)
                d_json2 = float(np.max(np.abs(j2 - j[q])))
            else:
                d_json2 = float("nan")
            print(f"{q:10} {str(list(nq.shape)):>18} {d_json:14.3g} {d_csv:11.3g} {d_json2:18.3g}")
            for v in ([d_json, d_csv, d_json2] if q in j else [d_csv]):
                worst = max(worst, v) if not np.isnan(v) else float("inf")   # a NaN: a value missing
        ok = ok and worst == 0.0
    print("all formats agree exactly" if ok else f"DIFFERENCE: worst {worst}")
    sys.exit(0 if ok else 5)


if __name__ == "__main__":
    main()
