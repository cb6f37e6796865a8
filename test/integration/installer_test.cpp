// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The installer against the mock over TLS and an in-memory store: the start's URL and cookie, a
// completed install, and each way a callback is refused before the code is spent.
#include "integration/mock_fixture.hpp"

#include <slack/install/installer.hpp>
#include <slack/store/memory_store.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/url/parse.hpp>

using namespace slack;
using namespace slack::test;
using install_result = boost::system::result<store::installation>;

namespace {

const std::string state_secret = "a state secret of at least thirty-two bytes";

struct installer_fixture : mock_fixture {
    installer_fixture()
        : client(ioc.get_executor(), tls, options),
          store(ioc.get_executor()),
          signer(state_secret),
          installs(client, store, signer, installer_options())
    {
    }

    install::installer_options installer_options() const
    {
        return {.client_id = server.options().client_id,
                .client_secret = server.options().client_secret,
                .scope = "chat:write,commands",
                .user_scope = {},
                .redirect_uri = "https://app.example/slack/oauth_redirect",
                .pkce = true,
                .authorize_base = "https://127.0.0.1:" + std::to_string(server.port())};
    }

    // What the browser brings back after approving the attempt `start`: a code minted for the
    // challenge and redirect URI the authorize URL carried, the state, and the cookie.
    struct redirect {
        std::string query, cookie, code;
    };
    redirect approve(const install::install_start& start)
    {
        auto url = boost::urls::parse_uri(start.location).value();
        auto value = [&](std::string_view name) { return std::string((*url.params().find(name)).value); };
        redirect r;
        r.code = server.mint_code(mock::code_options{.method = "oauth.v2.access",
                                                     .redirect_uri = value("redirect_uri"),
                                                     .code_challenge = value("code_challenge"),
                                                     .scope = value("scope"),
                                                     .user_scope = {}});
        r.query = "code=" + r.code + "&state=" + value("state");
        r.cookie = "other=1; " + start.set_cookie.substr(0, start.set_cookie.find(';'));
        return r;
    }

    install_result complete(install::installer& with, std::string_view query, std::string_view cookie)
    {
        std::optional<install_result> out;
        with.complete({.query = query, .cookie_header = cookie}, [&](install_result r) { out.emplace(std::move(r)); });
        run_until([&] { return out.has_value(); });
        return std::move(*out);
    }

    // complete() with diagnostics and a cancellation slot, run until it completes.
    install_result complete(std::string_view query, std::string_view cookie, slack::diagnostics& diag,
                            boost::asio::cancellation_slot slot)
    {
        std::optional<install_result> out;
        installs.complete(
            {.query = query, .cookie_header = cookie}, diag,
            boost::asio::bind_cancellation_slot(slot, [&](install_result r) { out.emplace(std::move(r)); }));
        run_until([&] { return out.has_value(); });
        return std::move(*out);
    }

    // A redirect that brings `code` (a magic word of the mock) with a valid state and cookie.
    redirect with_code(std::string code)
    {
        redirect r = approve(installs.begin());
        r.query = "code=" + code + r.query.substr(r.query.find("&state="));
        r.code = std::move(code);
        return r;
    }

    std::optional<store::installation> stored()
    {
        std::optional<store::store_result<std::optional<store::installation>>> found;
        store.find({.enterprise_id = {}, .team_id = "T0MOCKTEAM", .user_id = {}},
                   [&](auto r) { found.emplace(std::move(r)); });
        run_until([&] { return found.has_value(); });
        return found->value();
    }

    web::client client;
    store::memory_store store;
    install::state_signer signer;
    install::installer installs;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(installer_tests)

BOOST_FIXTURE_TEST_CASE(the_start_sends_a_signed_state_a_cookie_and_a_pkce_challenge, installer_fixture)
{
    const install::install_start start = installs.begin("T0MOCKTEAM");
    auto url = boost::urls::parse_uri(start.location).value();
    BOOST_TEST(url.path() == "/oauth/v2/authorize");
    BOOST_TEST((*url.params().find("client_id")).value == server.options().client_id);
    BOOST_TEST((*url.params().find("scope")).value == "chat:write,commands");
    BOOST_TEST((*url.params().find("team")).value == "T0MOCKTEAM");
    BOOST_TEST((*url.params().find("code_challenge_method")).value == "S256");
    BOOST_TEST(url.params().contains("state"));
    BOOST_TEST(start.set_cookie.find("HttpOnly") != std::string::npos);
    BOOST_TEST(installs.begin().location != start.location);  // a new state each time
}

BOOST_FIXTURE_TEST_CASE(an_approved_attempt_is_exchanged_and_saved, installer_fixture)
{
    const auto back = approve(installs.begin());
    const install_result installed = complete(installs, back.query, back.cookie);
    BOOST_REQUIRE_MESSAGE(installed.has_value(), (installed.has_error() ? installed.error().message() : std::string()));
    BOOST_TEST(installed->team_id == "T0MOCKTEAM");
    BOOST_REQUIRE(installed->bot.has_value());
    BOOST_TEST(server.token_active(installed->bot->token));
    BOOST_TEST(!installed->bot->refresh_token.empty());  // the mock's app rotates tokens
    const auto saved = stored();
    BOOST_REQUIRE(saved.has_value());
    BOOST_TEST(saved->bot->token == installed->bot->token);
    BOOST_TEST(saved->app_id == "A0MOCKAPP");
}

BOOST_FIXTURE_TEST_CASE(a_replayed_callback_is_refused_even_by_another_replica, installer_fixture)
{
    const auto back = approve(installs.begin());
    BOOST_REQUIRE(complete(installs, back.query, back.cookie).has_value());
    install::installer replica(client, store, signer, installer_options());
    BOOST_TEST(complete(replica, back.query, back.cookie).error() == install::install_errc::state_replayed);
    BOOST_TEST(complete(installs, back.query, back.cookie).error() == install::install_errc::state_replayed);
    BOOST_TEST(server.exchanges(back.code) == 1u);
}

// A state is accepted for the whole second its lifetime ends in: the record that it was spent
// must outlive that second. Issued a lifetime ago, at the start of a second, and used twice.
BOOST_FIXTURE_TEST_CASE(a_replay_in_the_states_last_second_is_refused, installer_fixture)
{
    slack::test::wait_for_the_start_of_a_second();
    const install::issued_state old = signer.issue(std::chrono::system_clock::now() - signer.lifetime());
    const std::string redirect_uri = installer_options().redirect_uri;
    const std::string code = server.mint_code(mock::code_options{.method = "oauth.v2.access",
                                                                 .redirect_uri = redirect_uri,
                                                                 .code_challenge = old.pkce.challenge,
                                                                 .scope = "chat:write,commands",
                                                                 .user_scope = {}});
    const std::string query = "code=" + code + "&state=" + old.state;
    const std::string cookie = old.set_cookie.substr(0, old.set_cookie.find(';'));
    const install_result first = complete(installs, query, cookie);
    BOOST_REQUIRE_MESSAGE(first.has_value(), first.error().message());
    BOOST_TEST(complete(installs, query, cookie).error() == install::install_errc::state_replayed);
    BOOST_TEST(server.exchanges(code) == 1u);
}

BOOST_FIXTURE_TEST_CASE(a_callback_from_another_browser_spends_nothing, installer_fixture)
{
    const auto back = approve(installs.begin());
    const auto elsewhere = approve(installs.begin());
    BOOST_TEST(complete(installs, back.query, elsewhere.cookie).error() ==
               install::install_errc::state_browser_mismatch);
    BOOST_TEST(complete(installs, back.query, "").error() == install::install_errc::state_browser_mismatch);
    BOOST_TEST(server.exchanges(back.code) == 0u);
    BOOST_TEST(complete(installs, back.query, back.cookie).has_value());  // the right browser still can
}

// Whoever sees an unspent redirect URL (access logs, history) cannot make its cookie from it.
BOOST_FIXTURE_TEST_CASE(a_cookie_made_from_the_redirect_url_is_refused, installer_fixture)
{
    const auto back = approve(installs.begin());
    const std::string state = back.query.substr(back.query.find("state=") + 6);
    const std::string payload = state.substr(0, state.find('.'));
    const std::string cookie_name(install::default_state_cookie);
    for (const std::string& guess : {payload.substr(payload.size() - 22), payload, state, back.code})
        BOOST_TEST(complete(installs, back.query, cookie_name + "=" + guess).error() ==
                       install::install_errc::state_browser_mismatch,
                   guess);
    BOOST_TEST(server.exchanges(back.code) == 0u);
    BOOST_TEST(complete(installs, back.query, back.cookie).has_value());
}

BOOST_FIXTURE_TEST_CASE(forged_expired_and_missing_states_are_refused_with_their_codes, installer_fixture)
{
    const auto back = approve(installs.begin());
    install::state_signer stranger("another secret, also of thirty-two bytes");
    const auto forged = approve(install::installer(client, store, stranger, installer_options()).begin());
    BOOST_TEST(complete(installs, forged.query, forged.cookie).error() == install::install_errc::state_forged);
    const install::issued_state old = signer.issue(std::chrono::system_clock::now() - std::chrono::minutes(11));
    BOOST_TEST(complete(installs, "code=" + back.code + "&state=" + old.state,
                        old.set_cookie.substr(0, old.set_cookie.find(';')))
                   .error() == install::install_errc::state_expired);
    BOOST_TEST(complete(installs, "code=" + back.code, back.cookie).error() == install::install_errc::state_missing);
    BOOST_TEST(server.exchanges(back.code) == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_declined_install_saves_nothing, installer_fixture)
{
    const install::install_start start = installs.begin();
    auto back = approve(start);
    const std::string state = back.query.substr(back.query.find("state="));
    BOOST_TEST(complete(installs, "error=access_denied&" + state, back.cookie).error() ==
               install::install_errc::access_denied);
    BOOST_TEST(!stored().has_value());
}

BOOST_FIXTURE_TEST_CASE(a_wrong_pkce_verifier_is_slacks_error, installer_fixture)
{
    auto options = installer_options();
    options.pkce = false;  // the start sent no challenge, but the code was minted with one
    install::installer without_pkce(client, store, signer, options);
    const auto back = approve(installs.begin());
    const install_result r = complete(without_pkce, back.query, back.cookie);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST(r.error() == api_errc::invalid_code_verifier);
}

BOOST_FIXTURE_TEST_CASE(an_unknown_slack_error_reaches_the_callers_diagnostics, installer_fixture)
{
    const auto back = with_code("mock-error-brand_new_thing");
    slack::diagnostics diag;
    diag.client_message = "stale";  // cleared when complete() starts
    const install_result r = complete(back.query, back.cookie, diag, {});
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST(r.error() == api_errc::unknown_error);
    BOOST_TEST(diag.error == "brand_new_thing");  // Slack's exact words
    BOOST_TEST(diag.http_status == 200u);
    BOOST_TEST(diag.client_message.empty());
}

// The signal reaches the operation through the client's executor, so the state may be spent by
// then; the code never is.
BOOST_FIXTURE_TEST_CASE(a_cancellation_as_the_callback_starts_sends_nothing, installer_fixture)
{
    const auto back = approve(installs.begin());
    boost::asio::cancellation_signal signal;
    slack::diagnostics diag;
    std::optional<install_result> out;
    installs.complete(
        {.query = back.query, .cookie_header = back.cookie}, diag,
        boost::asio::bind_cancellation_slot(signal.slot(), [&](install_result r) { out.emplace(std::move(r)); }));
    signal.emit(boost::asio::cancellation_type::terminal);
    run_until([&] { return out.has_value(); });
    BOOST_REQUIRE(out->has_error());
    BOOST_TEST(out->error() == boost::asio::error::operation_aborted);
    BOOST_TEST(server.exchanges(back.code) == 0u);
    BOOST_TEST(!stored().has_value());
}

// Slack holds the exchange's answer for 5 s; a terminal cancellation 200 ms in ends complete()
// at once. The request was written, so the code may be spent: outcome_unknown, as the call says.
BOOST_FIXTURE_TEST_CASE(a_cancellation_during_a_slow_exchange_completes_at_once, installer_fixture)
{
    const auto back = with_code("mock-delay-5000");
    boost::asio::cancellation_signal signal;
    boost::asio::steady_timer timer(ioc, 200ms);
    timer.async_wait([&](boost::system::error_code) { signal.emit(boost::asio::cancellation_type::terminal); });
    slack::diagnostics diag;
    const auto started = std::chrono::steady_clock::now();
    const install_result r = complete(back.query, back.cookie, diag, signal.slot());
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_TEST_INFO_SCOPE("took " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((took < 2s));
    BOOST_TEST(r.error() == client_errc::outcome_unknown);
    BOOST_TEST(diag.underlying == boost::asio::error::operation_aborted);
    BOOST_TEST(!stored().has_value());
}

BOOST_AUTO_TEST_SUITE_END()
