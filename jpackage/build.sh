#!/usr/bin/env bash
# Builds Shapescope's native packages with the JDK's own jlink and jpackage (docs/PACKAGING.md):
#
#   jpackage/build.sh [image]   app image target/jpackage/shapescope/ (bin/shapescope + trimmed runtime)
#   jpackage/build.sh deb       Debian package target/jpackage/shapescope_<version>-1_amd64.deb
#   jpackage/build.sh modules   compares jdeps' module list for the fat jar with MODULES below
#
# Both builds first make app/target/shapescope.jar with Maven if it is missing or older than a
# source file, check MODULES against jdeps, and jlink the runtime once into target/jpackage/runtime.
# JPACKAGE_JDK names the JDK 17 whose jlink/jpackage/jmods are used.
set -euo pipefail
cd "$(dirname "$0")/.."

JDK="${JPACKAGE_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
JAR=app/target/shapescope.jar
OUT=target/jpackage
NAME=shapescope

# The runtime's modules. jdeps (`build.sh modules`) finds java.base, java.management (bench),
# java.prefs (recent runs), java.sql (Arrow), jdk.jfr, jdk.unsupported (Arrow's Unsafe) and
# jdk.unsupported.desktop (javafx-swing), which brings java.desktop (AWT rendering, PDF/SVG export),
# java.xml, java.logging and java.datatransfer. Nothing more was needed to run the desktop app,
# analyze, render (png/svg/pdf) and bench (docs/PACKAGING.md); no TLS, so no jdk.crypto.ec.
MODULES=java.base,java.management,java.prefs,java.sql,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop

# Launcher options. Arrow reads off-heap buffers through java.nio internals (the jar's Add-Opens
# manifest entry only applies to `java -jar`); the heap grows to half the machine's memory.
JAVA_OPTIONS=(--add-opens=java.base/java.nio=ALL-UNNAMED -XX:MaxRAMPercentage=50)

jar_is_stale() {
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find pom.xml analysis viewer app -newer "$JAR" \( -name pom.xml -o -path '*/src/main/*' \) -type f -print -quit)" ]
}

build_jar() {
  if jar_is_stale; then
    echo "building $JAR"
    mvn -B -ntp -q package -DskipTests
  fi
}

check_modules() {
  local found missing
  found=$("$JDK/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$JAR")
  # Incubator modules are never resolved for a class-path application unless --add-modules names
  # them; jdk.incubator.vector is seen in dev.ludovic.netlib's optional VectorBLAS, which the app
  # does not enable (it uses native OpenBLAS or netlib's plain Java BLAS), so it is not needed.
  missing=$(comm -23 <(tr , '\n' <<<"$found" | grep -v '^jdk\.incubator\.' | sort) <(tr , '\n' <<<"$MODULES" | sort))
  echo "jdeps: $found"
  if [ -n "$missing" ]; then
    echo "jdeps needs modules that MODULES in $0 lacks: $missing" >&2
    return 1
  fi
}

link_runtime() {
  rm -rf "$OUT/runtime"
  "$JDK/bin/jlink" --add-modules "$MODULES" --output "$OUT/runtime" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive
  # The CDS archive is made by running bin/java, so the commands are removed afterwards.
  rm -rf "$OUT/runtime/bin"
}

# jpackage copies the whole input folder into <image>/lib/app, so the sample run lands beside the
# jar, where SampleRun.locate() walks to.
stage_input() {
  rm -rf "$OUT/input"
  mkdir -p "$OUT/input/sample-data"
  cp "$JAR" "$OUT/input/"
  cp -r sample-data/tiny-decoder "$OUT/input/sample-data/"
  rm -rf "$OUT/input/sample-data/tiny-decoder/.shapescope-cache"
}

version() {
  "$JDK/bin/java" -jar "$JAR" --version | sed -n '1s/^shapescope \([0-9.]*\).*/\1/p'
}

common_options() {
  local options=(--name "$NAME" --app-version "$(version)" --vendor Shapescope
    --description "A desktop microscope for the geometry of transformer activations"
    --input "$OUT/input" --main-jar shapescope.jar --main-class org.shapescope.app.Main
    --runtime-image "$OUT/runtime" --icon jpackage/shapescope.png --dest "$OUT")
  for option in "${JAVA_OPTIONS[@]}"; do
    options+=(--java-options "$option")
  done
  printf '%s\0' "${options[@]}"
}

prepare() {
  build_jar
  check_modules
  link_runtime
  stage_input
}

# An application class-data archive (AppCDS) of the classes a run's opening and first cells load
# (Arrow, SQLite, Jackson, the geometry): made by the image's own launcher analysing a copy of the
# bundled sample run, then named in the launcher's options. Measured (docs/benchmarks.md): a cold
# start opens a d 2048 run in 0.4-0.5 s instead of 0.8 s. The archive is bound to the image's path
# and jar; where they differ (a moved image) the JVM ignores it, silently (-Xlog:cds=off).
archive_classes() {
  local image=$1 app="$1/lib/app" run
  run=$(mktemp -d)
  cp -r "$app/sample-data/tiny-decoder" "$run/sample"
  JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app/$NAME.jsa -Xlog:cds=off,cds+dynamic=off" \
    "$image/bin/$NAME" analyze "$run/sample" --metrics anisotropy,twonn,mle,pca_dim >/dev/null 2>"$run/err" \
    || { cat "$run/err" >&2; rm -rf "$run"; echo "class archive: the launcher failed" >&2; return 1; }
  rm -rf "$run"
  [ -s "$app/$NAME.jsa" ] || { echo "class archive: $app/$NAME.jsa was not written" >&2; return 1; }
  # [JavaOptions] is the launcher configuration's last section: these lines join it
  printf 'java-options=-XX:SharedArchiveFile=$APPDIR/%s.jsa\njava-options=-Xlog:cds=off,cds+dynamic=off\n' "$NAME" \
    >>"$app/$NAME.cfg"
  echo "class archive: $app/$NAME.jsa ($(du -h "$app/$NAME.jsa" | cut -f1))"
}

build_image() {
  prepare
  rm -rf "${OUT:?}/$NAME"
  mapfile -d '' options < <(common_options)
  "$JDK/bin/jpackage" --type app-image "${options[@]}"
  archive_classes "$OUT/$NAME"
  echo "app image: $OUT/$NAME ($(du -sh "$OUT/$NAME" | cut -f1)); launcher $OUT/$NAME/bin/$NAME"
}

# jpackage --type deb runs dpkg-deb under fakeroot and strips with objcopy (binutils).
install_deb_tools() {
  local missing=()
  command -v fakeroot >/dev/null || missing+=(fakeroot)
  command -v dpkg-deb >/dev/null || missing+=(dpkg)
  command -v objcopy >/dev/null || missing+=(binutils)
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing: ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# Installs /opt/shapescope; jpackage/resources adds the /usr/bin/shapescope link (postinst, prerm)
# and names the menu entry.
build_deb() {
  install_deb_tools
  prepare
  rm -f "$OUT"/"$NAME"_*.deb
  mapfile -d '' options < <(common_options)
  "$JDK/bin/jpackage" --type deb "${options[@]}" --resource-dir jpackage/resources \
    --linux-package-name "$NAME" --linux-app-category science \
    --linux-shortcut --linux-menu-group "Science;DataVisualization;" \
    --linux-package-deps "libgtk-3-0, libgl1, libopenblas0-pthread | libopenblas0 | libblas3"
  local deb
  deb=$(ls "$OUT"/"$NAME"_*.deb)
  echo "deb: $deb ($(du -h "$deb" | cut -f1)); install with: sudo apt-get install ./$deb"
}

case "${1:-image}" in
  image) build_image ;;
  deb) build_deb ;;
  modules) build_jar && check_modules ;;
  *) echo "usage: $0 [image|deb|modules]" >&2; exit 2 ;;
esac
