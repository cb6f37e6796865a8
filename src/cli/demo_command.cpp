// slack-oauth demo: the mock server in-process and a few exchanges against it, narrated.
#include "cli/commands.hpp"
#include "cli/report.hpp"

#include <slack/mock/server.hpp>
#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>

namespace slack::cli {

namespace asio = boost::asio;

namespace {

std::string redact(std::string_view token) { return std::string(token.substr(0, 5)) + "...(redacted)"; }

asio::awaitable<int> demo(mock::server& server, web::client& client)
{
    web::oauth oauth(client);
    const web::access_params app{.client_id = server.options().client_id,
                                 .client_secret = server.options().client_secret,
                                 .code = {},
                                 .redirect_uri = "https://example.com/slack/oauth",
                                 .single_channel = false};
    int failures = 0;
    slack::diagnostics diag;

    std::cout << "\n1. A user installs the app; Slack redirects with a single-use code. Exchange it:\n";
    web::access_params first = app;
    const std::string code = server.mint_code(app.redirect_uri);
    first.code = code;
    auto r = co_await oauth.access(first, diag);
    if (r) {
        std::cout << "   ok: team " << r->team_name() << " (" << r->team_id() << "), token "
                  << redact(r->access_token()) << ", scopes:";
        for (const std::string_view scope : r->scopes())
            std::cout << " " << scope;
        const auto bot = r->bot();
        std::cout << "\n   bot user " << (bot ? bot->bot_user_id : "-") << ", attempts " << diag.attempts << "\n";
    } else {
        std::cout << "   unexpected " << error_line(r.error(), diag) << "\n";
        ++failures;
    }

    std::cout << "\n2. The same code again: codes are single-use, Slack says code_already_used:\n";
    auto again = co_await oauth.access(first, diag);
    if (!again && again.error() == api_errc::code_already_used) {
        std::cout << "   " << error_line(again.error(), diag) << "\n";
        std::cout << "   condition invalid_request: " << std::boolalpha
                  << (again.error() == condition::invalid_request) << "\n";
    } else {
        std::cout << "   unexpected result\n";
        ++failures;
    }

    std::cout << "\n3. Slack is rate-limiting (HTTP 429, Retry-After: 1): the client waits, then succeeds:\n";
    web::access_params limited = app;
    limited.code = "mock-ratelimit-1-1-demo";
    limited.redirect_uri = {};
    auto waited = co_await oauth.access(limited, diag);
    std::cout << "   " << (waited ? "ok" : error_line(waited.error(), diag)) << " after " << diag.attempts
              << " attempts\n";
    failures += waited ? 0 : 1;

    std::cout << "\n4. The connection drops after Slack processed the code: the client does not send it twice:\n";
    web::access_params dropped = app;
    dropped.code = "mock-close-demo";
    dropped.redirect_uri = {};
    auto lost = co_await oauth.access(dropped, diag);
    if (!lost && lost.error() == client_errc::outcome_unknown) {
        std::cout << "   " << error_line(lost.error(), diag) << "\n";
        std::cout << "   the mock saw " << server.exchanges(dropped.code) << " exchange of that code\n";
    } else {
        std::cout << "   unexpected result\n";
        ++failures;
    }

    std::cout << "\n5. A Slack app today: oauth.v2.access with PKCE as a public client (no secret), token rotation on:\n";
    const web::pkce_pair pkce = web::make_pkce();
    const std::string v2_code = server.mint_code(mock::code_options{.code_challenge = pkce.challenge});
    auto installed = co_await oauth.v2_access(
        {.client_id = server.options().client_id, .code = v2_code, .code_verifier = pkce.verifier}, diag);
    std::string refresh_token;
    if (installed && installed->expires_in()) {
        refresh_token = installed->refresh_token();
        std::cout << "   ok: bot token " << redact(installed->access_token()) << " for team "
                  << installed->team().value_or(web::workspace_ref{}).id << ", expires in "
                  << installed->expires_in()->count() << " s, refresh token " << redact(refresh_token) << "\n";
    } else {
        std::cout << "   unexpected " << (installed ? "answer without expiry" : error_line(installed.error(), diag)) << "\n";
        ++failures;
    }

    std::cout << "\n6. Before it expires, refresh: a new pair; the refresh token sent is single-use:\n";
    auto refreshed = co_await oauth.v2_refresh({.client_id = server.options().client_id,
                                                .client_secret = server.options().client_secret,
                                                .refresh_token = refresh_token},
                                               diag);
    std::string bot_token;
    if (refreshed) {
        bot_token = refreshed->access_token();
        std::cout << "   ok: new token " << redact(bot_token) << ", new refresh token "
                  << redact(refreshed->refresh_token()) << "\n";
    } else {
        std::cout << "   unexpected " << error_line(refreshed.error(), diag) << "\n";
        ++failures;
    }

    std::cout << "\n7. auth.test with the new token (sent as a Bearer header), then any method through client.call():\n";
    auto who = co_await web::auth(client).test({.token = bot_token}, diag);
    const web::form_field fields[] = {{"hello", "world"}};
    auto echoed = co_await client.call("api.test", {.form = fields}, bot_token, diag);
    if (who && echoed) {
        std::cout << "   auth.test: user " << who->user_id() << " on " << who->team() << " (" << who->url() << ")\n";
        std::cout << "   api.test answered " << echoed->body() << "\n";
    } else {
        std::cout << "   unexpected " << error_line(!who ? who.error() : echoed.error(), diag) << "\n";
        ++failures;
    }

    const web::pool_stats stats = client.stats();
    std::cout << "\nThe mock recorded " << server.requests().size() << " requests on "
              << server.connections_accepted() << " connections; the client opened " << stats.connections_opened
              << " and reused them " << stats.connections_reused << " times.\n";
    co_return failures;
}

}  // namespace

int run_demo(const std::vector<std::string_view>&)
{
    asio::io_context ioc;
    mock::server server(ioc.get_executor());
    server.start();
    std::cout << "slack-asio demo: mock Slack API at " << server.api_url() << " (TLS, self-signed CA)\n";

    asio::ssl::context tls = web::make_tls_context();
    tls.add_certificate_authority(asio::buffer(server.ca_certificate_pem()));
    web::client_options options;
    options.api_url = server.api_url();
    options.timeout = std::chrono::seconds(10);
    options.on_event = [](const web::call_event& event) {
        if (event.what != web::call_event::kind::succeeded)
            std::cout << "   [client] " << describe(event) << "\n";
    };
    web::client client(ioc.get_executor(), std::move(tls), options);

    int failures = 1;
    asio::co_spawn(ioc, demo(server, client), [&](std::exception_ptr error, int result) {
        failures = error ? 1 : result;
        server.stop();
    });
    ioc.run();
    std::cout << (failures == 0 ? "\ndemo: all steps behaved as expected\n" : "\ndemo: FAILED\n");
    return failures == 0 ? exit_success : exit_transport;
}

}  // namespace slack::cli
