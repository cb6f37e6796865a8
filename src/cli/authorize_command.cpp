// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack-oauth authorize-url: the URL that sends a user to Slack to install the app, with a signed
// state, and the cookie that binds that state to the user's browser.
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"
#include "cli/runner.hpp"

#include <slack/install/authorize_url.hpp>
#include <slack/install/state.hpp>

#include <iostream>
#include <optional>
#include <stdexcept>

namespace slack::cli {

namespace {

constexpr std::string_view authorize_options[] = {
    "--client-id", "--scope", "--user-scope",     "--redirect-uri",
    "--team",      "--pkce",  "--authorize-base", "--state-secret-env",
};

void check_authorize(const call_inputs& in)
{
    if (in.client_id.empty())
        throw usage_error("no client id: pass --client-id or set SLACK_CLIENT_ID");
    if (in.scope.empty() && in.user_scope.empty())
        throw usage_error("--scope or --user-scope is required");
    if (in.redirect_uri.empty())
        throw usage_error("--redirect-uri is required");
    if (!is_variable_name(in.state_secret_env))
        throw usage_error("--state-secret-env wants a variable name");
}

}  // namespace

std::string authorize_url_help()
{
    return "usage: slack-oauth authorize-url --scope SCOPES --redirect-uri URI [options]\n"
           "Prints the URL that sends a user to Slack to install the app (/oauth/v2/authorize), with a\n"
           "signed state (slack::install::state_signer), on the first line; on the second,\n"
           "'Set-Cookie: VALUE', the cookie the web server must set on the response that redirects to\n"
           "that URL (the callback checks the state against it). Nothing else goes to stdout.\n"
           "The state secret is read from the environment, never from a flag, and never printed.\n" +
           describe_inputs(authorize_options) +
           "  SLACK_STATE_SECRET          the state secret (32 bytes or more), unless --state-secret-env names "
           "another\n"
           "Exit status: 0 success, 2 usage (a missing or short state secret, a bad --authorize-base).\n";
}

int run_authorize_url(const std::vector<std::string_view>& args)
{
    call_inputs in;
    try {
        in = read_inputs(args, {.accepted = authorize_options});
        check_authorize(in);
    } catch (const usage_error& e) {
        return report_usage_error("authorize-url", e);
    }
    const std::optional<std::string> secret = environment(in.state_secret_env.c_str());
    if (!secret) {
        std::cerr << "usage error: no state secret: set " << in.state_secret_env << "\n";
        return exit_usage;
    }
    std::optional<install::state_signer> signer;
    try {
        signer.emplace(*secret);
    } catch (const std::invalid_argument&) {  // its message names the problem, but say it our way
        std::cerr << "usage error: the state secret in " << in.state_secret_env
                  << " is too short: it needs at least 32 bytes (e.g. openssl rand -base64 32)\n";
        return exit_usage;
    }
    const install::issued_state issued = signer->issue();
    std::string challenge;
    if (in.pkce)
        challenge = issued.pkce.challenge;
    const install::authorize_params params{.client_id = in.client_id,
                                           .scope = in.scope,
                                           .user_scope = in.user_scope,
                                           .redirect_uri = in.redirect_uri,
                                           .state = issued.state,
                                           .team = in.team,
                                           .code_challenge = challenge};
    std::string url;
    try {
        url = in.authorize_base.empty() ? install::authorize_url(params)
                                        : install::authorize_url(params, in.authorize_base);
    } catch (const std::invalid_argument&) {
        std::cerr << "usage error: --authorize-base wants an absolute http(s) URL without a query\n";
        return exit_usage;
    }
    std::cout << url << "\nSet-Cookie: " << issued.set_cookie << "\n";
    return exit_success;
}

}  // namespace slack::cli
