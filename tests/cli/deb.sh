#!/usr/bin/env bash
# The Debian packages: cpack builds them from this build tree, dpkg installs them into a scratch root (with its
# own package database, so nothing on this machine changes), and the installed tool runs.
# Usage: deb.sh BUILD_DIR STATIC_RUNTIME(1|0)
set -euo pipefail
build=$1
static_runtime=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

(cd "$build" && cpack -G DEB -B "$scratch/out" > "$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log" >&2; exit 1; }
tool=$(ls "$scratch"/out/xpuspec_*.deb)
dev=$(ls "$scratch"/out/xpuspec-dev_*.deb)

# The tool is linked statically (unless built with the sanitizers) and needs no other package; a shared build
# needs at least libc. The -dev package names what its headers include.
depends=$(dpkg-deb -f "$tool" Depends)
if [ "$static_runtime" = 1 ]; then
  [ -z "$depends" ] || { echo "a static xpuspec should depend on nothing: $depends" >&2; exit 1; }
else
  [[ "$depends" == *libc6* ]] || { echo "xpuspec Depends lacks libc6: $depends" >&2; exit 1; }
fi
dev_depends=$(dpkg-deb -f "$dev" Depends)
for need in nlohmann-json3-dev libfmt-dev libvalijson-dev; do
  [[ "$dev_depends" == *"$need"* ]] || { echo "xpuspec-dev Depends lacks $need: $dev_depends" >&2; exit 1; }
done

root="$scratch/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# --force-depends: the scratch database knows no libc; the real dependencies were checked above.
dpkg --root="$root" --force-not-root --force-depends --force-script-chrootless --log=/dev/null -i "$tool" "$dev" \
  > "$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log" >&2; exit 1; }
dpkg --root="$root" -s xpuspec | grep -q "^Status: install ok installed" || { echo "xpuspec not installed" >&2; exit 1; }

"$root/usr/bin/xpuspec" --version
"$root/usr/bin/xpuspec" compare h100 --metrics tflops_per_watt --format csv | grep -q "^nvidia-h100-sxm,.*,1.4134" ||
  { echo "the installed tool does not answer" >&2; exit 1; }
for f in share/man/man1/xpuspec.1 share/bash-completion/completions/xpuspec include/xpuspec/catalog.hpp; do
  [ -e "$root/usr/$f" ] || { echo "the packages did not install /usr/$f" >&2; exit 1; }
done
[ -n "$(find "$root/usr/lib" -name xpuspecConfig.cmake)" ] || { echo "the -dev package has no CMake package" >&2; exit 1; }
echo "deb: both packages install into a scratch root and the tool runs"
