// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The commands that run one Slack method each: a table row per command, one parser and one
// runner for all (inputs.cpp, runner.cpp).
#include "cli/call_method.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "cli/runner.hpp"

#include <slack/web/apps.hpp>
#include <slack/web/auth.hpp>
#include <slack/web/oauth.hpp>
#include <slack/web/openid.hpp>

#include <span>

namespace slack::cli {

namespace asio = boost::asio;

namespace {

using awaitable_outcome = asio::awaitable<call_outcome>;

// The params views `in`, which outlives the call.
web::v2_access_params code_grant(const call_inputs& in)
{
    return {.client_id = in.client_id,
            .client_secret = in.client_secret,
            .code = in.code,
            .code_verifier = in.code_verifier,
            .redirect_uri = in.redirect_uri};
}

awaitable_outcome v2_access(web::client& c, const call_inputs& in, slack::diagnostics& diag)
{
    return outcome_after(web::oauth(c).v2_access(code_grant(in), diag));
}

awaitable_outcome v2_refresh(web::client& c, const call_inputs& in, slack::diagnostics& diag)
{
    const web::v2_refresh_params params{
        .client_id = in.client_id, .client_secret = in.client_secret, .refresh_token = in.refresh_token};
    return outcome_after(web::oauth(c).v2_refresh(params, diag));
}

awaitable_outcome v2_user_access(web::client& c, const call_inputs& in, slack::diagnostics& diag)
{
    return outcome_after(web::oauth(c).v2_user_access(code_grant(in), diag));
}

awaitable_outcome v2_exchange(web::client& c, const call_inputs& in, slack::diagnostics& diag)
{
    const web::v2_exchange_params params{
        .client_id = in.client_id, .client_secret = in.client_secret, .token = in.token};
    return outcome_after(web::oauth(c).v2_exchange(params, diag));
}

awaitable_outcome openid_token(web::client& c, const call_inputs& in, slack::diagnostics& diag)
{
    return outcome_after(web::openid(c).token(code_grant(in), diag));
}

awaitable_outcome openid_user_info(web::client& c, const call_inputs& in, slack::diagnostics& diag)
{
    return outcome_after(web::openid(c).user_info({.token = in.token}, diag));
}

awaitable_outcome auth_test(web::client& c, const call_inputs& in, slack::diagnostics& diag)
{
    return outcome_after(web::auth(c).test({.token = in.token}, diag));
}

awaitable_outcome auth_revoke(web::client& c, const call_inputs& in, slack::diagnostics& diag)
{
    return outcome_after(web::auth(c).revoke({.token = in.token, .test = in.test}, diag));
}

awaitable_outcome apps_uninstall(web::client& c, const call_inputs& in, slack::diagnostics& diag)
{
    const web::uninstall_params params{.client_id = in.client_id, .client_secret = in.client_secret, .token = in.token};
    return outcome_after(web::apps(c).uninstall(params, diag));
}

// The options of each kind of command, before the shared ones (shared_options).
constexpr std::string_view code_grant_options[] = {"--code",      "--code-verifier", "--redirect-uri",
                                                   "--client-id", "--client-secret", "--credentials"};
constexpr std::string_view refresh_options[] = {"--refresh-token", "--client-id", "--client-secret", "--credentials"};
// The token goes in the Authorization header, so the app's credentials go as fields: no --credentials.
constexpr std::string_view app_token_options[] = {"--token", "--client-id", "--client-secret"};
constexpr std::string_view token_options[] = {"--token"};
constexpr std::string_view revoke_options[] = {"--token", "--test"};
constexpr std::string_view call_options[] = {"--token", "--json-body", "--idempotent", "--team"};
constexpr std::string_view shared_options[] = {"--api-url",         "--cacert", "--insecure-http", "--timeout",
                                               "--attempt-timeout", "--retry",  "--verbose",       "--json",
                                               "--human",           "--proxy",  "--rate-limits"};

struct method_command {
    std::string_view name;
    std::string_view synopsis;  // what follows the name on the usage line
    std::string_view summary;   // the line in `slack-oauth --help`
    std::string_view description;
    std::span<const std::string_view> options;
    unsigned needs;
    awaitable_outcome (*call)(web::client&, const call_inputs&, slack::diagnostics&);
    void (*check)(call_inputs&) = nullptr;  // usage checks beyond `needs`, and what they prepare
};

constexpr unsigned code_needs = need_code | need_client;

const method_command table[] = {
    {"v2-access", "--code CODE [options]", "exchange an OAuth v2 code for tokens (oauth.v2.access)",
     "Exchanges a code of a Slack app install (or Sign in with Slack) for its tokens; with\n"
     "--code-verifier (PKCE) the client secret may be left out.",
     code_grant_options, code_needs, v2_access},
    {"refresh", "[options]", "refresh a rotating bot or user token (oauth.v2.access)",
     "Trades $SLACK_REFRESH_TOKEN for a new access token and a new refresh token (store both: the\n"
     "old refresh token stops working soon).",
     refresh_options, need_refresh_token | need_client, v2_refresh},
    {"user-access", "--code CODE [options]", "exchange a code for a user token (oauth.v2.user.access)",
     "Exchanges a code minted for oauth.v2.user.access for a user token.", code_grant_options, code_needs,
     v2_user_access},
    {"exchange", "[options]", "trade a long-lived token for a rotating pair (oauth.v2.exchange)",
     "Exchanges the long-lived token in $SLACK_TOKEN for an expiring token and a refresh token (once).",
     app_token_options, need_token | need_client, v2_exchange},
    {"openid-token", "--code CODE [options]", "exchange a Sign in with Slack code (openid.connect.token)",
     "Exchanges a Sign in with Slack code for a user token and an id_token (not verified here).", code_grant_options,
     code_needs, openid_token},
    {"openid-userinfo", "[options]", "the signed-in user's claims (openid.connect.userInfo)",
     "Prints the claims of the user whose openid-token token is in $SLACK_TOKEN.", token_options, need_token,
     openid_user_info},
    {"auth-test", "[options]", "check a token and say whose it is (auth.test)",
     "Checks the token in $SLACK_TOKEN and prints its team, user and bot.", token_options, need_token, auth_test},
    {"revoke", "[--test] [options]", "revoke a token (auth.revoke)",
     "Revokes the token in $SLACK_TOKEN (with --test, only checks that it could be revoked).", revoke_options,
     need_token, auth_revoke},
    {"uninstall", "[options]", "remove the app from the token's workspace (apps.uninstall)",
     "Uninstalls the app from the workspace of the token in $SLACK_TOKEN: every token of that\n"
     "installation is revoked.",
     app_token_options, need_token | need_client, apps_uninstall},
    {"call", "METHOD [key=value | key:=JSON ...] [options]", "call any Web API method and print its answer",
     "Calls METHOD with the key=value pairs as form fields, with $SLACK_TOKEN as the Bearer token if\n"
     "it is set. With --json-body, or any key:=JSON word, the body is a JSON object instead: key=value\n"
     "values are strings, key:=JSON values are parsed (key:=true, key:=3, 'key:=[\"a\"]').\n"
     "With --json @FILE or --json - the body is FILE, or stdin: one JSON object, at most 1 MiB.",
     call_options, take_words, call_method, check_call_words},
};

constexpr const char* exit_help =
    "Exit status: 0 success, 1 Slack answered ok:false, 2 usage, 3 transport, TLS, HTTP or\n"
    "protocol failure, 4 the outcome is unknown (a code or token may have been spent).\n";

std::vector<std::string_view> accepted_options(const method_command& command)
{
    std::vector<std::string_view> accepted(command.options.begin(), command.options.end());
    accepted.insert(accepted.end(), std::begin(shared_options), std::end(shared_options));
    return accepted;
}

std::string help_of(const method_command& command)
{
    return "usage: slack-oauth " + std::string(command.name) + " " + std::string(command.synopsis) + "\n" +
           std::string(command.description) +
           "\nPrints Slack's answer on success: JSON, or key: value lines on a terminal.\n" +
           describe_inputs(accepted_options(command)) + exit_help;
}

int run_method(const method_command& command, const std::vector<std::string_view>& args)
{
    const std::vector<std::string_view> accepted = accepted_options(command);
    call_inputs in;
    try {
        in = read_inputs(args, {.accepted = accepted, .needs = command.needs});
        if (command.check)
            command.check(in);
    } catch (const usage_error& e) {
        return report_usage_error(command.name, e);
    }
    return run_call(in, [&](web::client& client, slack::diagnostics& diag) { return command.call(client, in, diag); });
}

}  // namespace

std::vector<listed_command> method_commands()
{
    std::vector<listed_command> listed;
    for (const method_command& command : table)
        listed.push_back({command.name, command.summary, help_of(command),
                          [&command](const std::vector<std::string_view>& args) { return run_method(command, args); }});
    return listed;
}

}  // namespace slack::cli
