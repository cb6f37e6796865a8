// The token provider against the mock over TLS and an in-memory store: answers from memory,
// one refresh however many callers ask, waiting for another process's lease, failures that reach
// every waiter.
#include "integration/mock_fixture.hpp"

#include <slack/install/token_provider.hpp>
#include <slack/store/memory_store.hpp>

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

// A fixture with a mock (short-lived rotating tokens), a client, a memory store and a provider.
struct provider_fixture : mock_fixture {
    provider_fixture() : client(ioc.get_executor(), tls, options), store(ioc.get_executor()) {}

    install::token_provider_options provider_options()
    {
        return {.client_id = server.options().client_id,
                .client_secret = server.options().client_secret,
                .refresh_margin = std::chrono::hours(2),
                .lease_duration = 2s,
                .lease_poll = 20ms,
                .wait_limit = 5s};
    }

    // Saves an installation whose bot token expires in `left`, minted by the mock.
    mock::minted_tokens install_bot(std::chrono::seconds left)
    {
        mock::minted_tokens minted = server.mint_tokens();
        store::installation i;
        i.team_id = "T0MOCKTEAM";
        i.app_id = "A0MOCKAPP";
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
                ioc,
                [&]() -> asio::awaitable<void> { out.push_back(co_await provider.token(team_key)); },
                asio::detached);
        run_until([&] { return out.size() == count; });
        return out;
    }

    web::client client;
    store::memory_store store;
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
    token_provider provider(client, store, provider_options());
    const token_result fresh = token(provider);
    BOOST_REQUIRE(fresh.has_value());
    BOOST_TEST(*fresh != minted.access_token);
    BOOST_TEST(server.token_active(*fresh));
    BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
    const store::installation after = stored();
    BOOST_TEST(after.bot->token == *fresh);
    BOOST_TEST(after.bot->refresh_token != minted.refresh_token);
    BOOST_TEST(after.bot->revision == 2);
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
    i.bot = store::token_grant{.token = "xoxb-legacy", .refresh_token = {}, .expires_at = std::chrono::system_clock::now(),
                               .scopes = {}, .bot_id = {}, .user_id = {}, .revision = 0};
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
    store.try_lease(team_key, grant_kind::bot, "slow-replica", std::chrono::seconds(30), [&](auto r) { leased.emplace(r); });
    run_until([&] { return leased.has_value(); });
    auto options = provider_options();
    options.wait_limit = 200ms;
    token_provider provider(client, store, options);
    BOOST_TEST(token(provider).error() == store_errc::refresh_busy);
}

BOOST_AUTO_TEST_SUITE_END()
