// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The token provider against the mock over TLS and an in-memory store: answers from memory,
// one refresh per grant however many callers ask and by whichever key, waiting for another
// process's lease, failures that reach every waiter, pairs that are never dropped, lost answers,
// cancellation and deadlines.
#include "integration/mock_fixture.hpp"

#include <slack/install/token_provider.hpp>
#include <slack/store/memory_store.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <set>

using namespace slack;
using namespace slack::test;
using install::token_provider;
using store::grant_kind;
using token_result = boost::system::result<std::string>;

namespace {

const store::installation_key team_key{.enterprise_id = {}, .team_id = "T0MOCKTEAM", .user_id = {}};

// A memory store whose next `failing_writes` replace_grant calls fail with `unavailable`, as a
// database in a failover would: the rest is the memory store's.
class flaky_store : public store::installation_store {
public:
    explicit flaky_store(asio::any_io_executor executor) : inner(executor), executor_(std::move(executor)) {}
    store::memory_store inner;
    int failing_writes = 0;

    asio::any_io_executor get_executor() const override { return executor_; }

protected:
    void do_save(store::installation i, store::store_handler<void> h) override
    {
        inner.save(std::move(i), std::move(h));
    }
    void do_find(store::installation_key k, store::store_handler<std::optional<store::installation>> h) override
    {
        inner.find(k, std::move(h));
    }
    void do_remove(store::installation_key k, store::store_handler<std::size_t> h) override
    {
        inner.remove(k, std::move(h));
    }
    void do_remove_all(store::installation_key k, store::store_handler<std::size_t> h) override
    {
        inner.remove_all(k, std::move(h));
    }
    void do_list(store::installation_key after, std::size_t limit,
                 store::store_handler<store::installation_page> h) override
    {
        inner.list(after, limit, std::move(h));
    }
    void do_replace_grant(store::installation_key k, grant_kind kind, std::int64_t revision, store::token_grant g,
                          store::store_handler<bool> h) override
    {
        if (failing_writes > 0) {
            --failing_writes;
            asio::post(executor_, [h = std::move(h)]() mutable {
                std::move(h)(store::store_result<bool>(store_errc::unavailable));
            });
            return;
        }
        inner.replace_grant(k, kind, revision, std::move(g), std::move(h));
    }
    void do_try_lease(store::installation_key k, grant_kind kind, std::string owner, std::chrono::milliseconds d,
                      store::store_handler<bool> h) override
    {
        inner.try_lease(k, kind, owner, d, std::move(h));
    }
    void do_release_lease(store::installation_key k, grant_kind kind, std::string owner,
                          store::store_handler<void> h) override
    {
        inner.release_lease(k, kind, owner, std::move(h));
    }
    void do_consume_nonce(std::string nonce, store::time_point expires_at, store::store_handler<bool> h) override
    {
        inner.consume_nonce(nonce, expires_at, std::move(h));
    }

private:
    asio::any_io_executor executor_;
};

// A fixture with a mock (short-lived rotating tokens), a client, a memory store and a provider.
struct provider_fixture : mock_fixture {
    provider_fixture() : client(ioc.get_executor(), tls, options), store(ioc.get_executor()) {}
    explicit provider_fixture(mock::server_options mock_options)
        : mock_fixture(std::move(mock_options)), client(ioc.get_executor(), tls, options), store(ioc.get_executor())
    {
    }

    install::token_provider_options provider_options()
    {
        return {.client_id = server.options().client_id,
                .client_secret = server.options().client_secret,
                .refresh_margin = std::chrono::hours(2),
                .lease_duration = 2s,
                .lease_poll = 20ms,
                .wait_limit = 5s};
    }

    // provider_options() whose events are appended to `events`.
    install::token_provider_options recording_events(std::vector<install::token_event::kind>& events)
    {
        auto o = provider_options();
        o.on_event = [&events](const install::token_event& e) { events.push_back(e.what); };
        return o;
    }

    // Saves an installation whose bot token expires in `left`, minted by the mock: of the mock's
    // team, or with an enterprise id, an org-wide install of that enterprise.
    mock::minted_tokens install_bot(std::chrono::seconds left, const std::string& enterprise = {})
    {
        mock::minted_tokens minted = server.mint_tokens();
        store::installation i;
        i.app_id = "A0MOCKAPP";
        if (enterprise.empty()) {
            i.team_id = "T0MOCKTEAM";
        } else {
            i.enterprise_id = enterprise;
            i.is_enterprise_install = true;
        }
        i.bot = store::token_grant{.token = minted.access_token,
                                   .refresh_token = minted.refresh_token,
                                   .expires_at = std::chrono::system_clock::now() + left,
                                   .scopes = "chat:write",
                                   .bot_id = {},
                                   .user_id = "U0BOT",
                                   .revision = 0};
        save(std::move(i));
        return minted;
    }

    void save(store::installation i)
    {
        std::optional<boost::system::result<void>> saved;
        store.save(std::move(i), [&](boost::system::result<void> r) { saved.emplace(r); });
        run_until([&] { return saved.has_value(); });
        BOOST_REQUIRE(saved->has_value());
    }

    store::installation stored()
    {
        std::optional<store::store_result<std::optional<store::installation>>> found;
        store.find(team_key, [&](auto r) { found.emplace(std::move(r)); });
        run_until([&] { return found.has_value(); });
        BOOST_REQUIRE(found->has_value() && found->value().has_value());
        return *found->value();
    }

    token_result token(token_provider& provider, store::installation_key key = team_key)
    {
        std::optional<token_result> out;
        provider.token(key, grant_kind::bot, [&](token_result r) { out.emplace(std::move(r)); });
        run_until([&] { return out.has_value(); });
        return std::move(*out);
    }

    // `count` callers at once; yields each one's result.
    std::vector<token_result> tokens_at_once(token_provider& provider, std::size_t count)
    {
        std::vector<token_result> out;
        for (std::size_t n = 0; n < count; ++n)
            asio::co_spawn(
                ioc, [&]() -> asio::awaitable<void> { out.push_back(co_await provider.token(team_key)); },
                asio::detached);
        run_until([&] { return out.size() == count; });
        return out;
    }

    token_result token_as(token_provider& provider, const store::installation_key& key, grant_kind kind,
                          slack::diagnostics& diag)
    {
        std::optional<token_result> out;
        provider.token(key, kind, diag, [&](token_result r) { out.emplace(std::move(r)); });
        run_until([&] { return out.has_value(); });
        return std::move(*out);
    }

    // Each key asks at once; yields each one's result.
    std::vector<token_result> keys_at_once(token_provider& provider, const std::vector<store::installation_key>& keys,
                                           grant_kind kind = grant_kind::bot)
    {
        std::vector<token_result> out;
        for (const store::installation_key& key : keys)
            provider.token(key, kind, [&](token_result r) { out.push_back(std::move(r)); });
        run_until([&] { return out.size() == keys.size(); });
        return out;
    }

    void pause(std::chrono::milliseconds duration)
    {
        asio::steady_timer timer(ioc, duration);
        bool done = false;
        timer.async_wait([&](auto) { done = true; });
        run_until([&] { return done; });
    }

    web::client client;
    flaky_store store;
};

mock::server_options refresh_grace(std::chrono::milliseconds grace)
{
    mock::server_options o;
    o.refresh_grace = grace;
    return o;
}

mock::server_options slow_refreshes(std::chrono::milliseconds delay)
{
    mock::server_options o;
    o.refresh_delay = delay;
    return o;
}

struct no_grace_fixture : provider_fixture {
    no_grace_fixture() : provider_fixture(refresh_grace(0ms)) {}
};

struct slow_refresh_fixture : provider_fixture {
    slow_refresh_fixture() : provider_fixture(slow_refreshes(1200ms)) {}
};

}  // namespace

BOOST_AUTO_TEST_SUITE(token_provider_tests)

BOOST_FIXTURE_TEST_CASE(a_valid_token_is_served_from_memory_after_one_read, provider_fixture)
{
    const auto minted = install_bot(std::chrono::hours(12));
    token_provider provider(client, store, provider_options());
    BOOST_TEST(token(provider).value() == minted.access_token);
    BOOST_TEST(token(provider).value() == minted.access_token);
    BOOST_TEST(token(provider).value() == minted.access_token);
    const auto stats = provider.stats();
    BOOST_TEST(stats.store_reads == 1u);
    BOOST_TEST(stats.served_from_memory == 2u);
    BOOST_TEST(stats.refreshes == 0u);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_missing_installation_is_not_found, provider_fixture)
{
    token_provider provider(client, store, provider_options());
    BOOST_TEST(token(provider).error() == store_errc::not_found);
    std::optional<token_result> user;
    provider.token({.enterprise_id = {}, .team_id = "T0MOCKTEAM", .user_id = {}}, grant_kind::user,
                   [&](token_result r) { user.emplace(std::move(r)); });
    run_until([&] { return user.has_value(); });
    BOOST_TEST(user->error() == store_errc::invalid_key);  // a user grant needs a user id
}

BOOST_FIXTURE_TEST_CASE(a_token_near_expiry_is_refreshed_and_stored, provider_fixture)
{
    const auto minted = install_bot(std::chrono::minutes(30));  // inside the 2-hour margin
    const std::int64_t installed = stored().bot->revision;
    token_provider provider(client, store, provider_options());
    const token_result fresh = token(provider);
    BOOST_REQUIRE(fresh.has_value());
    BOOST_TEST(*fresh != minted.access_token);
    BOOST_TEST(server.token_active(*fresh));
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
    const store::installation after = stored();
    BOOST_TEST(after.bot->token == *fresh);
    BOOST_TEST(after.bot->refresh_token != minted.refresh_token);
    BOOST_TEST(after.bot->revision == installed + 1);
    BOOST_TEST(after.bot->user_id == "U0BOT");  // kept from before the refresh
    BOOST_TEST((*after.bot->expires_at > std::chrono::system_clock::now() + std::chrono::hours(11)));
    BOOST_TEST(token(provider).value() == *fresh);  // and now from memory
    BOOST_TEST(provider.stats().refreshes == 1u);
}

BOOST_FIXTURE_TEST_CASE(two_hundred_callers_during_expiry_cause_one_refresh, provider_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));  // already expired
    token_provider provider(client, store, provider_options());
    const auto results = tokens_at_once(provider, 200);
    std::set<std::string> seen;
    for (const auto& r : results) {
        BOOST_REQUIRE(r.has_value());
        seen.insert(*r);
    }
    BOOST_TEST(seen.size() == 1u);
    BOOST_TEST(*seen.begin() != minted.access_token);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
    BOOST_TEST(provider.stats().refreshes == 1u);
    BOOST_TEST(provider.stats().store_reads == 2u);  // once before the lease, once holding it
}

BOOST_FIXTURE_TEST_CASE(a_failed_refresh_reaches_every_waiter_and_never_the_old_token, provider_fixture)
{
    auto minted = install_bot(std::chrono::seconds(-5));
    store::installation broken = stored();
    broken.bot->refresh_token = "xoxe-1-not-a-refresh-token-the-mock-issued";
    save(broken);
    token_provider provider(client, store, provider_options());
    const auto results = tokens_at_once(provider, 50);
    for (const auto& r : results) {
        BOOST_REQUIRE(r.has_error());
        BOOST_TEST(r.error() == api_errc::invalid_refresh_token);
    }
    BOOST_TEST(provider.stats().refreshes == 1u);
    // The next request tries again from the store rather than remembering the failure.
    BOOST_TEST(token(provider).error() == api_errc::invalid_refresh_token);
    BOOST_TEST(provider.stats().refreshes == 2u);
}

BOOST_FIXTURE_TEST_CASE(an_expired_token_without_refresh_token_is_not_rotating, provider_fixture)
{
    store::installation i;
    i.team_id = "T0MOCKTEAM";
    i.bot = store::token_grant{.token = "xoxb-legacy",
                               .refresh_token = {},
                               .expires_at = std::chrono::system_clock::now(),
                               .scopes = {},
                               .bot_id = {},
                               .user_id = {},
                               .revision = 0};
    save(i);
    token_provider provider(client, store, provider_options());
    BOOST_TEST(token(provider).error() == store_errc::not_rotating);
    i.bot->expires_at.reset();  // a token that does not expire is handed out as it is
    save(i);
    BOOST_TEST(token(provider).value() == "xoxb-legacy");
}

BOOST_FIXTURE_TEST_CASE(a_rotation_by_another_replica_is_read_after_invalidate_without_refreshing, provider_fixture)
{
    install_bot(std::chrono::hours(12));
    token_provider ours(client, store, provider_options());
    token_provider theirs(client, store, provider_options());
    const std::string before = token(ours).value();
    // The other replica rotates: its view of the grant is forced near expiry in the store.
    store::installation i = stored();
    i.bot->expires_at = std::chrono::system_clock::now() + std::chrono::minutes(1);
    save(i);
    const std::string rotated = token(theirs).value();
    BOOST_TEST(rotated != before);
    BOOST_TEST(token(ours).value() == before);  // ours still serves its cached token...
    ours.invalidate(team_key);                  // ...until a call says it is no good
    BOOST_TEST(token(ours).value() == rotated);
    BOOST_TEST(ours.stats().refreshes == 0u);
    BOOST_TEST(ours.stats().store_reads == 2u);
}

BOOST_FIXTURE_TEST_CASE(an_invalidated_token_still_stored_is_refreshed, provider_fixture)
{
    const auto minted = install_bot(std::chrono::hours(12));
    token_provider provider(client, store, provider_options());
    BOOST_TEST(token(provider).value() == minted.access_token);
    provider.invalidate(team_key);  // token_expired from a call: the store has nothing newer
    const std::string fresh = token(provider).value();
    BOOST_TEST(fresh != minted.access_token);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
}

BOOST_FIXTURE_TEST_CASE(a_lease_held_elsewhere_is_waited_for_and_its_result_read, provider_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    // Another process holds the lease and is refreshing.
    std::optional<store::store_result<bool>> leased;
    store.try_lease(team_key, grant_kind::bot, "other-replica", std::chrono::seconds(10),
                    [&](auto r) { leased.emplace(r); });
    run_until([&] { return leased.has_value(); });
    BOOST_REQUIRE(leased->value());

    token_provider provider(client, store, provider_options());
    std::optional<token_result> out;
    provider.token(team_key, grant_kind::bot, [&](token_result r) { out.emplace(std::move(r)); });
    // While it waits, the other process writes its new pair (compare-and-swap) and lets go.
    asio::steady_timer later(ioc, 150ms);
    later.async_wait([&](boost::system::error_code) {
        store::installation i = stored();
        store::token_grant newer = *i.bot;
        newer.token = "xoxe.xoxb-written-by-the-other-replica";
        newer.expires_at = std::chrono::system_clock::now() + std::chrono::hours(12);
        store.replace_grant(team_key, grant_kind::bot, i.bot->revision, newer, [&](auto r) {
            BOOST_TEST(r.value());
            store.release_lease(team_key, grant_kind::bot, "other-replica", [](auto) {});
        });
    });
    run_until([&] { return out.has_value(); });
    BOOST_TEST(out->value() == "xoxe.xoxb-written-by-the-other-replica");
    BOOST_TEST(provider.stats().refreshes == 0u);
    BOOST_TEST(provider.stats().lease_waits > 0u);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_lease_whose_holder_died_is_taken_after_it_expires, provider_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    std::optional<store::store_result<bool>> leased;
    store.try_lease(team_key, grant_kind::bot, "dead-replica", 300ms, [&](auto r) { leased.emplace(r); });
    run_until([&] { return leased.has_value(); });
    BOOST_REQUIRE(leased->value());
    token_provider provider(client, store, provider_options());
    const auto started = std::chrono::steady_clock::now();
    const token_result fresh = token(provider);
    BOOST_REQUIRE(fresh.has_value());
    BOOST_TEST((std::chrono::steady_clock::now() - started >= 250ms));  // it did wait for the lease
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
}

BOOST_FIXTURE_TEST_CASE(a_lease_held_past_the_wait_limit_is_refresh_busy, provider_fixture)
{
    install_bot(std::chrono::seconds(-5));
    std::optional<store::store_result<bool>> leased;
    store.try_lease(team_key, grant_kind::bot, "slow-replica", std::chrono::seconds(30),
                    [&](auto r) { leased.emplace(r); });
    run_until([&] { return leased.has_value(); });
    auto options = provider_options();
    options.wait_limit = 200ms;
    token_provider provider(client, store, options);
    BOOST_TEST(token(provider).error() == store_errc::refresh_busy);
}

// Item 1: a pair Slack issued is never dropped. The write fails (a failover): the callers get the
// new token at once, and the provider keeps writing it until it is stored.
BOOST_FIXTURE_TEST_CASE(a_pair_whose_write_fails_is_handed_out_and_written_later, provider_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    std::vector<install::token_event::kind> events;
    token_provider provider(client, store, recording_events(events));
    store.failing_writes = 2;
    const token_result fresh = token(provider);
    BOOST_REQUIRE(fresh.has_value());
    BOOST_TEST(*fresh != minted.access_token);
    BOOST_TEST(server.token_active(*fresh));
    BOOST_TEST(provider.stats().pending_writes == 1u);
    run_until([&] { return provider.stats().pending_writes == 0; }, 10s);
    const store::installation after = stored();
    BOOST_TEST(after.bot->token == *fresh);
    BOOST_TEST(after.bot->refresh_token != minted.refresh_token);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
    BOOST_TEST(provider.stats().write_retries == 2u);
    BOOST_REQUIRE(events.size() == 2u);
    BOOST_TEST((events[0] == install::token_event::kind::write_failed));
    BOOST_TEST((events[1] == install::token_event::kind::written_late));
    // The lease was held until the write and given back after it: another process can take it now.
    std::optional<store::store_result<bool>> leased;
    store.try_lease(team_key, grant_kind::bot, "another-replica", 1s, [&](auto r) { leased.emplace(r); });
    run_until([&] { return leased.has_value(); });
    BOOST_TEST(leased->value());
}

// Item 2: an org-wide install asked for by three of its workspaces at once is one grant: one refresh.
BOOST_FIXTURE_TEST_CASE(an_org_wide_install_asked_by_three_workspaces_is_refreshed_once, provider_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5), "E0MOCK");
    token_provider provider(client, store, provider_options());
    const std::vector<store::installation_key> keys = {{.enterprise_id = "E0MOCK", .team_id = "T1", .user_id = {}},
                                                       {.enterprise_id = "E0MOCK", .team_id = "T2", .user_id = {}},
                                                       {.enterprise_id = "E0MOCK", .team_id = "T3", .user_id = {}},
                                                       {.enterprise_id = "E0MOCK", .team_id = "T1", .user_id = {}}};
    std::set<std::string> seen;
    for (const token_result& r : keys_at_once(provider, keys)) {
        BOOST_REQUIRE(r.has_value());
        seen.insert(*r);
    }
    BOOST_TEST(seen.size() == 1u);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
    BOOST_TEST(provider.stats().refreshes == 1u);
    // A fourth workspace of the organization is served from the same grant in memory, after one read.
    const store::installation_key t4{.enterprise_id = "E0MOCK", .team_id = "T4", .user_id = {}};
    BOOST_TEST(token(provider, t4).value() == *seen.begin());
}

// Items 2 and 6: a bot token asked with user ids (of users with and without a grant) is the bot's.
BOOST_FIXTURE_TEST_CASE(a_bot_token_asked_with_user_ids_is_one_grant_and_found_for_any_user, provider_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    token_provider provider(client, store, provider_options());
    const std::vector<store::installation_key> keys = {{.enterprise_id = {}, .team_id = "T0MOCKTEAM", .user_id = "U1"},
                                                       {.enterprise_id = {}, .team_id = "T0MOCKTEAM", .user_id = "U2"},
                                                       {.enterprise_id = {}, .team_id = "T0MOCKTEAM", .user_id = {}}};
    std::set<std::string> seen;
    for (const token_result& r : keys_at_once(provider, keys)) {
        BOOST_REQUIRE_MESSAGE(r.has_value(), r.error().message());
        seen.insert(*r);
    }
    BOOST_TEST(seen.size() == 1u);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
}

// Item 3: the answer of a refresh is lost; Slack's grace lets the same refresh token be sent
// once more, which yields a pair that is stored.
BOOST_FIXTURE_TEST_CASE(a_refresh_whose_answer_was_lost_is_sent_once_more, provider_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    std::vector<install::token_event::kind> events;
    token_provider provider(client, store, recording_events(events));
    server.lose_refresh_answers(1);
    const token_result fresh = token(provider);
    BOOST_REQUIRE_MESSAGE(fresh.has_value(), fresh.error().message());
    BOOST_TEST(server.token_active(*fresh));
    BOOST_TEST(server.exchanges(minted.refresh_token) == 2u);
    BOOST_TEST(provider.stats().resends == 1u);
    BOOST_TEST(stored().bot->token == *fresh);
    BOOST_TEST(stored().bot->reinstall_reason.empty());
    BOOST_REQUIRE(events.size() == 2u);
    BOOST_TEST((events[0] == install::token_event::kind::refresh_answer_lost));
    BOOST_TEST((events[1] == install::token_event::kind::refreshed));
}

// Item 3: with no grace, the re-send is refused: the grant is marked, every later token() (in
// this provider and in another replica's) fails at once and sends nothing, until a new install.
BOOST_FIXTURE_TEST_CASE(a_lost_refresh_whose_resend_is_refused_marks_the_grant_for_reinstall, no_grace_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    std::vector<install::token_event::kind> events;
    token_provider provider(client, store, recording_events(events));
    server.lose_refresh_answers(1);
    BOOST_TEST(token(provider).error() == store_errc::reinstall_required);
    BOOST_TEST((token(provider).error() == condition::auth));
    BOOST_TEST(server.exchanges(minted.refresh_token) == 2u);  // the first and its one re-send, never a third
    BOOST_TEST(!stored().bot->reinstall_reason.empty());
    token_provider other_replica(client, store, provider_options());
    BOOST_TEST(token(other_replica).error() == store_errc::reinstall_required);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 2u);
    BOOST_TEST(provider.stats().marked_for_reinstall == 1u);
    BOOST_TEST((std::count(events.begin(), events.end(), install::token_event::kind::marked_for_reinstall) == 1));
    BOOST_TEST((events.back() == install::token_event::kind::reinstall_required));
    // A new install replaces the row: tokens flow again.
    const auto reinstalled = install_bot(std::chrono::hours(12));
    BOOST_TEST(token(provider).value() == reinstalled.access_token);
}

// Item 3: both answers lost: never a third send, the grant is marked.
BOOST_FIXTURE_TEST_CASE(a_refresh_lost_twice_marks_the_grant_without_a_third_send, provider_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    token_provider provider(client, store, provider_options());
    server.lose_refresh_answers(2);
    BOOST_TEST(token(provider).error() == store_errc::reinstall_required);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 2u);
    BOOST_TEST(token(provider).error() == store_errc::reinstall_required);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 2u);
}

// Item 4: a provider destroyed while its token() runs: the operation keeps what it uses alive
// and completes (ASan checks the rest).
BOOST_FIXTURE_TEST_CASE(a_provider_destroyed_while_token_runs_completes_it, provider_fixture)
{
    install_bot(std::chrono::seconds(-5));
    std::optional<token_result> out;
    {
        token_provider provider(client, store, provider_options());
        provider.token(team_key, grant_kind::bot, [&](token_result r) { out.emplace(std::move(r)); });
    }
    run_until([&] { return out.has_value(); });
    BOOST_TEST(out->has_value());
}

// Item 6: invalidate() while a refresh runs is not forgotten when the refresh ends.
BOOST_FIXTURE_TEST_CASE(an_invalidate_during_a_lookup_is_kept, provider_fixture)
{
    const auto minted = install_bot(std::chrono::hours(12));
    token_provider provider(client, store, provider_options());
    BOOST_TEST(token(provider).value() == minted.access_token);
    provider.invalidate(team_key);
    std::optional<token_result> first;
    provider.token(team_key, grant_kind::bot, [&](token_result r) { first.emplace(std::move(r)); });
    provider.invalidate(team_key);  // while that refresh runs: the same token is rejected again
    run_until([&] { return first.has_value(); });
    BOOST_REQUIRE(first->has_value());
    BOOST_TEST(*first != minted.access_token);
    provider.invalidate(team_key);  // the new token is rejected now
    const token_result second = token(provider);
    BOOST_REQUIRE(second.has_value());
    BOOST_TEST(*second != *first);
    BOOST_TEST(provider.stats().refreshes == 2u);
}

// Item 6: keys that find nothing are not remembered, and the cache holds at most its bound.
BOOST_FIXTURE_TEST_CASE(the_cache_is_bounded_and_keeps_no_misses, provider_fixture)
{
    auto o = provider_options();
    o.max_cached_grants = 4;
    token_provider provider(client, store, o);
    for (int n = 0; n < 50; ++n) {
        const std::string team = "TNOBODY" + std::to_string(n);
        const store::installation_key nobody{.enterprise_id = {}, .team_id = team, .user_id = {}};
        BOOST_TEST(token(provider, nobody).error() == store_errc::not_found);
    }
    BOOST_TEST(provider.stats().cached_grants == 0u);
    for (int n = 0; n < 12; ++n) {
        store::installation i;
        i.team_id = "T" + std::to_string(n);
        i.bot = store::token_grant{.token = "xoxb-" + std::to_string(n),
                                   .refresh_token = {},
                                   .expires_at = {},
                                   .scopes = {},
                                   .bot_id = {},
                                   .user_id = {},
                                   .revision = 0};
        save(i);
        const store::installation_key key{.enterprise_id = {}, .team_id = i.team_id, .user_id = {}};
        BOOST_TEST(token(provider, key).value() == i.bot->token);
        BOOST_TEST(provider.stats().cached_grants <= 4u);
    }
}

// Item 7: a refresh slower than the lease renews it: another replica waits instead of minting a second pair.
BOOST_FIXTURE_TEST_CASE(a_slow_refresh_renews_its_lease, slow_refresh_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    auto o = provider_options();
    o.lease_duration = 300ms;
    token_provider first(client, store, o);
    token_provider second(client, store, o);
    std::optional<token_result> a, b;
    first.token(team_key, grant_kind::bot, [&](token_result r) { a.emplace(std::move(r)); });
    run_until([&] { return server.exchanges(minted.refresh_token) == 1; });
    second.token(team_key, grant_kind::bot, [&](token_result r) { b.emplace(std::move(r)); });
    run_until([&] { return a.has_value() && b.has_value(); });
    BOOST_REQUIRE(a->has_value());
    BOOST_REQUIRE(b->has_value());
    BOOST_TEST(**a == **b);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
    BOOST_TEST(second.stats().refreshes == 0u);
}

// The contract: a cancelled caller leaves at once; a caller past options.timeout leaves with
// client_errc::timeout; the refresh goes on and the others get its token.
BOOST_FIXTURE_TEST_CASE(a_caller_may_leave_a_refresh_by_cancellation_or_deadline, slow_refresh_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    auto o = provider_options();
    o.timeout = 400ms;
    token_provider provider(client, store, o);
    asio::cancellation_signal cancel;
    std::optional<token_result> cancelled, timed_out;
    provider.token(team_key, grant_kind::bot, asio::bind_cancellation_slot(cancel.slot(), [&](token_result r) {
                       cancelled.emplace(std::move(r));
                   }));
    provider.token(team_key, grant_kind::bot, [&](token_result r) { timed_out.emplace(std::move(r)); });
    pause(50ms);
    const auto cancelled_at = std::chrono::steady_clock::now();
    cancel.emit(asio::cancellation_type::terminal);
    run_until([&] { return cancelled.has_value(); });
    BOOST_TEST((std::chrono::steady_clock::now() - cancelled_at < 300ms));
    BOOST_TEST(cancelled->error() == asio::error::operation_aborted);
    run_until([&] { return timed_out.has_value(); });
    BOOST_TEST(timed_out->error() == client_errc::timeout);
    // The refresh was not abandoned: its pair is stored, and the next caller gets it from memory.
    run_until([&] { return stored().bot->token != minted.access_token; });
    o.timeout = 10s;
    BOOST_TEST(token(provider).value() == stored().bot->token);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
}

// The contract: Slack's words reach the caller's diagnostics, also an error string this library does not know.
BOOST_FIXTURE_TEST_CASE(slacks_words_on_a_refresh_reach_the_callers_diagnostics, provider_fixture)
{
    install_bot(std::chrono::seconds(-5));
    store::installation broken = stored();
    broken.bot->refresh_token = "mock-error-a_brand_new_refresh_error";
    save(broken);
    token_provider provider(client, store, provider_options());
    slack::diagnostics diag;
    const token_result r = token_as(provider, team_key, grant_kind::bot, diag);
    BOOST_TEST(r.has_error());
    BOOST_TEST(diag.error == "a_brand_new_refresh_error");
    BOOST_TEST(diag.http_status == 200u);
}

// The contract: a refresh ended by an exception (here from the client's event hook, which leaves
// through io_context::run()) still completes its waiters, and frees the grant for the next one.
BOOST_FIXTURE_TEST_CASE(a_refresh_ended_by_an_exception_releases_its_waiters, provider_fixture)
{
    install_bot(std::chrono::seconds(-5));
    web::client_options throwing = options;
    throwing.on_event = [](const web::call_event& e) {
        if (e.what == web::call_event::kind::attempt_started)
            throw std::runtime_error("a hook that throws");
    };
    web::client unlucky(ioc.get_executor(), tls, throwing);
    token_provider provider(unlucky, store, provider_options());
    std::optional<token_result> out;
    provider.token(team_key, grant_kind::bot, [&](token_result r) { out.emplace(std::move(r)); });
    bool thrown = false;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!out && std::chrono::steady_clock::now() < deadline) {
        try {
            ioc.restart();
            ioc.run_one_until(deadline);
        } catch (const std::runtime_error&) {
            thrown = true;
        }
    }
    BOOST_TEST(thrown);
    BOOST_REQUIRE(out.has_value());
    BOOST_TEST(out->error() == asio::error::operation_aborted);
    // The lease of the refresh that died expires (2 s); then another provider refreshes.
    token_provider healthy(client, store, provider_options());
    BOOST_TEST(token(healthy).has_value());
}

// Review: while a pair's write is retried, another key of the same grant is served the new token
// from memory, not sent to refresh again against the lease the write holds.
BOOST_FIXTURE_TEST_CASE(a_pair_waiting_for_its_write_serves_every_key_of_its_grant, provider_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5), "E0MOCK");
    token_provider provider(client, store, provider_options());
    store.failing_writes = 1000;  // no write lands until the end
    const store::installation_key t1{.enterprise_id = "E0MOCK", .team_id = "T1", .user_id = {}};
    const store::installation_key t2{.enterprise_id = "E0MOCK", .team_id = "T2", .user_id = {}};
    const token_result first = token(provider, t1);
    BOOST_REQUIRE(first.has_value());
    BOOST_TEST(provider.stats().pending_writes == 1u);
    BOOST_TEST(token(provider, t2).value() == *first);  // at once: no wait for the lease the write holds
    BOOST_TEST(provider.stats().lease_waits == 0u);
    BOOST_TEST(provider.stats().refreshes == 1u);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
    store.failing_writes = 0;
    run_until([&] { return provider.stats().pending_writes == 0; }, 10s);
}

// Review: a reinstall mark the store refused is retried like a pair, and meanwhile this process
// never sends the lost refresh token a third time.
BOOST_FIXTURE_TEST_CASE(a_mark_the_store_refused_still_stops_a_third_send, no_grace_fixture)
{
    const auto minted = install_bot(std::chrono::seconds(-5));
    token_provider provider(client, store, provider_options());
    server.lose_refresh_answers(1);
    store.failing_writes = 1000;  // the store takes no write for the rest of the test
    BOOST_TEST(token(provider).error() == store_errc::reinstall_required);
    BOOST_TEST(token(provider).error() == store_errc::reinstall_required);
    BOOST_TEST(server.exchanges(minted.refresh_token) == 2u);
    BOOST_TEST(provider.stats().pending_writes == 1u);
    BOOST_TEST(provider.stats().marked_for_reinstall == 0u);
    store.failing_writes = 0;  // the store is back: the mark lands
    run_until([&] { return provider.stats().pending_writes == 0; }, 10s);
    BOOST_TEST(!stored().bot->reinstall_reason.empty());
}

BOOST_AUTO_TEST_SUITE_END()
