#!/usr/bin/env bash
# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
# slack-oauth end to end: exit statuses, the error line, JSON output, --verbose without secrets,
# usage errors without secrets, each command's --help.
# Runs `slack-oauth mock` on 127.0.0.1 and `slack-oauth access` against it; every command is bounded.
set -uo pipefail
cli=${1:?usage: cli_test.sh path/to/slack-oauth}
# The machine's own proxy settings must not carry these calls to the 127.0.0.1 mock; the proxy
# checks below set their own.
unset https_proxy HTTPS_PROXY no_proxy NO_PROXY
work=$(mktemp -d)
trap 'kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

secret=cli-test-secret-value-77
timeout 280 "$cli" mock --port 0 --ca-out "$work/ca.pem" --client-id 123.456 --client-secret "$secret" >"$work/mock.out" 2>&1 &
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

# Through a proxy: --proxy, and HTTPS_PROXY / NO_PROXY read by default.
# Its own directory: tinyproxy, run as root, writes its log as nobody, who cannot enter $work.
proxy_dir=$(mktemp -d)
scripts=$(cd "$(dirname "$0")/../../scripts" && pwd)
if proxy_url=$("$scripts/proxy" start "$proxy_dir"); then
  expect_status 0 "--proxy" --code mock-reusable --proxy "$proxy_url"
  grep -q "): CONNECT " "$proxy_dir/log" || fail "--proxy: the proxy saw no CONNECT: $(cat "$proxy_dir/log")"
  HTTPS_PROXY=$proxy_url expect_status 0 "HTTPS_PROXY" --code mock-reusable
  [ "$(grep -c '): CONNECT ' "$proxy_dir/log")" = 2 ] || fail "HTTPS_PROXY: not read by default"
  "$scripts/proxy" stop "$proxy_dir"
  HTTPS_PROXY=$proxy_url expect_status 3 "a dead proxy" --code x --retry none
  grep -q '^error: proxy_failed: ' "$work/err" || fail "dead proxy line: $(cat "$work/err")"
  HTTPS_PROXY=$proxy_url NO_PROXY=127.0.0.1 expect_status 0 "NO_PROXY" --code mock-reusable
  expect_status 3 "an https:// proxy" --code x --proxy https://u:SECRET-PROXY@127.0.0.1:1
  grep -q '^error: unsupported_proxy_scheme: ' "$work/err" || fail "https proxy line: $(cat "$work/err")"
  if grep -q SECRET-PROXY "$work/err"; then fail "the proxy's password is shown"; fi
else
  fail "scripts/proxy could not start tinyproxy"
fi
"$scripts/proxy" stop "$proxy_dir"
rm -rf "$proxy_dir"

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

# A token holding CR LF would end the header and smuggle a request of its own (here: revoking
# $bot). Refused with exit 2, nothing sent, neither token shown; $bot still works.
smuggler=$'x\r\nContent-Length: 0\r\n\r\nPOST /api/auth.revoke HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer '"$bot"$'\r\nX-Pad: a'
SLACK_TOKEN=$smuggler expect_cmd 2 "auth-test with a token holding CR LF" auth-test --verbose
expect_err 'control character' "auth-test with a token holding CR LF"
grep -q 'attempt_started' "$work/err" && fail "a token holding CR LF was sent"
grep -q -e "$bot" "$work/err" "$work/out" && fail "the refused token's text was shown"
SLACK_TOKEN=$bot expect_cmd 0 "the smuggled revoke never ran" auth-test

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

# --rate-limits: Slack's tiers, paced here (local) or shared through Redis. Redis out of reach:
# the local limiter answers and the command still ends (the connection's retries do not hold it).
expect_cmd 0 "--rate-limits local" call api.test --rate-limits local
expect_cmd 0 "--rate-limits on access" access --code mock-reusable --rate-limits local
expect_cmd 0 "--rate-limits, Redis unreachable" call api.test --team T0RATE --rate-limits redis://127.0.0.1:1 --verbose
expect_err 'rate limits: Redis did not answer' "--rate-limits, Redis unreachable"
for bad in redis://u:SECRET-RL-PASS@127.0.0.1:notaport http://u:SECRET-RL-PASS@127.0.0.1:1 rediss://u:SECRET-RL-PASS@h:x; do
  expect_cmd 2 "--rate-limits $bad" call api.test --rate-limits "$bad"
  expect_err '^usage error: --rate-limits: ' "--rate-limits $bad"
  grep -q SECRET-RL-PASS "$work/err" "$work/out" && fail "--rate-limits shows the password of $bad"
done
if [ -n "${SLACK_TEST_REDIS:-}" ]; then
  expect_cmd 0 "--rate-limits through Redis" call api.test --team T0REDIS --rate-limits "$SLACK_TEST_REDIS" --verbose
  grep -q 'did not answer' "$work/err" && fail "--rate-limits through Redis fell back: $(cat "$work/err")"
  [ -n "$(timeout 10 redis-cli -u "$SLACK_TEST_REDIS" --scan --pattern '*T0REDIS*api.test*')" ] ||
    fail "--rate-limits through Redis: no key in Redis"
fi
# Over TLS, the server's CA trusted through SSL_CERT_FILE (the mock's still through --cacert).
if [ -n "${SLACK_TEST_REDIS_TLS:-}" ]; then
  SSL_CERT_FILE=$SLACK_TEST_REDIS_TLS_CA expect_cmd 0 "--rate-limits through Redis over TLS" \
    call api.test --team T0REDISS --rate-limits "$SLACK_TEST_REDIS_TLS" --verbose
  grep -q 'did not answer' "$work/err" && fail "--rate-limits over TLS fell back: $(cat "$work/err")"
  [ -n "$(timeout 10 redis-cli --tls --cacert "$SLACK_TEST_REDIS_TLS_CA" -u "$SLACK_TEST_REDIS_TLS" --scan \
    --pattern '*T0REDISS*api.test*')" ] || fail "--rate-limits over TLS: no key in Redis"
  expect_cmd 0 "--rate-limits over TLS, CA not trusted" call api.test --team T0REDISS --rate-limits \
    "$SLACK_TEST_REDIS_TLS" --verbose
  expect_err 'rate limits: Redis did not answer (the TLS handshake' "--rate-limits over TLS, CA not trusted"
fi

# --version: the version of project(VERSION).
project_version=$(sed -n 's/^project([a-z_-]* VERSION \([0-9.]*\).*/\1/p' "$sources/../../CMakeLists.txt")
[ "$(timeout 10 "$cli" --version)" = "slack-oauth $project_version" ] ||
  fail "--version: '$(timeout 10 "$cli" --version)', wanted 'slack-oauth $project_version'"

# SLACK_API_URL and SLACK_CA_FILE are the defaults of --api-url and --cacert; the flags win.
SLACK_API_URL=$url SLACK_CA_FILE=$work/ca.pem timeout 30 "$cli" call api.test env=1 >"$work/out" 2>"$work/err"; got=$?
[ "$got" = 0 ] || fail "SLACK_API_URL/SLACK_CA_FILE as defaults: exit $got; $(cat "$work/err")"
SLACK_API_URL=https://127.0.0.1:1/api/ SLACK_CA_FILE=/dev/null expect_cmd 0 "--api-url and --cacert over the variables" call api.test

# call: key:=JSON values, a whole body from a file or stdin.
expect_cmd 0 "typed values" call api.test --json-body n:=3 on:=true 'list:=["a",1]' s=3 'o:={"k":null}'
expect_out '"n":3' "key:=JSON number"
expect_out '"on":true' "key:=JSON boolean"
expect_out '"list":\["a",1\]' "key:=JSON array"
expect_out '"s":"3"' "key=value stays a string"
expect_out '"o":{"k":null}' "key:=JSON object"
expect_cmd 0 "key:=JSON makes the body JSON" call api.test n:=4
expect_out '"n":4' "key:=JSON without --json-body"
expect_cmd 2 "key:=JSON that does not parse" call api.test --json-body count:=SECRETVALUE
expect_err "key 'count'" "a bad key:=JSON names its key"
if grep -q SECRETVALUE "$work/err"; then fail "a bad key:=JSON shows its value"; fi
expect_cmd 2 "key:=JSON with an odd key" call api.test 'xoxb/SECRETKEY:=nope'
if grep -q SECRETKEY "$work/err"; then fail "a bad key:=JSON shows a key that may be a secret"; fi
printf '{"a":{"b":[1,2]},"t":"x"}' >"$work/body.json"
expect_cmd 0 "--json @FILE" call api.test --json "@$work/body.json"
expect_out '"a":{"b":\[1,2\]}' "--json @FILE sends the file"
echo '{"from":"stdin"}' | cmd call api.test --json - >/dev/null
expect_out '"from":"stdin"' "--json - sends stdin"
printf 'not json SECRETBODY' >"$work/bad.json"
expect_cmd 2 "--json @FILE not JSON" call api.test --json "@$work/bad.json"
expect_err "is not JSON" "--json @FILE not JSON"
if grep -q SECRETBODY "$work/err"; then fail "--json @FILE shows the body"; fi
echo '[1]' >"$work/array.json"
expect_cmd 2 "--json @FILE not an object" call api.test --json "@$work/array.json"
expect_err "not a JSON object" "--json @FILE not an object"
head -c 1100000 /dev/zero | tr '\0' ' ' >"$work/big.json"
expect_cmd 2 "--json @FILE too large" call api.test --json "@$work/big.json"
expect_err "larger than 1 MiB" "--json @FILE too large"
expect_cmd 2 "--json @FILE missing" call api.test --json "@$work/none.json"
expect_cmd 2 "--json @FILE with words" call api.test --json "@$work/body.json" a=b

# Output: JSON when stdout is not a terminal (here) or with --json; --human forces the lines a
# terminal gets (isatty), as does any terminal.
expect_cmd 0 "JSON by default off a terminal" call api.test foo=bar
[ "$(head -c 1 "$work/out")" = "{" ] || fail "not JSON off a terminal: $(cat "$work/out")"
expect_cmd 0 "--human" call api.test foo=bar --human
grep -qx 'ok: true' "$work/out" && grep -qx '  foo: bar' "$work/out" || fail "--human: $(cat "$work/out")"
expect_cmd 0 "--json after --human" call api.test foo=bar --human --json
[ "$(head -c 1 "$work/out")" = "{" ] || fail "--json does not force JSON: $(cat "$work/out")"
expect_status 0 "access --human" --code mock-payload-bot-human --human
grep -q '^access_token: xoxp-' "$work/out" || fail "access --human: $(cat "$work/out")"
if command -v script >/dev/null; then  # a terminal (util-linux script gives the command a pty)
  timeout 30 script -qec "'$cli' call api.test on=tty --api-url '$url' --cacert '$work/ca.pem'" /dev/null >"$work/out" 2>&1
  grep -q '^  on: tty' "$work/out" || fail "not human on a terminal: $(cat "$work/out")"
fi

# The exit statuses in --help; docs/cli.md and the man page are made from the help texts.
timeout 10 "$cli" --help | grep -q "^Exit status: 0 success" || fail "--help does not give the exit statuses"
timeout 10 "$cli" --help-markdown | cmp -s - "$sources/../../docs/cli.md" ||
  fail "docs/cli.md is not 'slack-oauth --help-markdown' (regenerate it)"
timeout 10 "$cli" --help-man >"$work/slack-oauth.1"
grep -q '^\.TH SLACK-OAUTH 1' "$work/slack-oauth.1" || fail "--help-man: no .TH"
groff -man -Tutf8 -ww -z "$work/slack-oauth.1" 2>"$work/err" && [ ! -s "$work/err" ] ||
  fail "--help-man: groff warns: $(cat "$work/err")"
for command in $(timeout 10 "$cli" --help | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p'); do
  grep -q "^## $command\$" "$sources/../../docs/cli.md" || fail "docs/cli.md lacks $command"
done

# Bash completion offers every command, then the command's options.
completion=$sources/../../share/bash-completion/slack-oauth
offered=$(bash -c 'source "$1"; COMP_WORDS=("$2" ""); COMP_CWORD=1; _slack_oauth; echo "${COMPREPLY[*]}"' _ "$completion" "$cli")
listed=$(timeout 10 "$cli" --help | sed -n 's/^  \([a-z][a-z0-9-]*\) .*/\1/p')
[ "$(echo "$listed" | grep -c .)" -ge 15 ] || fail "--help lists only: $listed"
for command in $listed --version; do
  [[ " $offered " == *" $command "* ]] || fail "completion does not offer $command: $offered"
done
offered=$(bash -c 'source "$1"; COMP_WORDS=("$2" call --js); COMP_CWORD=2; _slack_oauth; echo "${COMPREPLY[*]}"' _ "$completion" "$cli")
[ "$offered" = "--json-body --json" ] || [ "$offered" = "--json --json-body" ] || fail "completion of call --js: $offered"

# slack-oauth mock's server options, and POST /mock/reset.
timeout 30 "$cli" mock --port 0 --ca-out "$work/flags.pem" --client-id 123.456 --client-secret "$secret" \
  --access-token-lifetime 77 --code-lifetime 33 --team-id TCLIFLAGS --team-name "Flag Team" --no-token-rotation \
  --refresh-grace 0 --refresh-delay 0 --idle-timeout 5 --app-id ACLIFLAGS >"$work/flags.out" 2>&1 &
flags_pid=$!
for _ in $(seq 100); do grep -q "listening at" "$work/flags.out" 2>/dev/null && break; sleep 0.05; done
flags_url=$(sed -n 's/.*listening at \(https:[^ ]*\).*/\1/p' "$work/flags.out")
flags_base=${flags_url%/api/}
minted=$(timeout 10 curl -sS --cacert "$work/flags.pem" -d method=oauth.v2.access "$flags_base/mock/codes")
echo "$minted" | grep -q '"expires_in":33' || fail "--code-lifetime: $minted"
flags_code=$(echo "$minted" | field code)
timeout 30 "$cli" v2-access --api-url "$flags_url" --cacert "$work/flags.pem" --code "$flags_code" >"$work/out" 2>"$work/err" ||
  fail "v2-access on the flagged mock: $(cat "$work/err")"
expect_out '"id":"TCLIFLAGS"' "--team-id"
expect_out '"name":"Flag Team"' "--team-name"
expect_out '"app_id":"ACLIFLAGS"' "--app-id"
if grep -q refresh_token "$work/out"; then fail "--no-token-rotation: a refresh token: $(cat "$work/out")"; fi
minted=$(timeout 10 curl -sS --cacert "$work/flags.pem" -d method=oauth.v2.access "$flags_base/mock/codes")
timeout 10 curl -sS --cacert "$work/flags.pem" -X POST "$flags_base/mock/reset" | grep -q '"ok":true' || fail "POST /mock/reset"
timeout 30 "$cli" v2-access --api-url "$flags_url" --cacert "$work/flags.pem" --code "$(echo "$minted" | field code)" \
  >"$work/out" 2>"$work/err"; got=$?
[ "$got" = 1 ] && grep -q '^error: invalid_code' "$work/err" || fail "a code minted before /mock/reset: exit $got, $(cat "$work/err")"
kill "$flags_pid"; wait "$flags_pid" 2>/dev/null
for option in --access-token-lifetime --refresh-grace --code-lifetime; do
  expect_hidden "mock $option not a number" SECRETSECONDS mock "$option" SECRETSECONDS
done


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

# authorize-url: the URL with a signed state (and with --pkce its challenge), then its cookie.
state_secret=cli-test-state-secret-0123456789-abcdefgh
authorize() { timeout 10 env SLACK_STATE_SECRET="${state_env-$state_secret}" "$cli" authorize-url "$@" >"$work/out" 2>"$work/err"; echo $?; }
got=$(authorize --scope chat:write,commands --redirect-uri https://example.com/cb --pkce --team T0MOCKTEAM)
[ "$got" = 0 ] || fail "authorize-url: exit $got; stderr: $(cat "$work/err")"
[ "$(wc -l <"$work/out")" = 2 ] || fail "authorize-url: not two lines: $(cat "$work/out")"
authorize_url=$(sed -n 1p "$work/out")
case $authorize_url in https://slack.com/oauth/v2/authorize\?*) ;; *) fail "authorize-url: not Slack's URL: $authorize_url" ;; esac
for part in client_id=123.456 scope=chat%3Awrite%2Ccommands redirect_uri=https%3A%2F%2Fexample.com%2Fcb team=T0MOCKTEAM \
            'state=[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*' 'code_challenge=[A-Za-z0-9_-]\{43\}' code_challenge_method=S256; do
  echo "$authorize_url" | grep -q "[?&]$part\(&\|$\)" || fail "authorize-url: no $part in $authorize_url"
done
cookie=$(sed -n 's/^Set-Cookie: \(__Host-slack_oauth_state=[A-Za-z0-9_-]\{43\};.*\)/\1/p' "$work/out")
[ -n "$cookie" ] || fail "authorize-url: no Set-Cookie line: $(cat "$work/out")"
if grep -q -e "$state_secret" "$work/out" "$work/err"; then fail "authorize-url shows the state secret"; fi
got=$(authorize --scope chat:write --redirect-uri https://example.com/cb)
[ "$got" = 0 ] && ! grep -q code_challenge "$work/out" || fail "authorize-url without --pkce: exit $got, $(cat "$work/out")"
# Against the mock's authorize endpoint: it redirects with a code and the same state.
got=$(authorize --scope chat:write --redirect-uri https://example.com/cb --authorize-base "$base")
state=$(sed -n '1s/.*[?&]state=\([^&]*\).*/\1/p' "$work/out")
location=$(timeout 10 curl -sS --cacert "$work/ca.pem" -o /dev/null -w '%{redirect_url}' "$(sed -n 1p "$work/out")")
case $location in "https://example.com/cb?code="*"&state=$state") ;; *) fail "mock authorize: $location (state $state)" ;; esac
short=short-STATE-SECRET-1
got=$(state_env=$short authorize --scope chat:write --redirect-uri https://example.com/cb)
[ "$got" = 2 ] || fail "authorize-url short secret: exit $got, wanted 2"
grep -q "at least 32 bytes" "$work/err" || fail "authorize-url short secret: $(cat "$work/err")"
if grep -q -e "$short" "$work/out" "$work/err"; then fail "authorize-url shows a short secret"; fi
got=$(authorize --scope chat:write --redirect-uri https://example.com/cb --state-secret-env CLI_TEST_UNSET_VARIABLE)
[ "$got" = 2 ] && grep -q CLI_TEST_UNSET_VARIABLE "$work/err" || fail "authorize-url unset secret: exit $got, $(cat "$work/err")"
got=$(authorize --redirect-uri https://example.com/cb)
[ "$got" = 2 ] || fail "authorize-url without a scope: exit $got"
got=$(authorize --scope chat:write --redirect-uri https://example.com/cb --authorize-base not-a-url)
[ "$got" = 2 ] || fail "authorize-url bad base: exit $got"

# installations and token on a SQLite file: import a rotating bot pair near its expiry, show it
# masked, token refreshes it, delete it.
db=sqlite:$work/installs.db
store() { timeout 30 "$cli" "$@" >"$work/out" 2>"$work/err"; echo $?; }
expect_store() { # expected, description, command, args...
  local want=$1 what=$2; shift 2
  local got; got=$(store "$@")
  [ "$got" = "$want" ] || fail "$what: exit $got, wanted $want; stderr: $(cat "$work/err")"
}
pair=$(mint tokens kind=bot rotating=true)
export CLI_BOT=$(echo "$pair" | field access_token) CLI_REFRESH=$(echo "$pair" | field refresh_token)
expect_store 0 "import" installations import --team T0MOCKTEAM --token-env CLI_BOT --refresh-token-env CLI_REFRESH \
  --expires-in 60 --scope chat:write --store "$db"
expect_store 0 "show" installations show --team T0MOCKTEAM --store "$db"
expect_out '^team_id: T0MOCKTEAM$' "show"
expect_out "^bot_token: xoxe.xoxb-…${CLI_BOT: -4}$" "show"
expect_out '^bot_refresh_token: set' "show"
expect_out '^bot_expires_at: [0-9-]*T[0-9:]*Z$' "show"
expect_out '^bot_scopes: chat:write$' "show"
expect_out '^bot_revision: [1-9][0-9]*$' "show"
installed_revision=$(sed -n 's/^bot_revision: //p' "$work/out")
if grep -q -e "$CLI_BOT" -e "$CLI_REFRESH" "$work/out" "$work/err"; then fail "show prints a whole token"; fi
token_cmd() { store token --store "$db" --api-url "$url" --cacert "$work/ca.pem" "$@"; }
got=$(token_cmd --team T0MOCKTEAM)
[ "$got" = 0 ] || fail "token (refresh): exit $got; stderr: $(cat "$work/err")"
refreshed=$(cat "$work/out")
[ "$(wc -l <"$work/out")" = 1 ] && [ -n "$refreshed" ] && [ "$refreshed" != "$CLI_BOT" ] ||
  fail "token: not one new token on stdout: $(cat "$work/out")"
SLACK_TOKEN=$refreshed expect_cmd 0 "auth-test of the refreshed token" auth-test
expect_out '"expires_in":' "auth-test of the refreshed token"
if grep -q -e "$refreshed" -e "$CLI_REFRESH" "$work/err"; then fail "token shows a token on stderr"; fi
got=$(token_cmd --team T0MOCKTEAM)
[ "$got" = 0 ] && [ "$(cat "$work/out")" = "$refreshed" ] || fail "token again: exit $got, not the stored token"
expect_store 0 "show after refresh" installations show --team T0MOCKTEAM --store "$db"
expect_out "^bot_revision: $((installed_revision + 1))$" "show after refresh"
got=$(token_cmd --team T0MOCKTEAM --user U0NOBODY)
[ "$got" = 1 ] && grep -q '^error: not_found: ' "$work/err" || fail "token --user without a grant: exit $got"
got=$(token_cmd --team T0NOTHERE)
[ "$got" = 1 ] && grep -q '^error: not_found: ' "$work/err" || fail "token not found: exit $got"
# A long-lived token is printed as stored; an expired one without a refresh token is refused.
export CLI_LEGACY=$(mint tokens kind=bot rotating=false | field access_token)
expect_store 0 "import long-lived" installations import --team T0LEGACY --token-env CLI_LEGACY --store "$db"
got=$(token_cmd --team T0LEGACY)
[ "$got" = 0 ] && [ "$(cat "$work/out")" = "$CLI_LEGACY" ] || fail "token long-lived: exit $got"
expect_store 0 "import expired" installations import --team T0EXPIRED --token-env CLI_LEGACY --expires-in 0 --store "$db"
got=$(token_cmd --team T0EXPIRED)
[ "$got" = 1 ] && grep -q '^error: not_rotating: ' "$work/err" || fail "token not rotating: exit $got; $(cat "$work/err")"
export CLI_BAD_REFRESH=mock-error-invalid_refresh_token
expect_store 0 "import bad refresh" installations import --team T0BADREFRESH --token-env CLI_BOT \
  --refresh-token-env CLI_BAD_REFRESH --expires-in 0 --store "$db"
got=$(token_cmd --team T0BADREFRESH)
[ "$got" = 1 ] && grep -q '^error: invalid_refresh_token: ' "$work/err" || fail "token refresh refused: exit $got; $(cat "$work/err")"
# An error string Slack invented after this library: printed as Slack wrote it, as refresh does.
export CLI_NEW_ERROR=mock-error-brand_new_thing
expect_store 0 "import an unknown refresh error" installations import --team T0NEWERROR --token-env CLI_BOT \
  --refresh-token-env CLI_NEW_ERROR --expires-in 0 --store "$db"
got=$(token_cmd --team T0NEWERROR)
[ "$got" = 1 ] && grep -q '^error: brand_new_thing: ' "$work/err" || fail "token unknown Slack error: exit $got; $(cat "$work/err")"
expect_store 0 "delete T0NEWERROR" installations delete --team T0NEWERROR --store "$db"
got=$(store token --store "$db" --team T0BADREFRESH --api-url https://127.0.0.1:1/api/ --retry none)
[ "$got" = 3 ] || fail "token transport failure: exit $got, wanted 3; $(cat "$work/err")"
if grep -q -e "$CLI_BOT" -e "$secret" "$work/out" "$work/err"; then fail "token error shows a token or the secret"; fi
# list: a header, then every installation in key order, without tokens; the count on stderr
expect_store 0 "list" installations list --store "$db"
[ "$(head -n 1 "$work/out")" = "$(printf 'enterprise\tteam\tkind\tapp\tinstaller\tinstalled_at\tbot_expires_at\tuser_grant\tteam_name')" ] ||
  fail "list: not its header: $(head -n 1 "$work/out")"
[ "$(tail -n +2 "$work/out" | cut -f 2 | tr '\n' ' ')" = "T0BADREFRESH T0EXPIRED T0LEGACY T0MOCKTEAM " ] ||
  fail "list: not the four teams in key order: $(cat "$work/out")"
expect_out "^-$(printf '\t')T0LEGACY$(printf '\t')team$(printf '\t')-$(printf '\t')-$(printf '\t')[0-9-]*T[0-9:]*Z$(printf '\t')never$(printf '\t')no$(printf '\t')-$" "list"
expect_err '^4 installations$' "list"
if grep -q -e "$CLI_BOT" -e "$CLI_REFRESH" -e "$CLI_LEGACY" -e 'xox' "$work/out" "$work/err"; then fail "list shows a token"; fi
expect_store 2 "list with a key" installations list --team T0MOCKTEAM --store "$db"
expect_store 2 "list without --store" installations list
# delete, then show finds nothing
expect_store 0 "delete" installations delete --team T0MOCKTEAM --store "$db"
expect_out '^deleted 1 row$' "delete"
expect_store 1 "show after delete" installations show --team T0MOCKTEAM --store "$db"
expect_err '^error: not_found: ' "show after delete"
expect_store 1 "delete again" installations delete --team T0MOCKTEAM --store "$db"
expect_err '^error: not_found: ' "delete again"
[ -s "$work/out" ] && fail "delete again: printed $(cat "$work/out")"
expect_store 1 "delete a user without a grant" installations delete --team T0LEGACY --user U0NOBODY --store "$db"
# Only import creates a store: the others refuse a missing SQLite file by name, and leave none.
for command in "installations list" "installations show --team T1" "installations delete --team T1" "token --team T1"; do
  # shellcheck disable=SC2086  # the command's words
  expect_store 3 "$command on a missing store" $command --store "sqlite:$work/TYPO.db"
  expect_err "^error: unavailable: no SQLite database at $work/TYPO.db" "$command on a missing store"
  [ -e "$work/TYPO.db" ] && fail "$command on a missing store created it"
  rm -f "$work/TYPO.db"
done
# A stored value with control characters (ESC sequences, DEL, U+009B, a byte that is not UTF-8)
# is written out by show and list, never sent to the terminal.
hostile=$'T0\e]0;owned\a\e[2J\x7f\xc2\x9b\x9bZ'
escaped='T0\x1b]0;owned\x07\x1b[2J\x7f\u009b\x9bZ'
expect_store 0 "import a hostile key" installations import --team "$hostile" --token-env CLI_LEGACY \
  --scope $'chat:write\e[8m' --store "$db"
no_controls() { # what, file
  if LC_ALL=C tr -d '\n\t' <"$2" | LC_ALL=C grep -q -e '[[:cntrl:]]' -e $'\x9b'; then fail "$1 prints a control character"; fi
}
expect_store 0 "show a hostile key" installations show --team "$hostile" --store "$db"
no_controls "show" "$work/out"
grep -qxF "team_id: $escaped" "$work/out" || fail "show: team_id not written out: $(cat -v "$work/out")"
grep -qxF 'bot_scopes: chat:write\x1b[8m' "$work/out" || fail "show: scopes not written out: $(cat -v "$work/out")"
expect_store 0 "list a hostile key" installations list --store "$db"
no_controls "list" "$work/out"
grep -qF "$(printf '\t')$escaped$(printf '\t')team$(printf '\t')" "$work/out" || fail "list: team not written out: $(cat -v "$work/out")"
expect_store 0 "delete a hostile key" installations delete --team "$hostile" --store "$db"
# sealed at rest with --key-env; a wrong or missing key is refused without showing it
export CLI_KEY=$(openssl rand -base64 32)
sealed=sqlite:$work/sealed.db
expect_store 0 "import sealed" installations import --team T0MOCKTEAM --token-env CLI_LEGACY --store "$sealed" --key-env CLI_KEY
expect_store 0 "show sealed" installations show --team T0MOCKTEAM --store "$sealed" --key-env CLI_KEY
if grep -qa -e "$CLI_LEGACY" "$work"/sealed.db*; then fail "the sealed store holds the token in the clear"; fi
expect_store 0 "list sealed" installations list --store "$sealed" --key-env CLI_KEY
expect_err '^1 installation$' "list sealed"
expect_store 1 "list sealed without the key" installations list --store "$sealed"
expect_err '^error: encryption_required: ' "list sealed without the key"
[ -s "$work/out" ] && fail "list sealed without the key: a header but no installations on stdout: $(cat "$work/out")"
expect_store 1 "show sealed without the key" installations show --team T0MOCKTEAM --store "$sealed"
expect_err '^error: encryption_required: ' "show sealed without the key"
export CLI_BAD_KEY=not-a-KEY-value
expect_store 2 "a malformed key" installations show --team T0MOCKTEAM --store "$sealed" --key-env CLI_BAD_KEY
if grep -q -e "$CLI_BAD_KEY" -e "$CLI_KEY" "$work/out" "$work/err"; then fail "a key is shown"; fi
# key rotation: a new key, the old one still read, then reseal moves every token to the new key
export CLI_NEW_KEY=$(openssl rand -base64 32) CLI_OLD_KEYS="$CLI_KEY"
expect_store 1 "show under a new key alone" installations show --team T0MOCKTEAM --store "$sealed" --key-env CLI_NEW_KEY
expect_err '^error: decryption_failed: ' "show under a new key alone"
expect_store 0 "show with the old key as previous" installations show --team T0MOCKTEAM --store "$sealed" \
  --key-env CLI_NEW_KEY --previous-keys-env CLI_OLD_KEYS
expect_store 1 "reseal without the old key" installations reseal --store "$sealed" --key-env CLI_NEW_KEY
expect_err '^error: decryption_failed: ' "reseal without the old key"
expect_store 0 "reseal" installations reseal --store "$sealed" --key-env CLI_NEW_KEY --previous-keys-env CLI_OLD_KEYS
expect_out '^resealed 1 grants of 1 installations under key [0-9a-f]\{16\}$' "reseal"
expect_store 0 "show after reseal" installations show --team T0MOCKTEAM --store "$sealed" --key-env CLI_NEW_KEY
expect_store 1 "show after reseal, old key" installations show --team T0MOCKTEAM --store "$sealed" --key-env CLI_KEY
expect_store 0 "reseal again" installations reseal --store "$sealed" --key-env CLI_NEW_KEY
expect_out '^resealed 0 grants of 1 installations' "reseal again"
# a store written without a key: its tokens are refused under one until resealed with --seal-clear
expect_store 1 "reseal of tokens in the clear" installations reseal --store "$db" --key-env CLI_NEW_KEY
expect_err '^error: encryption_required: ' "reseal of tokens in the clear"
expect_store 0 "reseal --seal-clear" installations reseal --store "$db" --key-env CLI_NEW_KEY --seal-clear
expect_store 0 "show after --seal-clear" installations show --team T0LEGACY --store "$db" --key-env CLI_NEW_KEY
if grep -qa -e "$CLI_LEGACY" "$work"/installs.db*; then fail "reseal --seal-clear left a token in the clear"; fi
expect_store 2 "reseal without --key-env" installations reseal --store "$sealed"
expect_store 2 "reseal of a memory store" installations reseal --store memory: --key-env CLI_KEY
export CLI_BAD_KEYS="$CLI_KEY,not-a-KEY-value"
expect_store 2 "a malformed previous key" installations reseal --store "$sealed" --key-env CLI_NEW_KEY \
  --previous-keys-env CLI_BAD_KEYS
expect_err 'key 2 in CLI_BAD_KEYS is not 32 bytes' "a malformed previous key"
if grep -q -e "$CLI_NEW_KEY" -e "$CLI_KEY" -e "not-a-KEY" "$work/out" "$work/err"; then fail "a key is shown"; fi
# usage
expect_store 2 "installations without an action" installations --store "$db"
expect_err 'wants list, show, delete, import or reseal' "installations without an action"
expect_store 2 "show without --store" installations show --team T0MOCKTEAM
expect_store 2 "show without --team" installations show --store "$db"
expect_store 2 "a bad --store" installations show --team T0MOCKTEAM --store mysql:SECRET-PASSWORD
if grep -q SECRET-PASSWORD "$work/err"; then fail "a bad --store is shown"; fi
expect_store 2 "import without --token-env" installations import --team T0MOCKTEAM --store "$db"
expect_store 2 "import with --user" installations import --team T0MOCKTEAM --user U1 --token-env CLI_BOT --store "$db"
expect_store 2 "token without --store" token --team T0MOCKTEAM
check_help authorize-url authorize_command.cpp 5
check_help installations installations_command.cpp 4
grep -q "^usage: slack-oauth installations list --store" "$work/help" || fail "installations --help does not show list"
check_help token token_command.cpp 5
for command in authorize-url installations token; do
  timeout 10 "$cli" --help | grep -qE "^  $command " || fail "--help does not list $command"
done

[ "$failures" -eq 0 ] && echo "cli: all checks passed"
exit "$failures"
