# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
# Shared by scripts/test, scripts/demo and scripts/bench: install what is missing, configure, build.
# Sourced, not run.

slack_packages=(
  g++ cmake make ccache libssl-dev ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libboost-test1.81-dev libboost-system1.81-dev
  libpq-dev postgresql-15
  libhiredis-dev redis-server redis-tools
  libsqlite3-dev
  curl openssl pkgconf clang-format-16 git
  groff-base doxygen tinyproxy mawk
  libfaketime
)

# Only scripts/bench needs these: the Go row (Debian's Go and slack-go, built offline against
# /usr/share/gocode) and the plot.
bench_packages=(gnuplot-nox golang-go golang-github-slack-go-slack-dev)

# The commands the tests run besides what they build (test/cli/cli_test.sh, scripts/postgres, scripts/redis,
# scripts/test), each as command:package. Core utilities are listed too: a minimal image may
# lack diffutils, and the tests must say so before they start rather than fail midway.
test_commands=(
  curl:curl openssl:openssl
  cmake:cmake ctest:cmake pkg-config:pkgconf clang-format-16:clang-format-16 git:git g++:g++ find:findutils awk:mawk
  timeout:coreutils base64:coreutils mktemp:coreutils seq:coreutils sleep:coreutils cat:coreutils
  tr:coreutils wc:coreutils head:coreutils tail:coreutils cut:coreutils sort:coreutils env:coreutils
  dirname:coreutils id:coreutils chown:coreutils chmod:coreutils mkdir:coreutils rm:coreutils nproc:coreutils
  cmp:diffutils grep:grep sed:sed groff:groff-base doxygen:doxygen tinyproxy:tinyproxy
  /usr/lib/postgresql/15/bin/initdb:postgresql-15 /usr/lib/postgresql/15/bin/pg_ctl:postgresql-15
  redis-server:redis-server redis-cli:redis-tools
)

# Installs missing Debian packages when root; otherwise prints the command and stops.
ensure_packages() {
  local missing=() p
  for p in "${slack_packages[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "slack-asio needs these packages: ${missing[*]}" >&2
    echo "run as root: $command" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Stops, naming every missing one, unless each of test_commands can be run (runuser too, as
# root: scripts/postgres runs the server through it).
check_test_commands() {
  local missing=() entry command
  local wanted=("${test_commands[@]}")
  [ "$(id -u 2>/dev/null)" = 0 ] && wanted+=(runuser:util-linux)
  for entry in "${wanted[@]}"; do
    command=${entry%%:*}
    command -v "$command" >/dev/null 2>&1 || missing+=("$command (package ${entry#*:})")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "the tests need these commands, which are missing:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
}

# configure_and_build BUILD_DIR [cmake args...] [-- targets...]
configure_and_build() {
  local dir=$1; shift
  local args=() targets=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
  [ "${1:-}" = "--" ] && shift && targets=("$@")
  cmake -S . -B "$dir" "${args[@]}" >/dev/null
  if [ ${#targets[@]} -gt 0 ]; then
    cmake --build "$dir" -j "$(nproc)" --target "${targets[@]}"
  else
    cmake --build "$dir" -j "$(nproc)"
  fi
}
