// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack-oauth token: a valid token of an installation in a store, refreshed first if it is near
// its expiry (slack::install::token_provider). Printing the token is this command's purpose.
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"
#include "cli/runner.hpp"
#include "cli/store_inputs.hpp"
#include "cli/tsv.hpp"

#include <slack/install/token_provider.hpp>

#include <boost/asio/deferred.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>

namespace slack::cli {

namespace asio = boost::asio;

namespace {

constexpr std::string_view client_options[] = {"--client-id",     "--client-secret", "--api-url",         "--cacert",
                                               "--insecure-http", "--timeout",       "--attempt-timeout", "--retry",
                                               "--verbose",       "--proxy",         "--rate-limits"};
// A refresh is one call (bounded by --timeout, 30 s by default) and store operations bounded by
// the store; waiting for another process's refresh is bounded by wait_limit.
constexpr std::chrono::seconds wait_limit{30};
constexpr std::chrono::seconds run_limit{120};

std::vector<std::string_view> token_options()
{
    std::vector<std::string_view> accepted(std::begin(store_options), std::end(store_options));
    accepted.insert(accepted.end(), std::begin(client_options), std::end(client_options));
    return accepted;
}

}  // namespace

std::string token_help()
{
    return "usage: slack-oauth token --team ID --store SPEC [options]\n"
           "Prints a valid token of the installation under the key: the bot's, or with --user that user's.\n"
           "A rotating token with less than 2 hours left is refreshed first (oauth.v2.access, with the\n"
           "app's client id and secret) and the new pair written to the store. The token is all that\n"
           "goes to stdout (one line); errors go to stderr, and never show a token. The store must\n"
           "exist: a missing SQLite file is not created (exit 3, naming it).\n" +
           describe_inputs(token_options()) +
           "  the variable --key-env names\n"
           "Exit status: 0 success, 1 not found, not rotating (expired without a refresh token), the\n"
           "store refused, or Slack refused the refresh (invalid_refresh_token...), 2 usage, 3 transport,\n"
           "TLS, HTTP or protocol failure, or the store cannot be reached, 4 the refresh's outcome is\n"
           "unknown (the refresh token may have been spent; the stored pair is unchanged).\n";
}

// How long the command waits for a new pair the store refused at first.
constexpr std::chrono::seconds pending_write_limit{300};

int run_token(const std::vector<std::string_view>& args)
{
    const std::vector<std::string_view> accepted = token_options();
    asio::io_context ioc;
    call_inputs in;
    store::installation_key key;
    std::unique_ptr<store::installation_store> store;
    try {
        in = read_inputs(args, {.accepted = accepted});
        key = key_of(in);
        store = open_cli_store(ioc.get_executor(), in, store_opening::existing);
    } catch (const usage_error& e) {
        return report_usage_error("token", e);
    } catch (const store_missing& e) {
        return report_store_missing(e);
    }
    std::optional<web::client> client = make_client(ioc.get_executor(), in);
    if (!client)
        return exit_usage;
    install::token_provider tokens(
        *client, *store, {.client_id = in.client_id, .client_secret = in.client_secret, .wait_limit = wait_limit});
    const store::grant_kind kind = key.user_id.empty() ? store::grant_kind::bot : store::grant_kind::user;
    auto work = [&]() -> asio::awaitable<int> {
        // The key is copied in a statement of its own: no temporary with a destructor in the co_await.
        slack::diagnostics diag;  // a refresh's: Slack's exact error string, also one api_errc does not know
        auto fetch = tokens.token(key, kind, diag, asio::deferred);
        auto token = co_await std::move(fetch);
        if (!token)
            co_return report_store_error(token.error(), diag);
        std::cout << printable(*token) << "\n";  // as stored for any real token, which has no control byte
        co_return exit_success;
    };
    const int status = run_to_end(ioc, work, run_limit);
    // A new pair handed out but not yet written (the store failed) dies with this process, and with
    // it the installation: wait for the write, within a bound, and say so if it never happened.
    const auto give_up_at = std::chrono::steady_clock::now() + pending_write_limit;
    while (tokens.stats().pending_writes > 0 && std::chrono::steady_clock::now() < give_up_at) {
        ioc.restart();
        ioc.run_one_until(give_up_at);
    }
    if (tokens.stats().pending_writes > 0) {
        std::cerr << "error: unavailable: a new token pair could not be written to the store within "
                  << pending_write_limit.count() << " s; the installation must be installed again\n";
        return exit_status_for(store_errc::unavailable);
    }
    return status;
}

}  // namespace slack::cli
