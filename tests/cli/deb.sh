#!/usr/bin/env bash
# The Debian packages: cpack builds them from this build tree into OUT_DIR (where the lintian test reads them),
# dpkg installs them into a scratch root (with its own package database, so nothing on this machine changes), and
# the installed tool runs. Exits 77 (CTest: skipped) when a tool the packaging needs is absent.
# Usage: deb.sh BUILD_DIR STATIC_RUNTIME(1|0) OUT_DIR
set -euo pipefail
build=$1
static_runtime=$2
out=$3
rm -rf "$out"  # before any skip: the lintian test must never read an older run's packages
skip() { echo "skipped: $*" >&2; exit 77; }
command -v dpkg-deb >/dev/null || skip "no dpkg-deb: not a Debian system"
if [ "$static_runtime" = 0 ]; then
  # A shared build's Depends come from dpkg-shlibdeps, and CPack runs `file` to find the binaries to give it.
  command -v dpkg-shlibdeps >/dev/null || skip "a shared build needs dpkg-shlibdeps (apt-get install dpkg-dev)"
  command -v file >/dev/null || skip "a shared build needs file (apt-get install file)"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

(cd "$build" && cpack -G DEB -B "$out" > "$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log" >&2; exit 1; }
tool=$(ls "$out"/xpuspec_*.deb)
dev=$(ls "$out"/xpuspec-dev_*.deb)

# The tool is linked statically (unless built with the sanitizers) and needs no other package; a shared build
# needs at least libc. The -dev package names what its CMake config looks for.
depends=$(dpkg-deb -f "$tool" Depends)
if [ "$static_runtime" = 1 ]; then
  [ -z "$depends" ] || { echo "a static xpuspec should depend on nothing: $depends" >&2; exit 1; }
else
  [[ "$depends" == *libc6* ]] || { echo "xpuspec Depends lacks libc6: $depends" >&2; exit 1; }
fi
dev_depends=$(dpkg-deb -f "$dev" Depends)
for need in nlohmann-json3-dev libfmt-dev; do
  [[ "$dev_depends" == *"$need"* ]] || { echo "xpuspec-dev Depends lacks $need: $dev_depends" >&2; exit 1; }
done
# The schema is checked by the core's own evaluator: valijson is only the tests' oracle, not a dependency.
[[ "$dev_depends" != *valijson* ]] || { echo "xpuspec-dev should not depend on valijson: $dev_depends" >&2; exit 1; }
# An extended description: more than the one-line summary.
[ "$(dpkg-deb -f "$tool" Description | wc -l)" -gt 3 ] || { echo "xpuspec has no extended description" >&2; exit 1; }

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
for f in share/man/man1/xpuspec.1.gz share/bash-completion/completions/xpuspec include/xpuspec/catalog.hpp \
         share/doc/xpuspec/copyright share/doc/xpuspec/changelog.Debian.gz share/doc/xpuspec-dev/copyright; do
  [ -e "$root/usr/$f" ] || { echo "the packages did not install /usr/$f" >&2; exit 1; }
done
gzip -dc "$root/usr/share/man/man1/xpuspec.1.gz" | grep -q '^\.TH XPUSPEC' || { echo "the man page does not unpack" >&2; exit 1; }
arch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch 2>/dev/null || true)
if [ -n "$arch" ]; then
  [ -e "$root/usr/lib/$arch/libxpuspec_core.a" ] || { echo "libraries are not in /usr/lib/$arch" >&2; exit 1; }
fi
[ -n "$(find "$root/usr/lib" -name xpuspecConfig.cmake)" ] || { echo "the -dev package has no CMake package" >&2; exit 1; }
echo "deb: both packages install into a scratch root and the tool runs"
