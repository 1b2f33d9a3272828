#!/usr/bin/env bash
# Renders assets/icon/statescope.svg into the icons the installers use (committed, so the Windows and
# macOS builds need none of these tools):
#   assets/icon/statescope.png   512 px   Linux (jpackage --icon), the desktop entry
#   assets/icon/statescope.ico   16-256   Windows
#   assets/icon/statescope.icns  16-512   macOS
# Needs rsvg-convert, ImageMagick and png2icns: apt-get install -y librsvg2-bin imagemagick icnsutils
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in rsvg-convert convert png2icns; do
  command -v "$tool" >/dev/null || { echo "icon.sh: $tool missing: apt-get install -y librsvg2-bin imagemagick icnsutils" >&2; exit 3; }
done
src=assets/icon/statescope.svg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 128 256 512; do
  rsvg-convert -w "$s" -h "$s" "$src" -o "$tmp/$s.png"
done
cp "$tmp/512.png" assets/icon/statescope.png
convert "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/256.png" assets/icon/statescope.ico
png2icns assets/icon/statescope.icns "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/128.png" "$tmp/256.png" "$tmp/512.png" >/dev/null
ls -l assets/icon/
