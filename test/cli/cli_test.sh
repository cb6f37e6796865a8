#!/usr/bin/env bash
# slack-oauth end to end: exit statuses, the error line, JSON output, --verbose without secrets.
# Runs `slack-oauth mock` on 127.0.0.1 and `slack-oauth access` against it; every command is bounded.
set -uo pipefail
cli=${1:?usage: cli_test.sh path/to/slack-oauth}
work=$(mktemp -d)
trap 'kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

secret=cli-test-secret-value-77
timeout 60 "$cli" mock --port 0 --ca-out "$work/ca.pem" --client-id 123.456 --client-secret "$secret" >"$work/mock.out" 2>&1 &
mock_pid=$!
for _ in $(seq 100); do grep -q "listening at" "$work/mock.out" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/.*listening at \(https:[^ ]*\).*/\1/p' "$work/mock.out")
[ -n "$url" ] || { echo "FAIL: mock did not start"; cat "$work/mock.out"; exit 1; }
grep -q "$secret" "$work/mock.out" && fail "mock printed the secret"

export SLACK_CLIENT_ID=123.456 SLACK_CLIENT_SECRET=$secret
run() { timeout 30 "$cli" access --api-url "$url" --cacert "${cacert:-$work/ca.pem}" "$@" >"$work/out" 2>"$work/err"; echo $?; }
expect_status() { # expected, description, args...
  local want=$1 what=$2; shift 2
  local got; got=$(run "$@")
  [ "$got" = "$want" ] || fail "$what: exit $got, wanted $want; stderr: $(cat "$work/err")"
}

expect_status 0 "success" --code mock-payload-bot
grep -q '"access_token":"xoxp-' "$work/out" || fail "success: no access_token at the top level of the JSON"
grep -q '"team_id":"TXXXXXXXXX"' "$work/out" || fail "success: no team_id"

expect_status 1 "known Slack error" --code mock-error-invalid_code
grep -qx 'error: invalid_code: .*' "$work/err" || fail "error line for invalid_code: $(cat "$work/err")"

expect_status 1 "unknown Slack error" --code mock-error-brand_new_thing
grep -q '^error: brand_new_thing: ' "$work/err" || fail "unknown error keeps its name: $(cat "$work/err")"

SLACK_CLIENT_SECRET=wrong expect_status 1 "bad secret" --code mock-payload-bot
grep -q '^error: bad_client_secret: ' "$work/err" || fail "bad secret line: $(cat "$work/err")"

expect_status 2 "missing --code"
expect_status 2 "unknown option" --code x --frobnicate
expect_status 2 "bad --retry" --code x --retry sometimes
SLACK_CLIENT_SECRET= expect_status 2 "no secret"
grep -q "SLACK_CLIENT_SECRET" "$work/err" || fail "no-secret usage error names the variable"

expect_status 3 "connection refused" --code x --api-url https://127.0.0.1:1/api/ --retry none
grep -q '^error: connection_refused: ' "$work/err" || fail "refused line: $(cat "$work/err")"
expect_status 3 "plain http refused" --code x --api-url http://127.0.0.1:1/api/
grep -q '^error: insecure_url: ' "$work/err" || fail "insecure_url line: $(cat "$work/err")"
expect_status 2 "unreadable --cacert" --code x --cacert /dev/null
# Another mock's CA: a valid certificate that does not vouch for this server.
timeout 5 "$cli" mock --port 0 --ca-out "$work/other.pem" >/dev/null 2>&1 &
other=$!
for _ in $(seq 100); do [ -s "$work/other.pem" ] && break; sleep 0.05; done
kill "$other"; wait "$other" 2>/dev/null
cacert=$work/other.pem expect_status 3 "untrusted certificate" --code x
grep -q '^error: tls_error: ' "$work/err" || fail "untrusted certificate line: $(cat "$work/err")"
expect_status 3 "HTML error page" --code mock-status-404-9

expect_status 4 "answer lost after sending" --code mock-close-cli
grep -q '^error: outcome_unknown: ' "$work/err" || fail "outcome_unknown line: $(cat "$work/err")"
expect_status 4 "timeout after sending" --code mock-delay-5000-cli --timeout 0.5

expect_status 0 "retries with --verbose" --code mock-unavailable-1-cli --verbose
grep -q "retry_scheduled" "$work/err" || fail "--verbose shows the retry: $(cat "$work/err")"
code=mock-ratelimit-1-1-verbose-check
expect_status 0 "rate limit with --verbose" --code "$code" --verbose --credentials form
grep -q "delay_ms=1" "$work/err" || fail "--verbose shows the rate-limit wait: $(cat "$work/err")"
if grep -q -e "$secret" -e "$code" "$work/err" "$work/out"; then fail "--verbose output contains the secret or the code"; fi

expect_status 1 "--retry none" --code mock-unavailable-1-none --retry none
grep -q '^error: service_unavailable: ' "$work/err" || fail "--retry none gives up at once: $(cat "$work/err")"

[ "$failures" -eq 0 ] && echo "cli: all checks passed"
exit "$failures"
