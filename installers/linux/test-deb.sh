#!/usr/bin/env bash
# Installs the .deb that installers/build.sh built on this machine, runs the installed launcher (the
# CLI, then the GUI under Xvfb with a screenshot, then the GUI opening a .jff as a desktop would),
# checks the desktop entry and the MIME types, and uninstalls. Run as root on Debian/Ubuntu.
# Screenshots: target/installer/installed-app.png, target/installer/installed-jff.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/installer
deb=$(ls "$out"/dist/statescope_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "test-deb.sh: no $out/dist/statescope_*_amd64.deb: run installers/build.sh linux deb" >&2; exit 2; }
step() { printf '\n== %s\n' "$*"; }

missing=()
for p in xvfb xdotool imagemagick libgtk-3-0; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  apt-get install -y "${missing[@]}" >/dev/null
fi

step "install $(basename "$deb") ($(du -h "$deb" | cut -f1))"
mkdir -p /usr/share/desktop-directories       # xdg-desktop-menu needs it on a system without a desktop
apt-get install -y "./$deb" 2>&1 | grep -E "^(Setting up statescope|Unpacking statescope|E:)" || true
app=/opt/statescope
launcher=$app/bin/StateScope
[ -x "$launcher" ] || { echo "test-deb.sh: $launcher not installed" >&2; exit 5; }
for d in "$app" "$app/lib/runtime" "$app/lib/app"; do du -sh "$d"; done

step "the CLI through the installed launcher"
"$launcher" languages 2>/dev/null | head -4
"$launcher" trace --model "$app/lib/app/assets/models/parity-signed.safetensors" --input 0110 2>/dev/null | head -3

step "desktop entry and file types"
desktop=$(ls /usr/share/applications/*statescope*.desktop)
cat "$desktop"
for t in application/x-statescope application/x-jflap; do
  echo "$t -> $(xdg-mime query default "$t")"
done

shot() {   # shot NAME ARGS...: start the launcher under Xvfb, wait for its window, screenshot, close
  local name=$1; shift
  Xvfb :77 -screen 0 1600x1000x24 >/dev/null 2>&1 & local xvfb=$!
  sleep 2
  DISPLAY=:77 "$launcher" "$@" >"$out/$name.log" 2>&1 & local pid=$!
  local i
  for i in $(seq 1 120); do
    DISPLAY=:77 xdotool search --name '^StateScope$' >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { echo "the app exited:"; cat "$out/$name.log"; kill "$xvfb"; return 5; }
    sleep 1
  done
  local j mean=0
  for j in $(seq 1 36); do                      # until the window has drawn (software rendering is slow
    sleep 5                                     # on a busy machine), then once more for the model's trace
    DISPLAY=:77 import -window root "$out/$name.png"
    mean=$(convert "$out/$name.png" -format '%[fx:mean]' info:)
    awk "BEGIN { exit !($mean > 0.2) }" && break
  done
  sleep 10
  DISPLAY=:77 import -window root "$out/$name.png"
  echo "window after ${i} s, drawn after $((i + 5 * j)) s; screenshot $out/$name.png"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  kill "$xvfb"; wait "$xvfb" 2>/dev/null || true
}

step "the GUI under Xvfb"
shot installed-app
step "the GUI opening a .jff (as the desktop does for an associated file)"
cp installers/linux/even-a.jff /tmp/even-a.jff
shot installed-jff /tmp/even-a.jff

step "uninstall"
apt-get remove -y statescope 2>&1 | grep -E "^(Removing|E:)" || true
[ ! -e "$launcher" ] && echo "removed: $launcher is gone"
