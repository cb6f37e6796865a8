#!/usr/bin/env bash
# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
# scripts/test checks what the tests run before it starts: every external command of the CLI
# test, scripts/postgres and scripts/proxy is in lib.sh's test_commands, its package is installed by
# ensure_packages (unless Debian always has it), and a missing one is named, with its package.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/scripts/lib.sh"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
listed() { local entry; for entry in "${test_commands[@]}"; do [ "$(basename "${entry%%:*}")" = "$1" ] && return 0; done; return 1; }

# Words in a command's position (line start, after | ; & ( $( `timeout N`), that are programs;
# not assignments (dir=...), comments, or messages (echo "...").
for script in test/cli/cli_test.sh test/examples/examples_test.sh scripts/postgres scripts/redis scripts/proxy scripts/test scripts/format test/cmake/run.sh scripts/docs; do
  words=$(grep -vE '^[[:space:]]*(#|echo )' "$root/$script" |
    grep -oE '(^|[|;&(]|\$\(|timeout [0-9]+ )[[:space:]]*[a-z][a-z0-9_-]*=?' | grep -v '=$' |
    grep -oE '[a-z][a-z0-9_-]*$' | sort -u)
  for word in $words; do
    [ "$(type -t "$word")" = file ] || continue  # a builtin, keyword or function
    case $word in bash | runuser) continue ;; esac  # the shell itself; runuser only as root, checked then
    listed "$word" || fail "$script runs $word, which test_commands does not list"
  done
done
grep -q 'pg_ctl' "$root/scripts/postgres" && ! listed pg_ctl && fail "pg_ctl is not in test_commands"

essential=" coreutils grep sed diffutils util-linux findutils "
for entry in "${test_commands[@]}"; do
  package=${entry#*:}
  [[ $essential == *" $package "* ]] && continue
  [[ " ${slack_packages[*]} " == *" $package "* ]] || fail "$package (for ${entry%%:*}) is not in slack_packages"
done

# Everything present: no complaint.
out=$( (check_test_commands) 2>&1) || fail "check_test_commands fails here: $out"

# A PATH without curl: one message naming it and its package.
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
for entry in "${test_commands[@]}" runuser:util-linux; do
  command=${entry%%:*}
  [ "$command" = curl ] && continue
  case $command in /*) continue ;; esac
  found=$(command -v "$command") && ln -s "$found" "$bin/$command"
done
out=$( (PATH=$bin check_test_commands) 2>&1); status=$?
[ "$status" = 1 ] || fail "without curl: exit $status, wanted 1"
grep -q '^  curl (package curl)$' <<<"$out" || fail "without curl, the message does not name it: $out"
[ "$(grep -c '^  ' <<<"$out")" = 1 ] || fail "without curl, other commands named too: $out"

[ "$failures" = 0 ] && echo "prerequisites: all passed"
exit $((failures > 0))
