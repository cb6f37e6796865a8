#!/usr/bin/env bash
# slack-oauth end to end: exit statuses, the error line, JSON output, --verbose without secrets,
# usage errors without secrets, each command's --help.
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
SLACK_CLIENT_SECRET= expect_status 2 "no secret" --code x
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

# A usage error never shows what may be a secret: a value glued to its option with '=', an
# argument without its option, a value that is not a number.
expect_hidden() { # description, text that must not appear, command and args...
  local what=$1 hidden=$2; shift 2
  timeout 10 "$cli" "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" = 2 ] || fail "$what: exit $got, wanted 2; stderr: $(cat "$work/err")"
  if grep -q -e "$hidden" "$work/out" "$work/err"; then fail "$what: the usage error shows $hidden"; fi
}
expect_hidden "secret after '='" hunter2-SECRET access --client-secret=hunter2-SECRET
expect_hidden "code after '='" SECRETCODE access --code=SECRETCODE
expect_hidden "stray argument" SECRETSTRAY access --code x SECRETSTRAY
expect_hidden "stray argument first" SECRETSTRAY access SECRETSTRAY --code x
expect_hidden "--timeout not a number" SECRETSECONDS access --code x --timeout SECRETSECONDS
expect_hidden "--port not a number" SECRETPORT mock --port SECRETPORT
expect_hidden "mock stray argument" SECRETSTRAY mock SECRETSTRAY
expect_hidden "--retry not a policy" SECRETPOLICY access --code x --retry SECRETPOLICY
expect_hidden "--credentials not a style" SECRETSTYLE access --code x --credentials SECRETSTYLE
expect_hidden "unknown command" SECRET-COMMAND-1 SECRET-COMMAND-1
grep -q "unexpected argument #3" <(timeout 10 "$cli" access --code x SECRETSTRAY 2>&1) || fail "stray argument: no position"

# Each command's --help (and -h) exits 0 and describes every option its parser accepts: the
# option literals in the command's source, so that an option added there and not to the help
# fails here. Every option the help describes must be accepted (no "unknown option").
sources=$(cd "$(dirname "$0")/../../src/cli" && pwd)
check_help() { # command, its source file, least number of options it has
  local command=$1 source=$sources/$2 least=$3
  timeout 10 "$cli" "$command" --help >"$work/help" 2>"$work/err"
  local got=$?
  [ "$got" = 0 ] || fail "$command --help: exit $got; stderr: $(cat "$work/err")"
  timeout 10 "$cli" "$command" -h 2>&1 | cmp -s - "$work/help" || fail "$command -h differs from --help"
  grep -q "^usage: slack-oauth $command" "$work/help" || fail "$command --help: not its own usage"
  grep -qE '^  -h, --help ' "$work/help" || fail "$command --help does not describe --help"
  local accepted; accepted=$(grep -o '"--[a-z][a-z-]*"' "$source" | tr -d '"' | sort -u)
  [ "$(echo "$accepted" | grep -c .)" -ge "$least" ] || fail "$command: found only [$accepted] in $source"
  local option
  for option in $accepted; do
    grep -qE "^  $option( |$)" "$work/help" || fail "$command --help does not describe $option"
  done
  for option in $(grep -oE '^  --[a-z][a-z-]*' "$work/help"); do
    timeout 10 "$cli" "$command" "$option" >/dev/null 2>"$work/err"
    if grep -q "unknown option" "$work/err"; then fail "$command --help describes $option, which it rejects"; fi
  done
}
check_help access access_command.cpp 10
grep -q "SLACK_CLIENT_ID" "$work/help" && grep -q "SLACK_CLIENT_SECRET" "$work/help" ||
  fail "access --help does not name the environment variables it reads"
check_help mock mock_command.cpp 4
check_help demo demo_command.cpp 0
timeout 10 "$cli" help access | cmp -s - <(timeout 10 "$cli" access --help) || fail "help access differs from access --help"
timeout 10 "$cli" --help >"$work/help"; got=$?
[ "$got" = 0 ] || fail "--help: exit $got"
for command in access mock demo; do
  grep -qE "^  $command " "$work/help" || fail "--help does not list $command"
done
timeout 10 "$cli" >/dev/null 2>&1; got=$?
[ "$got" = 2 ] || fail "no command: exit $got, wanted 2"

# The commands of the other methods: same conventions as access. Codes and tokens are minted
# over the mock's HTTP endpoints.
base=${url%/api/}
mint() { # endpoint (codes|tokens), form fields...: prints the mock's JSON
  local endpoint=$1 fields=(); shift
  for f in "$@"; do fields+=(-d "$f"); done
  timeout 10 curl -sS --cacert "$work/ca.pem" "${fields[@]}" "$base/mock/$endpoint"
}
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }  # a string field of the JSON on stdin
cmd() { timeout 30 "$cli" "$1" --api-url "$url" --cacert "$work/ca.pem" "${@:2}" >"$work/out" 2>"$work/err"; echo $?; }
expect_cmd() { # expected, description, command, args...
  local want=$1 what=$2; shift 2
  local got; got=$(cmd "$@")
  [ "$got" = "$want" ] || fail "$what: exit $got, wanted $want; stderr: $(cat "$work/err")"
}
expect_out() { grep -q -e "$1" "$work/out" || fail "$2: stdout lacks $1: $(cat "$work/out")"; }
expect_err() { grep -q -e "$1" "$work/err" || fail "$2: stderr lacks $1: $(cat "$work/err")"; }

# v2-access
code=$(mint codes method=oauth.v2.access | field code)
[ -n "$code" ] || fail "could not mint an oauth.v2.access code"
expect_cmd 0 "v2-access" v2-access --code "$code" --verbose
expect_out '"token_type":"bot"' "v2-access"
expect_out '"refresh_token":"xoxe-1-' "v2-access"
if grep -q -e "$code" -e "$secret" "$work/err" "$work/out"; then fail "v2-access --verbose shows the code or the secret"; fi
expect_cmd 1 "v2-access spent code" v2-access --code "$code"
expect_err '^error: invalid_code: ' "v2-access spent code"
expect_cmd 1 "v2-access ok:false" v2-access --code mock-error-invalid_grant_type
expect_err '^error: invalid_grant_type: ' "v2-access ok:false"
expect_cmd 2 "v2-access without --code" v2-access
expect_err '--code is required' "v2-access without --code"
expect_cmd 4 "v2-access answer lost" v2-access --code mock-close-v2
expect_err '^error: outcome_unknown: ' "v2-access answer lost"
# PKCE: the challenge is base64url(sha256(verifier)) without padding.
verifier=cli-test-verifier-0123456789-abcdefghijklmnopqrstuvwxyz
challenge=$(printf %s "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
code=$(mint codes method=oauth.v2.access code_challenge="$challenge" | field code)
expect_cmd 1 "v2-access wrong verifier" v2-access --code "$code" --code-verifier "$verifier-wrong"
expect_err '^error: invalid_code_verifier: ' "v2-access wrong verifier"
expect_cmd 0 "v2-access PKCE" v2-access --code "$code" --code-verifier "$verifier"
expect_out '"access_token":"xoxe.xoxb-' "v2-access PKCE"

# refresh: a rotating pair's refresh token for a new pair
refresh=$(mint tokens kind=bot rotating=true | field refresh_token)
SLACK_REFRESH_TOKEN=$refresh expect_cmd 0 "refresh" refresh --verbose
new_refresh=$(field refresh_token <"$work/out")
[ -n "$new_refresh" ] && [ "$new_refresh" != "$refresh" ] || fail "refresh: no new refresh token: $(cat "$work/out")"
if grep -q -e "$refresh" -e "$new_refresh" "$work/err"; then fail "refresh --verbose shows a refresh token"; fi
SLACK_REFRESH_TOKEN=mock-error-invalid_refresh_token expect_cmd 1 "refresh ok:false" refresh
expect_err '^error: invalid_refresh_token: ' "refresh ok:false"
SLACK_REFRESH_TOKEN= expect_cmd 2 "refresh without a token" refresh
expect_err 'SLACK_REFRESH_TOKEN' "refresh without a token"

# user-access
code=$(mint codes method=oauth.v2.user.access user_scope=identify | field code)
expect_cmd 0 "user-access" user-access --code "$code"
expect_out '"token_type":"user"' "user-access"
expect_cmd 1 "user-access ok:false" user-access --code mock-error-invalid_code
expect_err '^error: invalid_code: ' "user-access ok:false"
expect_cmd 2 "user-access without --code" user-access --redirect-uri https://example.com/cb

# exchange: a long-lived token, once
legacy=$(mint tokens kind=bot rotating=false | field access_token)
SLACK_TOKEN=$legacy expect_cmd 0 "exchange" exchange
expect_out '"refresh_token":"xoxe-1-' "exchange"
SLACK_TOKEN=$legacy expect_cmd 1 "exchange twice" exchange
expect_err '^error: token_already_exchanged: ' "exchange twice"
expect_cmd 2 "exchange without a token" exchange
expect_err 'SLACK_TOKEN' "exchange without a token"

# openid-token, then openid-userinfo with its token
code=$(mint codes method=openid.connect.token scope=openid,email,profile | field code)
expect_cmd 0 "openid-token" openid-token --code "$code"
expect_out '"id_token":"' "openid-token"
openid_token=$(field access_token <"$work/out")
expect_cmd 1 "openid-token ok:false" openid-token --code mock-error-invalid_code
expect_err '^error: invalid_code: ' "openid-token ok:false"
expect_cmd 2 "openid-token without --code" openid-token
SLACK_TOKEN=$openid_token expect_cmd 0 "openid-userinfo" openid-userinfo
expect_out '"sub":"' "openid-userinfo"
bot=$(mint tokens kind=bot rotating=true | field access_token)
SLACK_TOKEN=$bot expect_cmd 1 "openid-userinfo with a bot token" openid-userinfo
expect_err '^error: not_allowed_token_type: ' "openid-userinfo with a bot token"
expect_cmd 2 "openid-userinfo without a token" openid-userinfo

# auth-test; --token works and warns, showing neither value
SLACK_TOKEN=$bot expect_cmd 0 "auth-test" auth-test
expect_out '"team_id":"T0MOCKTEAM"' "auth-test"
expect_cmd 0 "auth-test --token" auth-test --token "$bot" --verbose
expect_err '^warning: --token .*shell history' "auth-test --token"
if grep -q -e "$bot" "$work/err"; then fail "auth-test --token --verbose shows the token"; fi
SLACK_TOKEN=mock-error-invalid_auth expect_cmd 1 "auth-test ok:false" auth-test
expect_err '^error: invalid_auth: ' "auth-test ok:false"
expect_cmd 2 "auth-test without a token" auth-test
grep -q '^warning:' "$work/err" && fail "a warning without a flag"

# revoke: --test keeps the token; then it is revoked and auth.test says so
SLACK_TOKEN=$bot expect_cmd 0 "revoke --test" revoke --test
expect_out '"revoked":false' "revoke --test"
SLACK_TOKEN=$bot expect_cmd 0 "revoke" revoke
expect_out '"revoked":true' "revoke"
SLACK_TOKEN=$bot expect_cmd 1 "auth-test after revoke" auth-test
expect_err '^error: token_revoked: ' "auth-test after revoke"
SLACK_TOKEN=$bot expect_cmd 1 "revoke twice" revoke
expect_err '^error: token_revoked: ' "revoke twice"
expect_cmd 2 "revoke without a token" revoke --test

# uninstall: every token of the installation is revoked
installed=$(mint tokens kind=bot rotating=true | field access_token)
SLACK_TOKEN=$installed expect_cmd 0 "uninstall" uninstall
expect_out '"ok":true' "uninstall"
SLACK_TOKEN=$installed expect_cmd 1 "auth-test after uninstall" auth-test
expect_err '^error: token_revoked: ' "auth-test after uninstall"
SLACK_TOKEN=mock-error-invalid_auth expect_cmd 1 "uninstall ok:false" uninstall
expect_err '^error: invalid_auth: ' "uninstall ok:false"
SLACK_TOKEN=x SLACK_CLIENT_SECRET= expect_cmd 2 "uninstall without a secret" uninstall

# call: any method, a form or a JSON body
expect_cmd 0 "call api.test" call api.test foo=bar
expect_out '"args":{"foo":"bar"}' "call api.test"
expect_cmd 0 "call api.test --json-body" call api.test foo=bar "two=x y" --json-body --idempotent
expect_out '"foo":"bar"' "call --json-body"
expect_out '"two":"x y"' "call --json-body"
expect_cmd 1 "call ok:false" call api.test error=cli_boom
expect_err '^error: cli_boom: ' "call ok:false"
expect_cmd 2 "call without METHOD" call
expect_cmd 2 "call with a word not key=value" call api.test SECRETWORD
grep -q SECRETWORD "$work/err" && fail "call shows a word that is not key=value"
expect_cmd 2 "call with a token field" call api.test token=SECRETFIELD
expect_cmd 4 "call answer lost, not idempotent" call auth.test --token mock-close-call

expect_hidden "v2-access code after '='" SECRETCODE v2-access --code=SECRETCODE
expect_hidden "refresh stray argument" SECRETSTRAY refresh SECRETSTRAY
expect_hidden "call --retry not a policy" SECRETPOLICY call api.test --retry SECRETPOLICY

# Each new command's --help: its own usage, the shared options, and only options it accepts.
for command in v2-access refresh user-access exchange openid-token openid-userinfo auth-test revoke uninstall call; do
  timeout 10 "$cli" "$command" --help >"$work/help" 2>"$work/err"; got=$?
  [ "$got" = 0 ] || fail "$command --help: exit $got"
  timeout 10 "$cli" "$command" -h 2>&1 | cmp -s - "$work/help" || fail "$command -h differs from --help"
  timeout 10 "$cli" help "$command" | cmp -s - "$work/help" || fail "help $command differs from $command --help"
  grep -q "^usage: slack-oauth $command" "$work/help" || fail "$command --help: not its own usage"
  for option in --api-url --cacert --timeout --retry --verbose; do
    grep -qE "^  $option " "$work/help" || fail "$command --help does not describe $option"
  done
  grep -qE '^  -h, --help ' "$work/help" || fail "$command --help does not describe --help"
  for option in $(grep -oE '^  --[a-z][a-z-]*' "$work/help"); do
    timeout 10 "$cli" "$command" "$option" >/dev/null 2>"$work/err"
    if grep -q "unknown option" "$work/err"; then fail "$command --help describes $option, which it rejects"; fi
  done
  timeout 10 "$cli" --help | grep -qE "^  $command " || fail "--help does not list $command"
done

[ "$failures" -eq 0 ] && echo "cli: all checks passed"
exit "$failures"
