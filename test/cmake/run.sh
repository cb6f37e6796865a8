#!/usr/bin/env bash
# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
# Builds and runs test/cmake/consumer, an outside project, against slack-asio one way:
#   run.sh package      SOURCE_DIR WORK_DIR SLACK_BUILD_DIR   (installs SLACK_BUILD_DIR first)
#   run.sh subdirectory SOURCE_DIR WORK_DIR
#   run.sh fetchcontent SOURCE_DIR WORK_DIR
# The consumer's configure checks what joined its build; here its ctest must list its own tests only.
set -euo pipefail
mode=${1:?usage: run.sh package|subdirectory|fetchcontent SOURCE_DIR WORK_DIR [SLACK_BUILD_DIR]}
source_dir=$(cd "${2:?}" && pwd)
work=${3:?}
mkdir -p "$work"
work=$(cd "$work" && pwd)

# The README's CMake lines are this project's: each find_package, target_link_libraries and
# FetchContent line of a ```cmake block of README.md is a line of the consumer's CMakeLists.txt.
consumer_lists="$source_dir/test/cmake/consumer/CMakeLists.txt"
readme_lines=$(awk '/^```cmake$/ {b = 1; next} /^```$/ {b = 0} b' "$source_dir/README.md" |
  grep -E '^(find_package|target_link_libraries|include\(FetchContent\)|FetchContent_MakeAvailable)' || true)
[ -n "$readme_lines" ] || { echo "README.md shows no CMake lines"; exit 1; }
while IFS= read -r line; do
  grep -qxF -- "$line" <(sed 's/^ *//' "$consumer_lists") || { echo "README.md shows '$line', which the consumer does not use"; exit 1; }
done <<<"$readme_lines"

args=(-DSLACK_CONSUME="$mode" -DSLACK_SOURCE_DIR="$source_dir")
command -v ccache >/dev/null && args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [ "$mode" = package ]; then
  slack_build=${4:?package needs the slack-asio build directory to install}
  rm -rf "$work/prefix"
  cmake --install "$slack_build" --prefix "$work/prefix" >/dev/null
  args+=(-DCMAKE_PREFIX_PATH="$work/prefix")
  for installed in bin/slack-oauth share/man/man1/slack-oauth.1 share/bash-completion/completions/slack-oauth \
    include/slack/version.hpp share/doc/slack_asio/LICENSE_1_0.txt; do
    [ -s "$work/prefix/$installed" ] || { echo "cmake --install did not install $installed"; exit 1; }
  done
  # The pkg-config file gives the same library, to a build that is not CMake.
  export PKG_CONFIG_PATH
  PKG_CONFIG_PATH=$(dirname "$(find "$work/prefix" -name slack-asio.pc)")
  printf '#include <slack/version.hpp>\n#include <cstdio>\nint main() { std::puts(slack::version().data()); }\n' >"$work/pc.cpp"
  # shellcheck disable=SC2046  # pkg-config's flags are words
  g++ -std=c++20 "$work/pc.cpp" -o "$work/pc" $(pkg-config --cflags --libs 'slack-asio >= 0.2')
  [ "$("$work/pc")" = "$(pkg-config --modversion slack-asio)" ] || { echo "pkg-config: wrong version"; exit 1; }
fi

# No CMAKE_BUILD_TYPE: the consumer checks slack-asio did not choose one for it.
cmake -S "$source_dir/test/cmake/consumer" -B "$work/build" "${args[@]}" >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; exit 1; }
cmake --build "$work/build" -j 2 >"$work/build.log" 2>&1 || { tail -50 "$work/build.log"; exit 1; }
if [ "$mode" = package ]; then expected=3; else expected=1; fi  # package: my_bot, consumer_stores, consumer_redis
listed=$(ctest --test-dir "$work/build" -N | sed -n 's/^Total Tests: //p')
[ "$listed" = "$expected" ] || { echo "the consumer lists $listed tests, not its own $expected"; exit 1; }
ctest --test-dir "$work/build" --output-on-failure --timeout 60
echo "$mode: the consumer built and ran"
