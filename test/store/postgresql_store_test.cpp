// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// What only the PostgreSQL store has, against a real server (scripts/test starts one): list's
// byte order under another collation, nonce pruning, encryption at rest read from the tables,
// the schema, the pool, and failures (a server that is not there, one that does not answer, a
// killed session). What every store does is postgresql_conformance_test.cpp's.
#include "printing.hpp"
#include "store/postgresql/connection.hpp"  // the library's own (src/), for what only a session sees
#include "store/postgresql/operations.hpp"  // list_statement, to EXPLAIN
#include "store/postgresql_fixture.hpp"
#include "store/run.hpp"

#include <slack/store/postgresql_store.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <type_traits>
#include <vector>

namespace asio = boost::asio;
using namespace slack::store;
using slack::store_errc;
using slack::test::postgresql_fixture;
using std::chrono::milliseconds;

namespace {

constexpr auto use = asio::use_awaitable;
// A result<bool> lvalue is moved, never copied: result's explicit constructor from anything a bool
// can be made of wins over its copy constructor for a non-const lvalue, and makes `false`.
// Results are named before a Boost.Test macro checks them: a co_await inside the macro would
// keep its temporaries alive across the suspension, which GCC 12 miscompiles (docs/toolchain.md).

// Times are kept in milliseconds.
time_point at_ms(std::int64_t ms) { return time_point(milliseconds(ms)); }
time_point now_ms()
{
    return at_ms(std::chrono::duration_cast<milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

token_grant bot_grant(std::string token)
{
    token_grant g;
    g.token = std::move(token);
    g.refresh_token = "xoxe-1-bot-refresh";
    g.expires_at = at_ms(1'900'000'000'123);
    g.scopes = "chat:write,channels:read";
    g.bot_id = "B1";
    g.user_id = "UBOT";
    return g;
}

token_grant user_grant(std::string user, std::string token)
{
    token_grant g;
    g.token = std::move(token);
    g.scopes = "search:read";
    g.user_id = std::move(user);
    return g;  // no rotation: no refresh token, no expiry
}

// A workspace install with everything: bot (rotating), user grant, webhook.
installation workspace(std::string enterprise, std::string team)
{
    installation i;
    i.app_id = "A1";
    i.enterprise_id = std::move(enterprise);
    i.enterprise_name = "Grid";
    i.team_id = std::move(team);
    i.team_name = "Team " + i.team_id;
    i.bot = bot_grant("xoxe.xoxb-bot-" + i.team_id);
    i.user_id = "U1";
    i.user = user_grant("U1", "xoxp-user-" + i.team_id);
    i.incoming_webhook = webhook{"https://hooks.example/T", "#general", "C1", "https://example/config"};
    i.installed_at = at_ms(1'700'000'000'456);
    return i;
}

installation_key key(std::string enterprise, std::string team, std::string user = {})
{
    return {std::move(enterprise), std::move(team), std::move(user)};
}

// Token values are compared without printing them.
void check_grant(const token_grant& got, const token_grant& want)
{
    BOOST_CHECK_MESSAGE(got.token == want.token, "the token read back differs");
    BOOST_CHECK_MESSAGE(got.refresh_token == want.refresh_token, "the refresh token read back differs");
    BOOST_TEST((got.expires_at == want.expires_at));
    BOOST_TEST(got.scopes == want.scopes);
    BOOST_TEST(got.user_id == want.user_id);
}

void check_installation(const installation& got, const installation& want)
{
    BOOST_TEST(got.app_id == want.app_id);
    BOOST_TEST(got.enterprise_id == want.enterprise_id);
    BOOST_TEST(got.enterprise_name == want.enterprise_name);
    BOOST_TEST(got.team_id == want.team_id);
    BOOST_TEST(got.team_name == want.team_name);
    BOOST_TEST(got.is_enterprise_install == want.is_enterprise_install);
    BOOST_TEST(got.user_id == want.user_id);
    BOOST_TEST((got.installed_at == want.installed_at));
    BOOST_REQUIRE(got.bot.has_value() == want.bot.has_value());
    if (want.bot) {
        check_grant(*got.bot, *want.bot);
        BOOST_TEST(got.bot->bot_id == want.bot->bot_id);
    }
    BOOST_REQUIRE(got.user.has_value() == want.user.has_value());
    if (want.user)
        check_grant(*got.user, *want.user);
    BOOST_REQUIRE(got.incoming_webhook.has_value() == want.incoming_webhook.has_value());
    if (want.incoming_webhook) {
        BOOST_TEST(got.incoming_webhook->url == want.incoming_webhook->url);
        BOOST_TEST(got.incoming_webhook->channel == want.incoming_webhook->channel);
        BOOST_TEST(got.incoming_webhook->channel_id == want.incoming_webhook->channel_id);
        BOOST_TEST(got.incoming_webhook->configuration_url == want.incoming_webhook->configuration_url);
    }
}

// The value of an operation that must succeed.
template <class T>
asio::awaitable<T> ok(asio::awaitable<store_result<T>> operation)
{
    auto outcome = co_await std::move(operation);
    BOOST_REQUIRE(outcome);
    if constexpr (!std::is_void_v<T>)
        co_return std::move(*outcome);
}

asio::awaitable<void> must_save(installation_store& store, installation i) { co_await ok(store.save(i, use)); }

// The installation under `k`, which must be there.
asio::awaitable<installation> must_find(installation_store& store, installation_key k)
{
    auto found = co_await ok(store.find(k, use));
    BOOST_REQUIRE((found.has_value()));
    co_return std::move(*found);
}

asio::awaitable<void> sleep_for(milliseconds duration)
{
    asio::steady_timer timer(co_await asio::this_coro::executor, duration);
    co_await timer.async_wait(use);
}

slack::store::token_key make_key(char fill) { return token_key::from_base64(std::string(43, fill) + "=").value(); }

// The connections the stores have open to this database (the raw one not counted).
int store_sessions(slack::test::raw_connection& raw)
{
    auto rows = raw.query(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return std::stoi(*rows.at(0).at(0));
}

// Ends every store session on this database and waits until they are gone.
void terminate_store_sessions(slack::test::raw_connection& raw)
{
    raw.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    for (int i = 0; i < 500 && store_sessions(raw) > 0; ++i)
        std::this_thread::sleep_for(milliseconds(10));
    BOOST_REQUIRE_EQUAL(store_sessions(raw), 0);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(postgresql_store_tests)

BOOST_FIXTURE_TEST_CASE(list_is_in_byte_order_whatever_the_collation, postgresql_fixture)
{
    auto store = open();
    auto body = [&]() -> asio::awaitable<void> {
        const std::pair<const char*, const char*> keys[] = {
            {"", "Ta"}, {"", "TB"}, {"", "Tc"}, {"Ea", "T1"}, {"EB", "T1"}};
        for (const auto& [enterprise, team] : keys) {
            const installation i = workspace(enterprise, team);  // named: g++ 12 and owning temporaries in co_await
            co_await must_save(*store, i);
        }
        raw().query(
            "ALTER TABLE slack_installations ALTER COLUMN enterprise_id TYPE text COLLATE \"und-x-icu\", "
            "ALTER COLUMN team_id TYPE text COLLATE \"und-x-icu\"");
        const auto icu = raw().query(
            "SELECT string_agg(enterprise_id || '/' || team_id, ' ' "
            "ORDER BY enterprise_id, team_id) FROM slack_installations");
        BOOST_TEST_REQUIRE(*icu.at(0).at(0) == "/Ta /TB /Tc Ea/T1 EB/T1");  // the columns' own order is not byte order

        std::string listed;
        installation_key after{};
        for (int pages = 0; pages < 10; ++pages) {
            const installation_page page = co_await ok(store->list(after, 2, use));
            for (const installation& i : page.installations)
                listed += i.enterprise_id + "/" + i.team_id + " ";
            if (!page.next)
                break;
            after = *page.next;
        }
        BOOST_TEST(listed == "/TB /Ta /Tc EB/T1 Ea/T1 ");
    };
    slack::test::run(io, body);
}

BOOST_FIXTURE_TEST_CASE(a_nonce_is_used_once_across_clients, postgresql_fixture)
{
    auto a = open();
    auto b = open();
    auto body = [&]() -> asio::awaitable<void> {
        const time_point later = now_ms() + std::chrono::hours(1);
        const auto first = co_await ok(a->consume_nonce("state-1", later, use));
        BOOST_TEST(first);
        const auto replay = co_await ok(b->consume_nonce("state-1", later, use));
        BOOST_TEST(!replay);
        const auto replay_same_client = co_await ok(a->consume_nonce("state-1", later, use));
        BOOST_TEST(!replay_same_client);

        // A record that ran out is gone: the value counts as new (as in memory_store).
        const time_point past = now_ms() - std::chrono::seconds(1);
        const auto expired = co_await ok(a->consume_nonce("state-2", past, use));
        BOOST_TEST(expired);
        const auto expired_again = co_await ok(b->consume_nonce("state-2", later, use));
        BOOST_TEST(expired_again);

        // Expired records of other values are pruned by the next use.
        co_await ok(a->consume_nonce("state-3", past, use));
        co_await ok(b->consume_nonce("state-4", later, use));
        auto left = raw().query("SELECT count(*) FROM slack_nonces WHERE nonce = 'state-3'");
        BOOST_TEST(*left.at(0).at(0) == "0");
        auto kept = raw().query("SELECT count(*) FROM slack_nonces WHERE nonce IN ('state-1', 'state-4')");
        BOOST_TEST(*kept.at(0).at(0) == "2");
    };
    slack::test::run(io, body);
}

BOOST_FIXTURE_TEST_CASE(tokens_are_sealed_at_rest, postgresql_fixture)
{
    auto options = this->options();
    options.encryption_key = make_key('k');
    auto sealed = open(options);
    auto wrong_key_options = this->options();
    wrong_key_options.encryption_key = make_key('w');
    auto wrong_key = open(wrong_key_options);
    auto no_key = open();
    auto body = [&]() -> asio::awaitable<void> {
        const installation team = workspace("E1", "T1");
        co_await must_save(*sealed, team);
        const installation other = workspace("E1", "T2");
        co_await must_save(*sealed, other);

        // No token in the clear in any column.
        auto bot = raw().query("SELECT bot_token, bot_refresh_token FROM slack_installations WHERE team_id = 'T1'");
        auto user = raw().query("SELECT token FROM slack_user_grants WHERE team_id = 'T1'");
        for (const auto* value : {&bot.at(0).at(0), &bot.at(0).at(1), &user.at(0).at(0)}) {
            BOOST_REQUIRE(value->has_value());
            BOOST_CHECK_MESSAGE((*value)->starts_with("sealed:v2:" + make_key('k').id() + ":"),
                                "a token column is not sealed under the key");
            BOOST_CHECK_MESSAGE((*value)->find("xox") == std::string::npos, "a token is stored in the clear");
        }

        const installation_key team_key = key("E1", "T1");
        const installation opened = co_await must_find(*sealed, team_key);
        check_installation(opened, team);

        auto wrong = co_await wrong_key->find(team_key, use);
        BOOST_TEST(wrong.error() == store_errc::decryption_failed);
        auto missing = co_await no_key->find(team_key, use);
        BOOST_TEST(missing.error() == store_errc::encryption_required);

        // A sealed value is bound to its row: copied to another, it does not open.
        raw().query(
            "UPDATE slack_installations SET bot_token = "
            "(SELECT bot_token FROM slack_installations WHERE team_id = 'T1') WHERE team_id = 'T2'");
        const installation_key other_key = key("E1", "T2");
        auto moved = co_await sealed->find(other_key, use);
        BOOST_TEST(moved.error() == store_errc::decryption_failed);
    };
    slack::test::run(io, body);
}

BOOST_FIXTURE_TEST_CASE(two_stores_create_the_schema_at_once, postgresql_fixture)
{
    auto a = open();
    auto b = open();
    int succeeded = 0;
    auto count = [&](store_result<bool> r) { succeeded += r && *r; };
    const time_point later = now_ms() + std::chrono::hours(1);
    a->consume_nonce("a", later, count);
    b->consume_nonce("b", later, count);
    io.run_for(std::chrono::seconds(30));
    BOOST_TEST(succeeded == 2);
    auto versions = raw().query("SELECT version FROM slack_schema_version");
    BOOST_REQUIRE_EQUAL(versions.size(), 1u);
    BOOST_TEST(*versions.at(0).at(0) == "3");
    auto tables = raw().query(
        "SELECT count(*) FROM pg_tables WHERE tablename IN ('slack_installations', "
        "'slack_user_grants', 'slack_refresh_leases', 'slack_nonces', 'slack_schema_version')");
    BOOST_TEST(*tables.at(0).at(0) == "5");
}

// A database a version-1 store made (tables, no byte-order index) is brought to version 2 by the
// next store that opens it, and list's pages then walk that index instead of sorting the table.
BOOST_FIXTURE_TEST_CASE(version_1_is_migrated_and_list_walks_its_index, postgresql_fixture)
{
    auto first = open();
    auto body = [&]() -> asio::awaitable<void> {
        const time_point later = now_ms() + std::chrono::hours(1);
        co_await ok(first->consume_nonce("n", later, use));
        raw().query("DROP INDEX slack_installations_byte_order");
        raw().query("ALTER TABLE slack_installations DROP COLUMN bot_reinstall_reason");
        raw().query("ALTER TABLE slack_user_grants DROP COLUMN reinstall_reason");
        raw().query("UPDATE slack_schema_version SET version = 1");
        auto second = open();
        const installation i = workspace("E1", "T1");
        co_await must_save(*second, i);
        BOOST_TEST(*raw().query("SELECT version FROM slack_schema_version").at(0).at(0) == "3");
        BOOST_TEST(*raw()
                        .query("SELECT count(*) FROM pg_indexes WHERE indexname = 'slack_installations_byte_order'")
                        .at(0)
                        .at(0) == "1");

        // Many rows, and statistics: the planner walks the index for a page rather than sort.
        raw().query(
            "INSERT INTO slack_installations (enterprise_id, team_id) "
            "SELECT '', 'T' || n FROM generate_series(1, 5000) AS n");
        raw().query("ANALYZE slack_installations");
        std::string plan;
        for (const auto& row : raw().query("EXPLAIN " + slack::store::postgresql::list_statement, {"", "T2", "201"}))
            plan += *row.at(0) + "\n";
        BOOST_TEST_INFO("plan:\n" << plan);
        BOOST_TEST(plan.find("slack_installations_byte_order") != std::string::npos);
        BOOST_TEST(plan.find("Sort") == std::string::npos);
    };
    slack::test::run(io, body);
}

// A database version 2 made (rows without reinstall_reason columns) is brought to version 3: its
// rows read as not marked, and a mark is kept.
BOOST_FIXTURE_TEST_CASE(version_2_is_migrated_and_keeps_reinstall_reasons, postgresql_fixture)
{
    auto first = open();
    auto body = [&]() -> asio::awaitable<void> {
        const installation i = workspace("E1", "T1");
        co_await must_save(*first, i);
        raw().query("ALTER TABLE slack_installations DROP COLUMN bot_reinstall_reason");
        raw().query("ALTER TABLE slack_user_grants DROP COLUMN reinstall_reason");
        raw().query("UPDATE slack_schema_version SET version = 2");
        auto second = open();
        const installation_key user_key = key("E1", "T1", "U1");
        auto found = co_await second->find(user_key, use);
        BOOST_TEST_REQUIRE(found.has_value());
        BOOST_TEST_REQUIRE(found->has_value());
        BOOST_TEST((*found)->bot->reinstall_reason == "");
        BOOST_TEST((*found)->user->reinstall_reason == "");
        BOOST_TEST(*raw().query("SELECT version FROM slack_schema_version").at(0).at(0) == "3");
        token_grant marked = *(*found)->bot;
        marked.reinstall_reason = "lost";
        auto replaced = co_await second->replace_grant(user_key, grant_kind::bot, marked.revision, marked, use);
        BOOST_TEST_REQUIRE(replaced.has_value());
        BOOST_TEST(*replaced);
        auto again = co_await second->find(user_key, use);
        BOOST_TEST_REQUIRE(again.has_value());
        BOOST_TEST((*again)->bot->reinstall_reason == "lost");
    };
    slack::test::run(io, body);
}

BOOST_FIXTURE_TEST_CASE(a_schema_from_a_newer_version_is_refused, postgresql_fixture)
{
    auto first = open();
    auto body = [&]() -> asio::awaitable<void> {
        const time_point later = now_ms() + std::chrono::hours(1);
        co_await ok(first->consume_nonce("n", later, use));
        raw().query("UPDATE slack_schema_version SET version = 4");
        auto newer = open();
        auto refused = co_await newer->consume_nonce("m", later, use);
        BOOST_TEST(refused.error() == store_errc::schema_too_new);
        auto version = raw().query("SELECT version FROM slack_schema_version");
        BOOST_TEST(*version.at(0).at(0) == "4");
    };
    slack::test::run(io, body);
}

// A replica already running when a newer one migrates stops at its next check.
BOOST_FIXTURE_TEST_CASE(a_running_store_stops_once_a_newer_version_migrated, postgresql_fixture)
{
    auto checking = this->options();
    checking.schema_check_interval = milliseconds(0);  // before every operation
    auto running = open(checking);
    auto lazy_options = this->options();
    lazy_options.schema_check_interval = std::chrono::hours(1);
    auto lazy = open(lazy_options);
    auto body = [&]() -> asio::awaitable<void> {
        const time_point later = now_ms() + std::chrono::hours(1);
        co_await ok(running->consume_nonce("n", later, use));
        co_await ok(lazy->consume_nonce("m", later, use));
        raw().query("UPDATE slack_schema_version SET version = 4");
        auto refused = co_await running->consume_nonce("o", later, use);
        BOOST_TEST(refused.error() == store_errc::schema_too_new);
        auto again = co_await running->consume_nonce("p", later, use);
        BOOST_TEST(again.error() == store_errc::schema_too_new);
        auto not_yet = co_await lazy->consume_nonce("q", later, use);  // not before its interval
        BOOST_TEST(not_yet.has_value());
        BOOST_TEST(*raw().query("SELECT version FROM slack_schema_version").at(0).at(0) == "4");
    };
    slack::test::run(io, body);
}

BOOST_FIXTURE_TEST_CASE(more_operations_than_connections_all_complete, postgresql_fixture)
{
    auto options = this->options();
    options.pool_size = 2;
    auto store = open(options);
    constexpr int operations = 40;
    int first_uses = 0;
    int completed = 0;
    const time_point later = now_ms() + std::chrono::hours(1);
    for (int n = 0; n < operations; ++n)
        store->consume_nonce("nonce-" + std::to_string(n), later, [&](store_result<bool> r) {
            ++completed;
            first_uses += r && *r;
        });
    io.run_for(std::chrono::seconds(30));
    BOOST_TEST(completed == operations);
    BOOST_TEST(first_uses == operations);
    BOOST_TEST(store_sessions(raw()) <= 2);
}

BOOST_FIXTURE_TEST_CASE(operations_from_several_threads_share_the_pool, postgresql_fixture)
{
    auto options = this->options();
    options.pool_size = 3;
    auto store = open(options);
    constexpr int operations = 60;
    std::atomic<int> first_uses = 0;
    std::atomic<int> completed = 0;
    const time_point later = now_ms() + std::chrono::hours(1);
    // Started from this thread, completed on whichever thread runs the io_context.
    for (int n = 0; n < operations; ++n)
        store->consume_nonce("nonce-" + std::to_string(n % (operations / 2)), later, [&](store_result<bool> r) {
            first_uses += r && *r;
            ++completed;
        });
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] { io.run_for(std::chrono::seconds(30)); });
    for (auto& t : threads)
        t.join();
    BOOST_TEST(completed.load() == operations);
    BOOST_TEST(first_uses.load() == operations / 2);  // each value twice: one first use, one replay
}

// A connection prepares a statement the first time it runs it and runs it by name after (again
// if the session lost it); with prepare_statements off it prepares nothing. Only the session itself sees its prepared statements.
BOOST_FIXTURE_TEST_CASE(a_connection_prepares_each_statement_once, postgresql_fixture)
{
    namespace pg = slack::store::postgresql;
    auto body = [&]() -> asio::awaitable<void> {
        const auto executor = co_await asio::this_coro::executor;
        const pg::parameters none;
        pg::parameters one;
        one.integer(41);
        for (const bool prepare : {true, false}) {
            BOOST_TEST_CONTEXT("prepare_statements " << prepare)
            {
                pg::connection c(executor);
                const pg::connection_settings settings{conninfo, milliseconds(5000), milliseconds(5000), prepare};
                const auto opened = co_await c.open(settings);
                BOOST_TEST_REQUIRE(!opened);
                const auto deadline = pg::clock::now() + std::chrono::seconds(5);
                for (int run = 0; run < 3; ++run) {
                    auto answer = co_await c.execute("SELECT $1::bigint + 1", one, deadline);
                    BOOST_TEST_REQUIRE(answer.has_value());
                    BOOST_TEST(answer->text(0, 0) == "42");
                }
                // A statement the server refuses is not kept as prepared, and the session goes on.
                auto refused = co_await c.execute("SELECT no_such_column FROM pg_class", none, deadline);
                BOOST_TEST((!refused.has_value() && refused.error() == store_errc::query_failed));
                pg::parameters texts;
                texts.text("SELECT $1::bigint + 1").text("SELECT no_such_column FROM pg_class");
                auto counts = co_await c.execute(
                    "SELECT count(*) FILTER (WHERE statement = $1::text), "
                    "count(*) FILTER (WHERE statement = $2::text) FROM pg_prepared_statements",
                    texts, deadline);
                BOOST_TEST_REQUIRE(counts.has_value());
                BOOST_TEST(counts->text(0, 0) == (prepare ? "1" : "0"));
                BOOST_TEST(counts->text(0, 1) == "0");
                auto again = co_await c.execute("SELECT $1::bigint + 1", one, deadline);
                BOOST_TEST_REQUIRE(again.has_value());
                BOOST_TEST(again->text(0, 0) == "42");

                // The session's prepared statements dropped behind the connection's back (as a
                // pooler's DISCARD ALL would, which also resets statement_timeout): a prepared
                // connection no longer trusts the session and is dropped; the statement did not run.
                auto dropped = co_await c.execute("DISCARD ALL", none, deadline);
                BOOST_TEST_REQUIRE(dropped.has_value());
                auto after_drop = co_await c.execute("SELECT $1::bigint + 1", one, deadline);
                if (prepare) {
                    BOOST_TEST((!after_drop.has_value() && after_drop.error() == store_errc::unavailable));
                    BOOST_TEST(!c.usable());
                } else {
                    BOOST_TEST_REQUIRE(after_drop.has_value());
                    BOOST_TEST(after_drop->text(0, 0) == "42");
                }
            }
        }
    };
    slack::test::run(io, body);
}

// Everything works the same without prepared statements (the conformance suite runs with them).
BOOST_FIXTURE_TEST_CASE(a_store_without_prepared_statements, postgresql_fixture)
{
    auto options = this->options();
    options.prepare_statements = false;
    auto store = open(options);
    auto body = [&]() -> asio::awaitable<void> {
        const installation team = workspace("E1", "T1");
        co_await must_save(*store, team);
        const installation_key team_key = key("E1", "T1");
        const installation found = co_await must_find(*store, team_key);
        check_installation(found, team);
        const installation_key from_start{};
        const installation_page page = co_await ok(store->list(from_start, 10, use));
        BOOST_TEST(page.installations.size() == 1u);
        const auto first = co_await ok(store->consume_nonce("once", now_ms() + std::chrono::hours(1), use));
        BOOST_TEST(first);
    };
    slack::test::run(io, body);
}

namespace {

// The migration's advisory lock (schema.cpp), held by the test's own connection.
constexpr const char* hold_migration_lock = "SELECT pg_advisory_lock(8317129691477536871)";
constexpr const char* release_migration_lock = "SELECT pg_advisory_unlock(8317129691477536871)";

// A store of one connection, whose first statement (the migration's) waits on the advisory lock
// the fixture's raw connection now holds, until release_migration_lock.
std::unique_ptr<installation_store> open_blocked(postgresql_fixture& fixture, milliseconds query_timeout)
{
    auto options = fixture.options();
    options.pool_size = 1;
    options.query_timeout = query_timeout;
    fixture.raw().query(hold_migration_lock);
    return fixture.open(options);
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(queued_operations_and_statements_keep_their_deadline, postgresql_fixture)
{
    auto store = open_blocked(*this, milliseconds(300));
    const time_point later = now_ms() + std::chrono::hours(1);
    std::vector<boost::system::error_code> errors;
    const auto started = std::chrono::steady_clock::now();
    for (const char* nonce : {"waits-on-the-lock", "waits-for-the-connection"})
        store->consume_nonce(
            nonce, later, [&](store_result<bool> r) { errors.push_back(r ? boost::system::error_code() : r.error()); });
    io.run_for(std::chrono::seconds(20));
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_REQUIRE_EQUAL(errors.size(), 2u);
    BOOST_TEST(errors[0] == store_errc::unavailable);
    BOOST_TEST(errors[1] == store_errc::unavailable);
    BOOST_TEST(took < std::chrono::seconds(3));

    raw().query(release_migration_lock);
    auto body = [&]() -> asio::awaitable<void> {
        const auto after = co_await ok(store->consume_nonce("after", later, use));
        BOOST_TEST(after);
    };
    slack::test::run(io, body);
}

// A terminal cancellation ends the wait for a pooled connection (operation_aborted, nothing
// sent); a statement already sent runs to its end.
BOOST_FIXTURE_TEST_CASE(a_cancelled_operation_stops_waiting_for_a_connection, postgresql_fixture)
{
    auto store = open_blocked(*this, milliseconds(3000));  // its first statement holds the only connection
    const time_point later = now_ms() + std::chrono::hours(1);
    asio::cancellation_signal running_signal, queued_signal;
    std::optional<store_result<bool>> running, queued;
    store->consume_nonce("holds-the-connection", later,
                         asio::bind_cancellation_slot(running_signal.slot(),
                                                      [&](store_result<bool> r) { running.emplace(std::move(r)); }));
    store->consume_nonce("waits-for-it", later,
                         asio::bind_cancellation_slot(queued_signal.slot(),
                                                      [&](store_result<bool> r) { queued.emplace(std::move(r)); }));
    io.run_for(milliseconds(300));
    BOOST_TEST_REQUIRE(!running.has_value());
    BOOST_TEST_REQUIRE(!queued.has_value());

    const auto cancelled_at = std::chrono::steady_clock::now();
    running_signal.emit(asio::cancellation_type::terminal);
    queued_signal.emit(asio::cancellation_type::terminal);
    while (!queued && std::chrono::steady_clock::now() - cancelled_at < std::chrono::seconds(5))
        io.run_one_for(milliseconds(100));
    BOOST_TEST_REQUIRE(queued.has_value());
    BOOST_TEST(queued->error() == asio::error::operation_aborted);
    BOOST_TEST((std::chrono::steady_clock::now() - cancelled_at < std::chrono::seconds(1)));
    BOOST_TEST(!running.has_value());  // its statement was sent: it waits for the lock still

    raw().query(release_migration_lock);
    while (!running && std::chrono::steady_clock::now() - cancelled_at < std::chrono::seconds(10))
        io.run_one_for(milliseconds(100));
    BOOST_TEST_REQUIRE(running.has_value());
    BOOST_TEST_REQUIRE(running->has_value());
    BOOST_TEST(**running);
    auto body = [&]() -> asio::awaitable<void> {
        const auto first_use = co_await ok(store->consume_nonce("waits-for-it", later, use));
        BOOST_TEST(first_use);  // the cancelled one consumed nothing
    };
    slack::test::run(io, body);
}

BOOST_FIXTURE_TEST_CASE(a_killed_session_is_replaced_by_the_next_operation, postgresql_fixture)
{
    auto store = open();
    auto body = [&]() -> asio::awaitable<void> {
        const time_point later = now_ms() + std::chrono::hours(1);
        co_await ok(store->consume_nonce("before", later, use));
        BOOST_TEST(store_sessions(raw()) == 1);

        // Idle in the pool when the server ends it: the next operation does not notice.
        terminate_store_sessions(raw());
        const auto after_idle = co_await ok(store->consume_nonce("after-idle", later, use));
        BOOST_TEST(after_idle);

        // Ended in the middle of a statement (blocked here on a row this test holds): that
        // operation fails, and the next opens a new connection.
        slack::test::raw_connection holder(conninfo);
        holder.query("BEGIN");
        holder.query("INSERT INTO slack_nonces (nonce, expires_at) VALUES ('held', 0)");
        std::optional<store_result<bool>> blocked;
        store->consume_nonce("held", later, [&](store_result<bool> r) { blocked = std::move(r); });
        const char* const waiting =
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'";
        for (int i = 0; i < 200 && *raw().query(waiting).at(0).at(0) == "0"; ++i)
            co_await sleep_for(milliseconds(20));
        BOOST_REQUIRE(!blocked);
        raw().query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'");
        for (int i = 0; i < 200 && !blocked; ++i)
            co_await sleep_for(milliseconds(20));
        BOOST_REQUIRE(blocked);
        BOOST_TEST(blocked->error() == store_errc::unavailable);
        holder.query("ROLLBACK");
        const auto next = co_await ok(store->consume_nonce("held", later, use));
        BOOST_TEST(next);
    };
    slack::test::run(io, body);
}

BOOST_AUTO_TEST_CASE(a_server_that_refuses_is_unavailable)
{
    asio::io_context io;
    unsigned short port = 0;
    {
        asio::ip::tcp::acceptor probe(io, {asio::ip::make_address("127.0.0.1"), 0});
        port = probe.local_endpoint().port();
    }  // closed: nothing listens there now
    postgresql_options options;
    options.connection = "host=127.0.0.1 port=" + std::to_string(port) + " dbname=none user=none";
    options.connect_timeout = milliseconds(2000);
    postgresql_store store(io.get_executor(), options);
    std::optional<store_result<bool>> outcome;
    store.consume_nonce("n", now_ms(), [&](store_result<bool> r) { outcome = std::move(r); });
    io.run_for(std::chrono::seconds(10));
    BOOST_REQUIRE(outcome);
    BOOST_TEST(outcome->error() == store_errc::unavailable);
}

BOOST_AUTO_TEST_CASE(a_server_that_never_answers_is_unavailable_after_connect_timeout)
{
    asio::io_context io;
    // Listens, so the kernel completes the handshake, but never reads or answers.
    asio::ip::tcp::acceptor silent(io, {asio::ip::make_address("127.0.0.1"), 0});
    postgresql_options options;
    options.connection =
        "host=127.0.0.1 port=" + std::to_string(silent.local_endpoint().port()) + " dbname=none user=none";
    options.connect_timeout = milliseconds(300);
    postgresql_store store(io.get_executor(), options);
    std::optional<store_result<bool>> outcome;
    const auto started = std::chrono::steady_clock::now();
    store.consume_nonce("n", now_ms(), [&](store_result<bool> r) { outcome = std::move(r); });
    io.run_for(std::chrono::seconds(10));
    const auto took = std::chrono::steady_clock::now() - started;
    BOOST_REQUIRE(outcome);
    BOOST_TEST(outcome->error() == store_errc::unavailable);
    BOOST_TEST(took >= milliseconds(250));
    BOOST_TEST(took < std::chrono::seconds(3));
}

BOOST_AUTO_TEST_CASE(malformed_keys_are_refused_without_a_server)
{
    asio::io_context io;
    postgresql_options options;
    options.connection = "host=127.0.0.1 port=1 dbname=none user=none";
    postgresql_store store(io.get_executor(), options);
    std::vector<boost::system::error_code> errors;
    auto note = [&](auto r) { errors.push_back(r ? boost::system::error_code() : r.error()); };
    installation nameless;  // neither team nor enterprise
    store.save(nameless, note);
    store.find({}, note);
    store.remove({}, note);
    store.remove_all({}, note);
    store.try_lease({}, grant_kind::bot, "a", milliseconds(1000), note);
    io.run_for(std::chrono::seconds(5));
    BOOST_REQUIRE_EQUAL(errors.size(), 5u);
    for (const auto& ec : errors)
        BOOST_TEST(ec == store_errc::invalid_key);
}

BOOST_AUTO_TEST_SUITE_END()
