#!/usr/bin/env bash
# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
# Runs each example program against examples_mock (the mock with a bot's methods), the way a
# user runs them against Slack: SLACK_API_URL and SLACK_CA_FILE point them at the mock.
#   examples_test.sh EXAMPLES_MOCK BINARY_DIR
set -u
unset https_proxy HTTPS_PROXY no_proxy NO_PROXY  # the machine's proxy must not carry calls to the mock
mock_program=$1 bin=$2
work=$(mktemp -d)
trap 'kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

timeout 120 "$mock_program" "$work/ca.pem" 110 >"$work/mock.out" 2>&1 &
mock_pid=$!
for _ in $(seq 100); do grep -q "listening at" "$work/mock.out" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/.*listening at \(https:[^ ]*\).*/\1/p' "$work/mock.out")
[ -n "$url" ] || { echo "FAIL: the mock did not start"; cat "$work/mock.out"; exit 1; }

export SLACK_API_URL=$url SLACK_CA_FILE=$work/ca.pem SLACK_STORE=sqlite:$work/store.db
export SLACK_CLIENT_ID=1111111111.2222222222 SLACK_CLIENT_SECRET=mock-client-secret-0123456789

# expect STATUS TEXT PROGRAM ARGS...: the program exits with STATUS and prints TEXT.
expect() {
    local status=$1 text=$2 program=$3
    shift 3
    local out
    out=$(timeout 60 "$bin/$program" "$@" 2>&1)
    local got=$? before=$failures
    [ "$got" = "$status" ] || fail "$program $*: exit $got, not $status: $out"
    grep -qF -- "$text" <<<"$out" || fail "$program $*: no \"$text\" in: $out"
    grep -qF -- "$SLACK_CLIENT_SECRET" <<<"$out" && fail "$program $*: printed the client secret"
    [ "$failures" = "$before" ] && echo "ok   $program $*"
}

# Install (a magic code that succeeds: a real installation on the mock's team), then the bot.
expect 0 "installed in T0MOCKTEAM" example_install mock-delay-1-install
expect 0 "posted to C1 at 1700000000.000100" example_bot_post T0MOCKTEAM C1 "hello from the example"
expect 1 "channel_not_found" example_bot_post T0MOCKTEAM C404 "nobody here"
expect 1 "no token for T0OTHER" example_bot_post T0OTHER C1 hi
expect 0 "5 channels in 3 pages" example_list_channels T0MOCKTEAM
expect 2 "usage" example_bot_post

# Calls with a token (mock-reusable: a bearer token the mock always accepts).
expect 0 "the token is" example_callback mock-reusable
expect 1 "auth.test failed" example_callback xoxb-unknown
expect 0 "the token is" example_use_future mock-reusable
expect 0 "after 2 attempt(s)" example_retry_policy mock-ratelimit-1-1-retry
expect 1 "auth.test failed after 1 attempt(s)" example_retry_policy mock-unavailable-1-retry
expect 0 "3 workspaces" example_many_workspaces T1=mock-reusable T2=mock-ratelimit-1-1-many T3=mock-delay-200-many

# Each kind of failure.
expect 0 "ok: installed" example_errors mock-delay-1-errors
expect 1 "invalid_code:" example_errors mock-error-invalid_code
expect 1 "rate_limited:" example_errors mock-ratelimitbare-9-errors
expect 1 "outcome_unknown:" example_errors mock-close-errors
expect 1 "transient:" example_errors mock-unavailable-9-errors
SLACK_CLIENT_SECRET=wrong-secret expect 1 "auth:" example_errors mock-delay-1-auth

[ "$failures" = 0 ] && echo "all examples passed" || { echo "$failures failure(s)"; exit 1; }
