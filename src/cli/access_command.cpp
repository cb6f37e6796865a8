// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack-oauth access: one oauth.access exchange from the command line.
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "cli/runner.hpp"

#include <slack/web/oauth.hpp>

namespace slack::cli {

namespace {

// What access accepts; its help is written out in main.cpp. No warning for secret flags:
// access predates it and keeps its output.
constexpr std::string_view access_options[] = {
    "--code",    "--client-id",     "--client-secret", "--redirect-uri", "--single-channel",  "--api-url",
    "--cacert",  "--insecure-http", "--credentials",   "--timeout",      "--attempt-timeout", "--retry",
    "--verbose", "--json",          "--human",         "--proxy",        "--rate-limits",
};

}  // namespace

int run_access(const std::vector<std::string_view>& args)
{
    call_inputs in;
    try {
        in = read_inputs(args,
                         {.accepted = access_options, .needs = need_code | need_client, .warn_secret_flags = false});
    } catch (const usage_error& e) {
        return report_usage_error("access", e);
    }
    return run_call(in, [&in](web::client& client, slack::diagnostics& diag) {
        const web::access_params params{.client_id = in.client_id,
                                        .client_secret = in.client_secret,
                                        .code = in.code,
                                        .redirect_uri = in.redirect_uri,
                                        .single_channel = in.single_channel};
        return outcome_after(web::oauth(client).access(params, diag));
    });
}

}  // namespace slack::cli
