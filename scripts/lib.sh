# Shared set-up for scripts/run and scripts/test: install what is missing, then configure and build.
# Sourced, not run; callers set -euo pipefail.

xpuspec_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
xpuspec_build="${XPUSPEC_BUILD_DIR:-$xpuspec_root/build}"

# Debian package -> a file it installs, so a check costs a stat rather than a dpkg query.
xpuspec_packages=(
  "cmake:/usr/bin/cmake"
  "g++:/usr/bin/g++"
  "make:/usr/bin/make"
  "libcli11-dev:/usr/include/CLI/CLI.hpp"
  "nlohmann-json3-dev:/usr/include/nlohmann/json.hpp"
  "libfmt-dev:/usr/include/fmt/format.h"
  "catch2:/usr/include/catch2/catch.hpp"
  "libvalijson-dev:/usr/include/valijson/validator.hpp"
)

xpuspec_install_missing() {
  local missing=() entry
  for entry in "${xpuspec_packages[@]}"; do
    [ -e "${entry#*:}" ] || missing+=("${entry%%:*}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      echo "xpuspec: error: missing packages: ${missing[*]}" >&2
      echo "xpuspec: install them as root, then run this again:" >&2
      echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 2
    fi
  fi
  echo "xpuspec: installing ${missing[*]}" >&2
  # apt-get prints its progress on stdout; keep stdout for the tool's own output.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# $1: ON when the tests are needed. Configures once (again only to switch the tests on); later calls only
# rebuild what changed.
xpuspec_build_tree() {
  local with_tests="$1"
  local cache="$xpuspec_build/CMakeCache.txt"
  if [ ! -f "$cache" ] || { [ "$with_tests" = ON ] && ! grep -q "^XPUSPEC_BUILD_TESTS:BOOL=ON\$" "$cache"; }; then
    cmake -S "$xpuspec_root" -B "$xpuspec_build" -DCMAKE_BUILD_TYPE=Release \
      -DXPUSPEC_BUILD_TESTS="$with_tests" >&2
  fi
  cmake --build "$xpuspec_build" --parallel "$(nproc)" >&2
}
