// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// lifecycle_events over an in-memory store: what each lifecycle event removes, and that forged,
// stale, replayed and malformed requests change nothing. Every run of the io_context has a deadline.
#include "integration/mock_fixture.hpp"

#include <slack/install/lifecycle_events.hpp>
#include <slack/store/memory_store.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <optional>
#include <string>

using namespace slack;
using namespace std::chrono_literals;
namespace install = slack::install;
namespace store = slack::store;
namespace asio = boost::asio;

namespace {

const std::string signing_secret = "signing-secret-for-lifecycle-tests";

std::string now_timestamp(std::chrono::seconds offset = 0s)
{
    const auto now = std::chrono::system_clock::now() + offset;
    return std::to_string(std::chrono::floor<std::chrono::seconds>(now.time_since_epoch()).count());
}

store::installation workspace_install(std::string enterprise, std::string team, std::string user)
{
    store::installation i;
    i.app_id = "A1";
    i.enterprise_id = std::move(enterprise);
    i.team_id = std::move(team);
    i.bot.emplace().token = "xoxb-test-bot";
    i.bot->user_id = "UBOT";
    i.user.emplace().token = "xoxp-test-user";
    i.user->user_id = user;
    i.user_id = std::move(user);
    return i;
}

store::installation org_install(std::string enterprise)
{
    store::installation i = workspace_install(std::move(enterprise), "", "UORG");
    i.is_enterprise_install = true;
    return i;
}

struct lifecycle_fixture {
    lifecycle_fixture() : memory(ioc.get_executor()), events(ioc.get_executor(), memory, signing_secret) {}

    template <class Result, class Start>
    Result once(Start start)
    {
        std::optional<Result> out;
        start([&](Result r) { out.emplace(std::move(r)); });
        slack::test::run_until(
            ioc, [&] { return out.has_value(); }, 10s);
        return std::move(*out);
    }

    void save(store::installation i)
    {
        const auto saved = once<store::store_result<void>>([&](auto h) { memory.save(std::move(i), h); });
        BOOST_REQUIRE(saved.has_value());
    }

    bool has(store::installation_key key)
    {
        const auto found =
            once<store::store_result<std::optional<store::installation>>>([&](auto h) { memory.find(key, h); });
        BOOST_REQUIRE(found.has_value());
        return found->has_value();
    }

    /// `body` as Slack sends it: signed with `secret` at now + `offset`.
    install::lifecycle_result deliver(const std::string& body, std::chrono::seconds offset = 0s,
                                      const std::string& secret = signing_secret)
    {
        const std::string timestamp = now_timestamp(offset);
        return deliver_signed(timestamp, install::sign_request(secret, timestamp, body), body);
    }

    install::lifecycle_result deliver_signed(const std::string& timestamp, const std::string& signature,
                                             const std::string& body)
    {
        return once<install::lifecycle_result>(
            [&](auto h) { events.handle({.timestamp = timestamp, .signature = signature, .body = body}, h); });
    }

    asio::io_context ioc;
    store::memory_store memory;
    install::lifecycle_events events;
};

std::string uninstalled_body(std::string_view team)
{
    return R"({"type":"event_callback","team_id":")" + std::string(team) +
           R"(","api_app_id":"A1","event":{"type":"app_uninstalled"},"event_id":"Ev1","event_time":1})";
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(lifecycle_events_handling, lifecycle_fixture)

BOOST_AUTO_TEST_CASE(app_uninstalled_removes_the_team_and_nothing_else)
{
    save(workspace_install("", "T1", "U1"));
    save(workspace_install("", "T2", "U2"));
    const auto outcome = deliver(uninstalled_body("T1"));
    BOOST_REQUIRE(outcome.has_value());
    BOOST_TEST(std::holds_alternative<install::app_uninstalled_event>(outcome->event));
    BOOST_TEST(outcome->removed == 2u);  // the installation and its user grant
    BOOST_TEST(outcome->response_body.empty());
    BOOST_TEST(!has({"", "T1", ""}));
    BOOST_TEST(has({"", "T2", ""}));
}

BOOST_AUTO_TEST_CASE(an_org_wide_uninstall_removes_the_whole_enterprise)
{
    save(org_install("E1"));
    save(workspace_install("E1", "T3", "U3"));
    save(workspace_install("E2", "T4", "U4"));
    const auto outcome = deliver(
        R"({"type":"event_callback","enterprise_id":"E1","team_id":"T3","is_enterprise_install":true,"event":{"type":"app_uninstalled"}})");
    BOOST_REQUIRE(outcome.has_value());
    BOOST_TEST(outcome->removed == 4u);
    BOOST_TEST(!has({"E1", "", ""}));
    BOOST_TEST(!has({"E1", "T3", ""}));
    BOOST_TEST(has({"E2", "T4", ""}));
}

BOOST_AUTO_TEST_CASE(tokens_revoked_removes_user_grants_and_for_a_bot_the_installation)
{
    save(workspace_install("", "T1", "U1"));
    const auto users = deliver(
        R"({"type":"event_callback","team_id":"T1","event":{"type":"tokens_revoked","tokens":{"oauth":["U1","U9"]}}})");
    BOOST_REQUIRE(users.has_value());
    BOOST_TEST(users->removed == 1u);
    BOOST_TEST(!has({"", "T1", "U1"}));
    BOOST_TEST(has({"", "T1", ""}));  // the bot's installation stays

    const auto bot = deliver(
        R"({"type":"event_callback","team_id":"T1","event":{"type":"tokens_revoked","tokens":{"oauth":[],"bot":["UBOT"]}}})");
    BOOST_REQUIRE(bot.has_value());
    BOOST_TEST(bot->removed == 1u);
    BOOST_TEST(!has({"", "T1", ""}));
}

BOOST_AUTO_TEST_CASE(url_verification_echoes_the_challenge)
{
    const auto outcome = deliver(R"({"token":"t","challenge":"3eZbrw1aBm2rZgRN","type":"url_verification"})");
    BOOST_REQUIRE(outcome.has_value());
    BOOST_TEST(outcome->response_body == "3eZbrw1aBm2rZgRN");
    BOOST_TEST(outcome->removed == 0u);
}

BOOST_AUTO_TEST_CASE(other_events_change_nothing)
{
    save(workspace_install("", "T1", "U1"));
    const auto outcome = deliver(R"({"type":"event_callback","team_id":"T1","event":{"type":"message"}})");
    BOOST_REQUIRE(outcome.has_value());
    BOOST_TEST(std::get<install::other_event>(outcome->event).type == "message");
    BOOST_TEST(outcome->removed == 0u);
    BOOST_TEST(has({"", "T1", ""}));
}

BOOST_AUTO_TEST_CASE(forged_stale_and_unsigned_requests_change_nothing)
{
    save(workspace_install("", "T1", "U1"));
    const std::string body = uninstalled_body("T1");
    BOOST_TEST((deliver(body, 0s, "another-signing-secret").error() == install_errc::signature_mismatch));
    BOOST_TEST((deliver(body, -6min).error() == install_errc::signature_stale));
    BOOST_TEST((deliver(body, 6min).error() == install_errc::signature_stale));
    const std::string timestamp = now_timestamp();
    BOOST_TEST((deliver_signed(timestamp, "", body).error() == install_errc::signature_missing));
    BOOST_TEST((deliver_signed("", install::sign_request(signing_secret, timestamp, body), body).error() ==
                install_errc::signature_missing));
    // A signed body altered on the way.
    BOOST_TEST(
        (deliver_signed(timestamp, install::sign_request(signing_secret, timestamp, body), uninstalled_body("T2"))
             .error() == install_errc::signature_mismatch));
    BOOST_TEST(has({"", "T1", ""}));
    // None of them spent its signature: the genuine request still goes through.
    BOOST_TEST(deliver_signed(timestamp, install::sign_request(signing_secret, timestamp, body), body).has_value());
    BOOST_TEST(!has({"", "T1", ""}));
}

BOOST_AUTO_TEST_CASE(a_replayed_request_changes_nothing)
{
    const std::string body = uninstalled_body("T1");
    const std::string timestamp = now_timestamp();
    const std::string signature = install::sign_request(signing_secret, timestamp, body);
    save(workspace_install("", "T1", "U1"));
    BOOST_TEST(deliver_signed(timestamp, signature, body).has_value());
    save(workspace_install("", "T1", "U1"));  // installed again
    BOOST_TEST((deliver_signed(timestamp, signature, body).error() == install_errc::event_replayed));
    BOOST_TEST(has({"", "T1", ""}));
    // Slack's retry of the same event is signed anew: not a replay.
    BOOST_TEST(deliver(body, 1s).has_value());
    BOOST_TEST(!has({"", "T1", ""}));
}

// A request signed exactly `window` ago is accepted for the rest of that second: a replay in it
// must be refused too (the record outlives it). Done at the start of a second, so both are in it.
BOOST_AUTO_TEST_CASE(a_replay_in_the_windows_last_second_is_refused)
{
    save(workspace_install("", "T1", "U1"));
    slack::test::wait_for_the_start_of_a_second();
    const std::string timestamp = now_timestamp(-install::default_signature_window);
    const std::string body = uninstalled_body("T1");
    const std::string signature = install::sign_request(signing_secret, timestamp, body);
    const auto first = deliver_signed(timestamp, signature, body);
    BOOST_REQUIRE_MESSAGE(first.has_value(), first.error().message());
    BOOST_TEST(first->removed == 2u);
    save(workspace_install("", "T1", "U1"));  // a reinstall, which the captured event must not undo
    const auto replayed = deliver_signed(timestamp, signature, body);
    BOOST_REQUIRE(replayed.has_error());
    BOOST_TEST(replayed.error() == install::install_errc::event_replayed);
    BOOST_TEST(has({"", "T1", ""}));
}

BOOST_AUTO_TEST_CASE(a_signed_malformed_body_changes_nothing)
{
    save(workspace_install("", "T1", "U1"));
    BOOST_TEST((deliver(R"({"type":"event_callback","event":{"type":"app_uninstalled"}})").error() ==
                install_errc::event_malformed));
    BOOST_TEST((deliver("not json").error() == install_errc::event_malformed));
    BOOST_TEST(has({"", "T1", ""}));
}

BOOST_AUTO_TEST_CASE(braced_requests_in_co_await_and_the_default_token)
{
    save(workspace_install("", "T1", "U1"));
    const std::string body = uninstalled_body("T1");
    const std::string ts = now_timestamp();
    const std::string sig = install::sign_request(signing_secret, ts, body);
    std::optional<install::lifecycle_result> out;
    auto run = [&]() -> asio::awaitable<void> {
        // The header's shape: a braced temporary inside the co_await, the default (deferred) token.
        auto outcome = co_await events.handle({.timestamp = ts, .signature = sig, .body = body});
        out.emplace(std::move(outcome));
    };
    asio::co_spawn(ioc, run(), [](std::exception_ptr e) {
        if (e)
            std::rethrow_exception(e);
    });
    slack::test::run_until(
        ioc, [&] { return out.has_value(); }, 10s);
    BOOST_REQUIRE(out->has_value());
    BOOST_TEST((*out)->removed == 2u);
}

BOOST_AUTO_TEST_CASE(cancelled_before_a_removal_removes_nothing)
{
    save(workspace_install("", "T1", "U1"));
    const std::string body = uninstalled_body("T1");
    const std::string timestamp = now_timestamp();
    const std::string signature = install::sign_request(signing_secret, timestamp, body);
    asio::cancellation_signal cancel;
    std::optional<install::lifecycle_result> out;
    events.handle(
        {.timestamp = timestamp, .signature = signature, .body = body},
        asio::bind_cancellation_slot(cancel.slot(), [&](install::lifecycle_result r) { out.emplace(std::move(r)); }));
    cancel.emit(asio::cancellation_type::terminal);
    slack::test::run_until(
        ioc, [&] { return out.has_value(); }, 10s);
    BOOST_TEST((out->error() == asio::error::operation_aborted));
    BOOST_TEST(has({"", "T1", ""}));
    // The cancellation reaches the coroutine once it runs: its signature may be spent already,
    // but Slack's retry is signed anew.
    BOOST_TEST(deliver(body, 1s).has_value());
    BOOST_TEST(!has({"", "T1", ""}));
}

BOOST_AUTO_TEST_CASE(an_empty_signing_secret_is_refused)
{
    BOOST_CHECK_THROW(install::lifecycle_events(ioc.get_executor(), memory, ""), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
