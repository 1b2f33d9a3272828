#!/usr/bin/env bash
# Builds StateScope's installers with jpackage and a jlink'ed runtime (no JDK needed to run them).
#   installers/build.sh linux [app-image|deb|rpm|all]   (default all; on Linux)
#   installers/build.sh macos [app-image|dmg|all]       (default dmg; on a Mac)
#   (Windows: installers/windows/build.ps1)
# Output: target/installer/dist/. Needs JAVA_HOME = a JDK 25 (jpackage, jlink, jdeps); for .deb:
# dpkg-deb, fakeroot, objcopy (binutils); for .rpm: rpmbuild (apt-get install -y rpm). Extra Maven
# arguments (e.g. -o for offline) go in MAVEN_ARGS.
# The jars are the pom's runtime dependencies (dependency:copy-dependencies -DincludeScope=runtime),
# so the installers follow whatever scope the pom gives a library; the runtime holds only the modules
# jdeps finds in them (plus jdk.incubator.vector).
set -euo pipefail
cd "$(dirname "$0")/.."

os=${1:-}
kind=${2:-all}
case "$os" in
  linux) [ "$kind" = all ] && types=(app-image deb rpm) || types=("$kind") ;;
  macos) [ "$kind" = all ] && types=(app-image dmg) || types=("$kind") ;;
  *) sed -n '2,6p' "$0"; exit 2 ;;
esac
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/jpackage" ]; then
  echo "build.sh: set JAVA_HOME to a JDK 25 (with jpackage)" >&2; exit 2
fi
bin="$JAVA_HOME/bin"
out=target/installer
# the pom's version, without -SNAPSHOT (package versions must be numbers)
version=$(sed -n 's:^  <version>\([0-9.]*\).*</version>:\1:p' pom.xml | head -1)

step() { printf '\n== %s\n' "$*"; }
t0=$SECONDS

step "jar and runtime dependencies"
./mvnw -q -B ${MAVEN_ARGS:-} package -DskipTests
rm -rf "$out/input" "$out/dist"
mkdir -p "$out/input/assets/models" "$out/dist"
cp target/statescope.jar "$out/input/"
./mvnw -q -B ${MAVEN_ARGS:-} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out/input/lib"
cp assets/models/*.json assets/models/*.safetensors "$out/input/assets/models/"   # found beside the jar (StateScopeApp)
du -sh "$out/input/lib" "$out/input/assets/models"

step "modules (jdeps)"
mods=$("$bin/jdeps" --multi-release 25 --ignore-missing-deps --print-module-deps \
        --class-path "$out/input/lib/*" "$out/input/statescope.jar")
case ",$mods," in *,jdk.incubator.vector,*) ;; *) mods="$mods,jdk.incubator.vector" ;; esac
echo "$mods"

step "runtime (jlink)"
if [ ! -f "$out/runtime.modules" ] || [ "$(cat "$out/runtime.modules")" != "$mods" ] || [ ! -d "$out/runtime" ]; then
  rm -rf "$out/runtime"
  "$bin/jlink" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages --strip-native-commands \
    --compress=zip-6 --output "$out/runtime"
  echo "$mods" > "$out/runtime.modules"
fi
du -sh "$out/runtime"

for type in "${types[@]}"; do
  step "jpackage --type $type"
  args=(@installers/jpackage/common.txt --type "$type" --app-version "$version" --input "$out/input"
        --runtime-image "$out/runtime" --dest "$out/dist")
  case "$os" in
    linux) args+=(--icon assets/icon/statescope.png
                  # the heap on transparent huge pages (Launcher.hugePages); JVM warnings to stderr, so that a
                  # kernel with them off prints its warning there and not into a command's JSON
                  --java-options -XX:+UseTransparentHugePages --java-options -Xlog:disable
                  --java-options -Xlog:all=warning:stderr) ;;
    macos) args+=(--icon assets/icon/statescope.icns) ;;
  esac
  [ "$type" = app-image ] || case "$os" in
    linux) args+=(@installers/jpackage/associations.txt @installers/jpackage/linux.txt)
           case "$type" in
             deb) args+=(--linux-package-deps "libgtk-3-0 | libgtk-3-0t64") ;;
             rpm) command -v rpmbuild >/dev/null || { echo "build.sh: rpmbuild missing: apt-get install -y rpm" >&2; exit 3; }
                  args+=(--linux-package-deps gtk3) ;;
           esac ;;
    macos) args+=(@installers/jpackage/associations.txt @installers/jpackage/macos.txt) ;;
  esac
  # dpkg-deb's default xz takes minutes for ~100 MB; gzip takes seconds
  DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} "$bin/jpackage" "${args[@]}"
done

step "sizes"
( cd "$out/dist" && du -sh -- * )
echo "done in $((SECONDS - t0)) s"
