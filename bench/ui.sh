#!/usr/bin/env bash
# The UI's hand-run measurements and screenshots (mains in src/test; not part of ./mvnw verify).
#   bench/ui.sh bench [--json]   per-keystroke update time and the 100,000-character paste (BenchUi):
#                                headless (Monocle), then again in a real window under Xvfb when
#                                xvfb-run is there; the FX-thread stall meter's figures for both
#   bench/ui.sh trace [N] [--app-only|--scan-only] [--rounds R] [--warm-up T]  a long read's time and retained trace
#                                memory, Ā stored vs derived from Δ (TraceMemoryBench; N tokens, default
#                                30,000; --app-only: the app's kind, derived, alone; R rounds, default 3;
#                                first a T-token read as the app's JIT warm-up does; --scan-only: the scan
#                                kernel alone as that read calls it, states kept as [ED, N] and as [N, ED])
#   bench/ui.sh pca              plain-Java PCA against ND4J's SVD (PcaBench, docs/decisions/0004)
#   bench/ui.sh screenshots      every view under Xvfb into assets/screenshots (ScreenshotTour), then the
#                                main window at 1280x720, 1920x1080, 3840x2160 (render scale 2), in
#                                presentation mode (1920x1080, 1280x720), in compare mode (also presenting)
#                                and on a story;
#                                needs: apt-get install -y xvfb imagemagick libgtk-3-0
#   bench/ui.sh constructed      constructed models in the app under Xvfb (ConstructedScreenshots): a
#                                bounded Dyck, and a constructed and a trained D_12 on one 1,000-symbol word
#   bench/ui.sh names [DIR]      channel names (constructed D_12's heatmap and channels) and compare mode's model B
#                                in the heatmap, gates and channels (also in a 1280x720 window), into DIR
#                                (default assets/screenshots; ChannelNamesScreenshots)
#   bench/ui.sh lengths [L [MAX [K]]]  the Lengths tab after Find counterexample and a sweep of
#                                language L (default parity) into assets/screenshots (LengthsScreenshot)
#   bench/ui.sh explain [P [E [S [IN]]]]  the analysis tab's Probes page on language P (default tomita-3; on input IN) and
#                                its Extraction page on E (LANG:MODEL, default parity:parity-nonneg; S s, default 30)
#                                into assets/screenshots (ExplainScreenshot)
#   bench/ui.sh export [DIR]     the export menu open over the automaton (screenshot), then every view
#                                as SVG and PNG 2x, the window, the trace (CSV/JSON/NPZ), the DOT and a
#                                session into DIR (default target/export-shots; ExportScreenshot); each
#                                SVG also rendered to PNG by rsvg-convert when it is installed
#   bench/ui.sh readouts [DIR]   hover readouts (heatmap cell, gate cell, trajectory point on D_12), the channel
#                                chart, and the vocabulary table of a Hugging Face model without a map, into DIR
#                                (default target/readout-shots; ReadoutScreenshots)
# JDK 25: JAVA_HOME (as for ./mvnw), else the java on the PATH. UI_BENCH_GC=Z (or Serial, Parallel) runs the
# JVM on that collector instead of G1, UI_BENCH_NO_JIT_HINTS=1 without Launcher.JIT_HINTS (for the A/B runs of
# docs/performance.md, "Third pass"), UI_BENCH_NO_THP=1 without transparent huge pages (fifth pass), UI_BENCH_HEAP_SHRINKS=1
# without Launcher.HEAP (twelfth pass); UI_BENCH_JVM adds JVM options (e.g. "-Xms2g -XX:+AlwaysPreTouch", "Fourth pass").
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
FLAGS=(-Xmx3g "-XX:+Use${UI_BENCH_GC:-G1}GC" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED
       -XX:CompileCommand=quiet -XX:CompileCommand=inline,statescope.ssm.VectorScan::token -XX:CompileCommand=inline,statescope.ssm.VectorScan::tokenTail -XX:CompileCommand=inline,statescope.ssm.VectorPolyMath::exp -XX:CompileCommand=inline,statescope.ssm.VectorPolyMath::log1p -XX:CompileCommand=inline,statescope.ssm.VectorPolyMath::log1pFinite -XX:CompileCommand=inline,statescope.ssm.VectorPolyMath::silu -XX:CompileCommand=inline,statescope.ssm.VectorPolyMath::sigmoid -XX:CompileCommand=inline,statescope.ssm.VectorPolyMath::sum -XX:CompileCommand=inline,statescope.ssm.VectorMath::init -XX:CompileCommand=inline,statescope.ssm.VectorMath::initMasked)  # Launcher.JIT_HINTS
if [ -n "${UI_BENCH_NO_JIT_HINTS:-}" ]; then          # the A/B of docs/performance.md's third pass
  FLAGS=("${FLAGS[@]:0:5}")
fi
# the heap keeps what it has grown to, as the launcher has it (Launcher.HEAP); UI_BENCH_HEAP_SHRINKS=1 leaves
# it out (the A/B of docs/performance.md's twelfth pass)
if [ -z "${UI_BENCH_HEAP_SHRINKS:-}" ]; then
  FLAGS+=(-XX:MaxHeapFreeRatio=100)
fi
# the heap on transparent huge pages where the kernel offers them, as the launcher does (Launcher.hugePages);
# UI_BENCH_NO_THP=1 leaves them out (the A/B of docs/performance.md's fifth pass)
if [ -z "${UI_BENCH_NO_THP:-}" ] && grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  FLAGS+=(-XX:+UseTransparentHugePages)
fi
if [ -n "${UI_BENCH_JVM:-}" ]; then                   # extra JVM options for an A/B (docs/performance.md's fourth pass)
  read -r -a extra <<< "$UI_BENCH_JVM"
  FLAGS+=("${extra[@]}")
fi
case "${1:-}" in
  bench)       shift
               "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.BenchUi "$@"
               if command -v xvfb-run >/dev/null; then
                 xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.BenchUi --paste-only --window "$@"
               else
                 echo "xvfb-run not found: the window run is skipped (apt-get install -y xvfb libgtk-3-0)" >&2
               fi ;;
  pca)         exec "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.inspect.PcaBench ;;
  trace)       shift
               exec "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.inspect.TraceMemoryBench "$@" ;;
  screenshots) xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ScreenshotTour assets/screenshots
               for size in 1280x720 1920x1080; do
                 xvfb-run -a -s "-screen 0 ${size}x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ScreenshotTour assets/screenshots --size "$size"
               done
               xvfb-run -a -s "-screen 0 3840x2160x24" "$JAVA" "${FLAGS[@]}" -Dglass.gtk.uiScale=2 -cp "$CP" statescope.ui.ScreenshotTour assets/screenshots --size 3840x2160
               xvfb-run -a -s "-screen 0 1920x1080x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ScreenshotTour assets/screenshots --size 1920x1080 --present
               xvfb-run -a -s "-screen 0 1280x720x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ScreenshotTour assets/screenshots --size 1280x720 --present
               xvfb-run -a -s "-screen 0 1280x720x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ScreenshotTour assets/screenshots --size 1280x720 --compare
               xvfb-run -a -s "-screen 0 1280x720x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ScreenshotTour assets/screenshots --size 1280x720 --present-compare
               xvfb-run -a -s "-screen 0 1920x1080x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ScreenshotTour assets/screenshots --size 1920x1080 --story ;;
  constructed) exec xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ConstructedScreenshots assets/screenshots ;;
  names)       xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ChannelNamesScreenshots "${2:-assets/screenshots}"
               exec xvfb-run -a -s "-screen 0 1280x720x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ChannelNamesScreenshots "${2:-assets/screenshots}" --1280x720 ;;
  lengths)     shift
               exec xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.analysis.LengthsScreenshot "$@" ;;
  explain)     shift
               exec xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.analysis.ExplainScreenshot "$@" ;;
  readouts)    xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.ReadoutScreenshots "${2:-target/readout-shots}" ;;
  export)      out="${2:-target/export-shots}"
               xvfb-run -a -s "-screen 0 1600x1000x24" "$JAVA" "${FLAGS[@]}" -cp "$CP" statescope.ui.export.ExportScreenshot "$out"
               if command -v rsvg-convert >/dev/null; then
                 for f in "$out"/*.svg; do rsvg-convert "$f" -o "${f%.svg}.svg.png"; done
               fi
               ls -l "$out" ;;
  *) sed -n '2,28p' "$0"; exit 2 ;;
esac
