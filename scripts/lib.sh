# Shared set-up for scripts/run and scripts/test: install what is missing, then configure and build.
# Sourced, not run; callers set -euo pipefail.

xpuspec_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
xpuspec_build="${XPUSPEC_BUILD_DIR:-$xpuspec_root/build}"

# Debian package -> a file it installs, so a check costs a stat rather than a dpkg query. Callers add to the list.
xpuspec_packages=(
  "cmake:/usr/bin/cmake"
  "g++:/usr/bin/g++"
  "make:/usr/bin/make"
  "libcli11-dev:/usr/include/CLI/CLI.hpp"
  "nlohmann-json3-dev:/usr/include/nlohmann/json.hpp"
  "libfmt-dev:/usr/include/fmt/format.h"
)
# What scripts/test adds: the unit tests' framework (also all that --minimal adds), then what the rest of the suite
# uses: groff checks the man page, lintian the .deb packages, the charts are rendered in headless Chromium, and
# Node.js drives Chromium through the HTML report.
xpuspec_test_packages=("catch2:/usr/include/catch2")
xpuspec_full_test_packages=("groff-base:/usr/bin/groff" "lintian:/usr/bin/lintian" "chromium:/usr/bin/chromium"
                            "nodejs:/usr/bin/node")

# valijson is the tests' oracle for the core's schema evaluator (the tool does not use it), so only scripts/test
# fetches it (xpuspec_oracle=1). It is header-only, but Debian's libvalijson-dev has hard Depends on Qt 5, Poco,
# jsoncpp, yaml-cpp, picojson and rapidjson for its examples: 170 packages on a minimal system for 1 MB of headers.
# So unless it is installed already, apt-get downloads that one .deb (checked against the signed archive index like
# any apt download) and its files are unpacked into the build tree, where CMake finds them through valijson_DIR.
xpuspec_oracle=0
xpuspec_valijson_root="$xpuspec_build/_deps/libvalijson-dev"
xpuspec_valijson_dir=""

xpuspec_apt_line() {  # the command that installs the missing packages, for a person to run
  echo "apt-get update && apt-get install -y --no-install-recommends $*"
}

# Runs "$@" as root: directly, through sudo without a password, or through sudo asking for one when someone is at a
# terminal to type it (sudo reads the password from the terminal, whatever stdin is). Otherwise says what to run and exits 2.
xpuspec_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo "$@"
  elif command -v sudo >/dev/null 2>&1 && (: </dev/tty) 2>/dev/null; then
    echo "xpuspec: installing packages needs root; sudo will ask for your password" >&2
    sudo "$@"
  else
    return 3
  fi
}

xpuspec_give_up() {  # $@: the missing packages
  local line
  line=$(xpuspec_apt_line "$@")
  echo "xpuspec: error: missing packages: $*" >&2
  echo "xpuspec: run this as root (or put sudo in front, as written), then run this script again:" >&2
  echo "  sudo sh -c '$line'" >&2
  exit 2
}

xpuspec_apt() {  # apt-get as root, non-interactive; apt prints progress on stdout, keep stdout for the tool's output
  xpuspec_as_root env DEBIAN_FRONTEND=noninteractive apt-get "$@" >&2
}

xpuspec_install_missing() {
  local missing=() entry updated=0 status=0
  for entry in "${xpuspec_packages[@]}"; do
    [ -e "${entry#*:}" ] || missing+=("${entry%%:*}")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "xpuspec: installing ${missing[*]}" >&2
    xpuspec_apt -q update || status=$?
    [ $status = 3 ] && xpuspec_give_up "${missing[@]}"
    [ $status = 0 ] || exit 2
    updated=1
    xpuspec_apt install -y -q --no-install-recommends "${missing[@]}" || exit 2
  fi
  if [ "$xpuspec_oracle" = 1 ]; then
    xpuspec_valijson "$updated"
  fi
}

# apt-get download works for any user once the package lists exist; as root it would hand the download to the _apt
# user, who cannot write to a scratch folder of root's. $1: the folder to download into.
xpuspec_download_valijson() {
  local sandbox=()
  [ "$(id -u)" -eq 0 ] && sandbox=(-o APT::Sandbox::User=root)
  (cd "$1" && apt-get -q "${sandbox[@]}" download libvalijson-dev >&2)
}

# Sets xpuspec_valijson_dir: empty when libvalijson-dev is installed, else the unpacked copy in the build tree.
xpuspec_valijson() {
  local updated=$1 scratch status=0
  [ -e /usr/include/valijson/validator.hpp ] && return 0
  local config="$xpuspec_valijson_root/usr/share/cmake/valijson"
  if [ ! -f "$config/valijsonConfig.cmake" ]; then
    scratch=$(mktemp -d)
    if ! xpuspec_download_valijson "$scratch"; then
      if [ "$updated" = 0 ]; then
        echo "xpuspec: the package lists do not have libvalijson-dev yet; updating them" >&2
        xpuspec_apt -q update || status=$?
        if [ $status != 0 ]; then
          rm -rf "$scratch"
          # Not `apt-get install libvalijson-dev`: that is the ~170 packages this download avoids.
          echo "xpuspec: error: the package lists need updating to download libvalijson-dev's headers" >&2
          echo "xpuspec: run this as root (or with sudo in front), then run this script again:  apt-get update" >&2
          exit 2
        fi
      fi
      xpuspec_download_valijson "$scratch" ||
        { rm -rf "$scratch"; echo "xpuspec: error: apt-get download libvalijson-dev failed" >&2; exit 2; }
    fi
    # Unpacked beside, then moved into place: an interrupted unpack never looks like a complete one.
    dpkg-deb -x "$scratch"/libvalijson-dev_*.deb "$scratch/root" ||
      { rm -rf "$scratch"; echo "xpuspec: error: dpkg-deb could not unpack libvalijson-dev" >&2; exit 2; }
    rm -rf "$xpuspec_valijson_root"
    mkdir -p "$(dirname "$xpuspec_valijson_root")"
    mv "$scratch/root" "$xpuspec_valijson_root"
    rm -rf "$scratch"
    echo "xpuspec: valijson headers unpacked into $xpuspec_valijson_root (libvalijson-dev is not installed)" >&2
  fi
  xpuspec_valijson_dir="$config"
}

# $1: ON when the tests are needed. Configures (cheaply, from the cache) and builds only what changed.
xpuspec_build_tree() {
  local with_tests="$1"
  local cache="$xpuspec_build/CMakeCache.txt"
  local valijson=()
  [ -n "$xpuspec_valijson_dir" ] && valijson=("-Dvalijson_DIR=$xpuspec_valijson_dir")
  # Configure every time (a second or so with a cache): a configure that failed, or a valijson that moved since, is
  # then put right instead of failing every later build. The first configure chooses Release and the tests; later
  # ones only switch the tests on, never off, so scripts/run after scripts/test does not rebuild.
  local options=("${valijson[@]}")
  if [ ! -f "$cache" ]; then
    options+=(-DCMAKE_BUILD_TYPE=Release -DXPUSPEC_BUILD_TESTS="$with_tests")
  elif [ "$with_tests" = ON ]; then
    options+=(-DXPUSPEC_BUILD_TESTS=ON)
  fi
  cmake -S "$xpuspec_root" -B "$xpuspec_build" "${options[@]}" >&2
  cmake --build "$xpuspec_build" --parallel "$(nproc)" >&2
}
