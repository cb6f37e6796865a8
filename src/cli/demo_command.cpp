// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack-oauth demo: the mock server in-process and a few exchanges against it, narrated.
#include "cli/commands.hpp"
#include "cli/report.hpp"

#include <slack/mock/server.hpp>
#include <slack/slack.hpp>

#include <slack/install/installer.hpp>
#include <slack/install/lifecycle_events.hpp>
#include <slack/install/sign_in.hpp>
#include <slack/install/request_signature.hpp>
#include <slack/install/token_provider.hpp>
#include <slack/store/memory_store.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/url/parse.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>

namespace slack::cli {

namespace asio = boost::asio;

namespace {

std::string redact(std::string_view token) { return std::string(token.substr(0, 5)) + "...(redacted)"; }

// Step 11: Sign in with Slack: who the user is, from an id_token bound to this browser's state.
asio::awaitable<int> sign_in_flow(mock::server& server, web::client& client, store::installation_store& nonces,
                                  const install::state_signer& signer)
{
    const std::string redirect_uri = "https://app.example/slack/sign_in";
    install::sign_in sign_ins(client, nonces, signer,
                              {.client_id = server.options().client_id,
                               .client_secret = server.options().client_secret,
                               .redirect_uri = redirect_uri});
    std::cout << "\n11. Sign in with Slack: the id_token's claims, its nonce checked against the state's:\n";
    // One attempt as Slack's page answers it (the mock mints the code for the URL's nonce and
    // challenge), and one whose code was minted for another attempt's nonce.
    int failures = 0;
    for (const bool own_nonce : {true, false}) {
        const install::install_start start = sign_ins.begin();
        const auto url = boost::urls::parse_uri(start.location).value();
        const std::string state((*url.params().find("state")).value), nonce((*url.params().find("nonce")).value);
        const std::string challenge((*url.params().find("code_challenge")).value);
        const std::string minted_for = own_nonce ? nonce : "another-nonce";
        const std::string code = server.mint_code(mock::code_options{.method = "openid.connect.token",
                                                                     .redirect_uri = redirect_uri,
                                                                     .code_challenge = challenge,
                                                                     .scope = "openid,email,profile",
                                                                     .user_scope = {},
                                                                     .nonce = minted_for});
        const std::string query = "code=" + code + "&state=" + state;
        const std::string cookie = start.set_cookie.substr(0, start.set_cookie.find(';'));
        auto user = co_await sign_ins.complete({.query = query, .cookie_header = cookie});
        if (own_nonce && user)
            std::cout << "   ok: " << user->claims.user_id << " (" << user->claims.email << ") of "
                      << user->claims.team_name << "; nothing saved\n";
        else if (!own_nonce && !user)
            std::cout << "   a code minted for another attempt's nonce: " << user.error().message() << "\n";
        else
            ++failures;
    }
    co_return failures;
}

// Steps 8-10: the install flow into a store, tokens rotated once for many callers, an uninstall;
// then step 11 on the same store and state secret.
asio::awaitable<int> install_flow(mock::server& server, web::client& client)
{
    int failures = 0;
    const auto executor = co_await asio::this_coro::executor;
    store::memory_store installations(executor);
    const install::state_signer signer("the demo's state secret, shared by every replica");
    const std::string id = server.options().client_id, secret = server.options().client_secret;
    const std::string redirect_uri = "https://app.example/slack/oauth_redirect";
    install::installer installs(
        client, installations, signer,
        {.client_id = id, .client_secret = secret, .scope = "chat:write", .redirect_uri = redirect_uri});

    std::cout
        << "\n8. The install flow: a signed state and its cookie, Slack's redirect, the callback saves the install:\n";
    const install::install_start start = installs.begin();
    const auto url = boost::urls::parse_uri(start.location).value();
    const std::string state((*url.params().find("state")).value);
    std::cout << "   redirect the browser to " << start.location.substr(0, start.location.find('?'))
              << "?client_id=...\n"
              << "   with Set-Cookie: " << start.set_cookie.substr(start.set_cookie.find(';') + 2) << "\n";
    // What Slack's page does once the user approves (the mock mints the code for that challenge).
    const std::string code =
        server.mint_code(mock::code_options{.method = "oauth.v2.access",
                                            .redirect_uri = redirect_uri,
                                            .code_challenge = (*url.params().find("code_challenge")).value,
                                            .scope = "chat:write",
                                            .user_scope = {}});
    const std::string query = "code=" + code + "&state=" + state;
    const std::string cookie = start.set_cookie.substr(0, start.set_cookie.find(';'));
    auto saved = co_await installs.complete({.query = query, .cookie_header = cookie});
    if (saved && saved->bot)
        std::cout << "   ok: installed in " << saved->team_id << ", bot token " << redact(saved->bot->token)
                  << " saved\n";
    else
        ++failures;
    auto replayed = co_await installs.complete({.query = query, .cookie_header = cookie});
    std::cout << "   the same redirect again: "
              << (replayed ? std::string("accepted (unexpected)") : replayed.error().message()) << "\n";
    failures += replayed ? 1 : 0;

    std::cout << "\n9. The token is near expiry and 20 callers want it: one refresh, shared by all:\n";
    if (saved && saved->bot) {
        store::installation soon = *saved;
        soon.bot->expires_at = std::chrono::system_clock::now() + std::chrono::minutes(5);
        auto saving = installations.save(soon);  // its own statement: g++ 12 and owning copies in co_await
        co_await std::move(saving);
    }
    install::token_provider tokens(client, installations, {.client_id = id, .client_secret = secret});
    int served = 0;
    std::string last;
    for (int caller = 0; caller < 20; ++caller)
        asio::co_spawn(
            executor,
            [&]() -> asio::awaitable<void> {
                auto token = co_await tokens.token({.team_id = server.options().team_id});
                served += token ? 1 : 0;
                last = token ? *token : last;
            },
            asio::detached);
    asio::steady_timer pause(executor);
    for (int wait = 0; wait < 200 && served < 20; ++wait) {
        pause.expires_after(std::chrono::milliseconds(10));
        co_await pause.async_wait(asio::as_tuple(asio::deferred));
    }
    std::cout << "   " << served << " callers served, " << tokens.stats().refreshes << " refresh request, new token "
              << redact(last) << "\n";
    failures += served == 20 && tokens.stats().refreshes == 1 ? 0 : 1;

    std::cout
        << "\n10. Slack sends app_uninstalled (signed): the installation is deleted; a forged copy changes nothing:\n";
    const std::string signing_secret = "the demo's signing secret";
    install::lifecycle_events events(executor, installations, signing_secret);
    const std::string body = "{\"type\":\"event_callback\",\"team_id\":\"" + server.options().team_id +
                             "\",\"event\":{\"type\":\"app_uninstalled\"}}";
    const std::string now = std::to_string(
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    const std::string forged_signature = install::sign_request("a guessed secret", now, body);
    auto forged = co_await events.handle({.timestamp = now, .signature = forged_signature, .body = body});
    std::cout << "   forged: " << (forged ? std::string("accepted (unexpected)") : forged.error().message()) << "\n";
    const std::string signature = install::sign_request(signing_secret, now, body);
    auto removed = co_await events.handle({.timestamp = now, .signature = signature, .body = body});
    std::cout << "   signed: "
              << (removed ? std::to_string(removed->removed) + " row(s) deleted" : removed.error().message()) << "\n";
    failures += !forged && removed && removed->removed == 1 ? 0 : 1;
    failures += co_await sign_in_flow(server, client, installations, signer);
    co_return failures;
}

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
        std::cout << "   condition invalid_request: " << std::boolalpha << (again.error() == condition::invalid_request)
                  << "\n";
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

    std::cout
        << "\n5. A Slack app today: oauth.v2.access with PKCE as a public client (no secret), token rotation on:\n";
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
        std::cout << "   unexpected " << (installed ? "answer without expiry" : error_line(installed.error(), diag))
                  << "\n";
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

    std::cout
        << "\n7. auth.test with the new token (sent as a Bearer header), then any method through client.call():\n";
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

    failures += co_await install_flow(server, client);

    const web::pool_stats stats = client.stats();
    std::cout << "\nThe mock recorded " << server.requests().size() << " requests on " << server.connections_accepted()
              << " connections; the client opened " << stats.connections_opened << " and reused them "
              << stats.connections_reused << " times.\n";
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
