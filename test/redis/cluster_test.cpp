// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The limiter on a Redis Cluster of three nodes (SLACK_TEST_REDIS_CLUSTER3, node 1's URL): keys
// of every node's slots are decided there (MOVED followed), two limiters share a key that lives
// on another node, a slot that moves is followed (ASK during the migration, MOVED after), and an
// endless redirection ends in its own error. The cluster is driven through redis-cli.
#include "redis/cluster.hpp"
#include "redis/redis_fixture.hpp"
#include "store/run.hpp"
#include "web/rate/redis_key.hpp"

#include <slack/web/redis_limiter.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace asio = boost::asio;
namespace web = slack::web;
namespace redis = slack::redis;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

constexpr const char* cluster_variable = "SLACK_TEST_REDIS_CLUSTER3";

boost::test_tools::assertion_result has_cluster(boost::unit_test::test_unit_id)
{
    const char* url = std::getenv(cluster_variable);
    boost::test_tools::assertion_result ok(url && *url);
    if (!ok)
        ok.message() << cluster_variable << " is not set (scripts/test starts a three-node cluster): skipped";
    return ok;
}

// What redis-cli printed for `words` sent to the node at `port`, less the last newline.
std::string cli(unsigned port, const std::string& words)
{
    const std::string line = "redis-cli -h 127.0.0.1 -p " + std::to_string(port) + " " + words + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(line.c_str(), "r"), ::pclose);
    if (!pipe)
        throw std::runtime_error("cannot run redis-cli");
    std::string out;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe.get()))
        out.append(buffer, n);
    if (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

// How many MOVED replies the node at `port` has sent (INFO errorstats).
std::string moved_count(unsigned port)
{
    const auto stats = cli(port, "info errorstats");
    const auto at = stats.find("errorstat_MOVED:count=");
    return at == std::string::npos ? "0" : stats.substr(at + 22, stats.find_first_of("\r\n", at) - at - 22);
}

unsigned port_of(const std::string& url) { return static_cast<unsigned>(std::stoul(url.substr(url.rfind(':') + 1))); }

// The cluster as node 1 sees it: each node's id and port, and which node serves each slot.
struct topology {
    std::map<unsigned, std::string> ids;                                     // port -> node id
    std::vector<unsigned> owner = std::vector<unsigned>(redis::slot_count);  // slot -> port

    explicit topology(unsigned seed)
    {
        std::istringstream lines(cli(seed, "cluster nodes"));
        std::string line;
        while (std::getline(lines, line)) {
            std::istringstream words(line);
            std::string id, address, flags, master, ping, pong, epoch, link, range;
            words >> id >> address >> flags >> master >> ping >> pong >> epoch >> link;
            const unsigned port = static_cast<unsigned>(std::stoul(address.substr(address.rfind(':') + 1)));
            ids[port] = id;
            while (words >> range) {
                if (range.front() == '[')
                    continue;  // a slot in migration, as "[slot->-id]"
                const auto dash = range.find('-');
                const unsigned first = static_cast<unsigned>(std::stoul(range.substr(0, dash)));
                const unsigned last =
                    dash == std::string::npos ? first : static_cast<unsigned>(std::stoul(range.substr(dash + 1)));
                for (unsigned s = first; s <= last; ++s)
                    owner[s] = port;
            }
        }
        BOOST_REQUIRE_MESSAGE(ids.size() == 3u, "expected 3 nodes, got:\n" << cli(seed, "cluster nodes"));
    }
};

std::string fresh_app()
{
    std::random_device entropy;
    return "test" + std::to_string(std::uniform_int_distribution<unsigned long>{}(entropy));
}

struct fixture {
    asio::io_context io;
    std::string url = slack::test::redis_url(cluster_variable);
    unsigned seed = port_of(url);
    std::string app = fresh_app();
    std::vector<web::redis_limiter_event> events;

    std::shared_ptr<web::rate_limiter> open()
    {
        web::rate_limits limits;
        limits.set("test.method", web::rate_pace{6, 1});  // one every ten seconds
        limits.set("test.other", web::rate_pace{6, 1});
        web::redis_limiter_options o;
        o.app = app;
        o.acquire_deadline = 1s;  // a first connection to another node, on a busy machine
        o.on_event = [this](const web::redis_limiter_event& e) { events.push_back(e); };
        auto opened = web::open_limiter(url, io.get_executor(), std::move(limits), std::move(o));
        BOOST_REQUIRE(opened);
        return *opened;
    }

    std::uint16_t slot(const web::rate_key& key) const { return redis::slot_of(web::detail::redis_key(app, key)); }

    // A workspace whose keys are in a slot served by the node at `port`.
    std::string workspace_on(const topology& t, unsigned port) const
    {
        for (int i = 0;; ++i) {
            std::string w = "T" + std::to_string(i);
            if (t.owner[slot({w, "test.method", "", false})] == port)
                return w;
        }
    }

    // Each node's port but the seed's.
    std::vector<unsigned> others(const topology& t) const
    {
        std::vector<unsigned> ports;
        for (const auto& [port, id] : t.ids)
            if (port != seed)
                ports.push_back(port);
        return ports;
    }
};

// A wait as the limiter granted it, within a tenth of a second.
bool waits_about(const web::rate_grant& g, std::chrono::milliseconds expected)
{
    const auto wait = g.send_at - clock_type::now();
    return wait <= expected + 10ms && wait > expected - 100ms;
}

// Whether `later` is to be sent `expected` after `earlier` (within a tenth of a second: each
// grant counts from when its answer came).
bool apart(const web::rate_grant& earlier, const web::rate_grant& later, std::chrono::milliseconds expected)
{
    const auto gap = later.send_at - earlier.send_at;
    return gap <= expected + 100ms && gap > expected - 100ms;
}

std::string keys_list(const std::string& keys)
{
    std::string out;
    std::istringstream in(keys);
    for (std::string k; std::getline(in, k);)
        if (!k.empty())
            out += " '" + k + "'";
    return out;
}

// Moving `slot` from the node at `from` to the node at `to`, as redis-cli --cluster reshard
// does: first IMPORTING and MIGRATING (from then on `from` answers ASK for keys it lacks)...
void begin_move(const topology& t, const std::string& slot, unsigned from, unsigned to)
{
    BOOST_REQUIRE_EQUAL(cli(to, "cluster setslot " + slot + " importing " + t.ids.at(from)), "OK");
    BOOST_REQUIRE_EQUAL(cli(from, "cluster setslot " + slot + " migrating " + t.ids.at(to)), "OK");
}

// ...then MIGRATE of its keys and NODE on every node (from then on `from` answers MOVED).
void finish_move(const topology& t, const std::string& slot, unsigned from, unsigned to)
{
    const auto keys = keys_list(cli(from, "cluster getkeysinslot " + slot + " 100"));
    if (!keys.empty()) {  // NOKEY: they expired meanwhile
        const auto migrated = cli(from, "migrate 127.0.0.1 " + std::to_string(to) + " '' 0 5000 keys" + keys);
        BOOST_REQUIRE_MESSAGE(migrated == "OK" || migrated == "NOKEY", "MIGRATE: " << migrated);
    }
    for (const auto& [port, id] : t.ids)
        BOOST_REQUIRE_EQUAL(cli(port, "cluster setslot " + slot + " node " + t.ids.at(to)), "OK");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(redis_cluster, *boost::unit_test::precondition(has_cluster))

BOOST_FIXTURE_TEST_CASE(decides_for_keys_of_every_node_from_node_one, fixture)
{
    const topology t(seed);
    auto limiter = open();
    std::set<unsigned> nodes_used;
    auto body = [&]() -> asio::awaitable<void> {
        const auto latest = clock_type::now() + 60s;
        for (int i = 0; i < 60; ++i) {
            const std::string workspace = "W" + std::to_string(i);  // rate_key holds views
            const web::rate_key key{workspace, "test.method", "", false};
            nodes_used.insert(t.owner[slot(key)]);
            auto g = co_await limiter->acquire(key, latest, asio::use_awaitable);
            BOOST_REQUIRE(g);
            BOOST_TEST((g->shared && g->reserved), "workspace " << key.workspace);
            BOOST_TEST(waits_about(*g, 0ms));
        }
        limiter.reset();  // its connections end: run() returns
    };
    slack::test::run(io, body, 30s);
    BOOST_TEST(nodes_used.size() == 3u);
    BOOST_TEST(events.empty(), "fell back: " << (events.empty() ? "" : events[0].why.message()));
}

BOOST_FIXTURE_TEST_CASE(two_limiters_share_a_key_of_another_node, fixture)
{
    const topology t(seed);
    const std::string workspace = workspace_on(t, others(t).front());
    const web::rate_key key{workspace, "test.method", "", false};
    auto one = open();
    auto two = open();
    auto body = [&]() -> asio::awaitable<void> {
        const auto latest = clock_type::now() + 60s;
        auto a = co_await one->acquire(key, latest, asio::use_awaitable);
        auto b = co_await two->acquire(key, latest, asio::use_awaitable);
        auto c = co_await one->acquire(key, latest, asio::use_awaitable);
        BOOST_REQUIRE((a && b && c));
        BOOST_TEST((a->shared && b->shared && c->shared));
        BOOST_TEST(waits_about(*a, 0ms));
        BOOST_TEST(waits_about(*b, 10000ms));
        BOOST_TEST(waits_about(*c, 20000ms));
        one.reset();  // their connections end: run() returns
        two.reset();
    };
    slack::test::run(io, body, 30s);
    BOOST_TEST(events.empty(), "fell back: " << (events.empty() ? "" : events[0].why.message()));
}

BOOST_FIXTURE_TEST_CASE(follows_a_slot_that_moves, fixture)
{
    const topology t(seed);
    const auto ports = others(t);
    const unsigned from = ports[0], to = ports[1];
    const std::string workspace = workspace_on(t, from);
    const web::rate_key key{workspace, "test.method", "", false};
    const web::rate_key sibling{workspace, "test.other", "", false};  // same slot, no key yet
    const std::string s = std::to_string(slot(key));
    auto limiter = open();
    auto body = [&]() -> asio::awaitable<void> {
        const auto latest = clock_type::now() + 60s;
        auto first = co_await limiter->acquire(key, latest, asio::use_awaitable);  // learns slot -> from
        BOOST_REQUIRE(first);
        BOOST_TEST((first->shared && waits_about(*first, 0ms)));

        // Mid-migration: `from` sends a key it does not hold on with ASK; `to` takes it after ASKING.
        begin_move(t, s, from, to);
        auto asked = co_await limiter->acquire(sibling, latest, asio::use_awaitable);
        BOOST_REQUIRE(asked);
        BOOST_TEST((asked->shared && asked->reserved && waits_about(*asked, 0ms)));
        BOOST_TEST(cli(to, "cluster countkeysinslot " + s) == "1");    // written on `to`
        BOOST_TEST(cli(from, "cluster countkeysinslot " + s) == "1");  // `key` only

        // Done: the slot and its keys are `to`'s; `from` answers MOVED, and the pace went along.
        finish_move(t, s, from, to);
        auto moved = co_await limiter->acquire(key, latest, asio::use_awaitable);
        BOOST_REQUIRE(moved);
        BOOST_TEST((moved->shared && moved->reserved));
        BOOST_TEST(apart(*first, *moved, 10000ms));
        const auto moved_before = moved_count(from);
        auto again = co_await limiter->acquire(key, latest, asio::use_awaitable);
        BOOST_REQUIRE(again);
        BOOST_TEST(moved_count(from) == moved_before);  // remembered: straight to `to`
        BOOST_TEST((again->shared && apart(*first, *again, 20000ms)));
        limiter.reset();  // its connections end: run() returns
    };
    slack::test::run(io, body, 30s);
    BOOST_TEST(events.empty(), "fell back: " << (events.empty() ? "" : events[0].why.message()));
    begin_move(t, s, to, from);  // as it was, for the next run on this cluster
    finish_move(t, s, to, from);
}

BOOST_FIXTURE_TEST_CASE(an_endless_redirection_ends_in_its_own_error, fixture)
{
    // `from` migrating to a node that does not import: ASK to it, MOVED back, and so on.
    const topology t(seed);
    const auto ports = others(t);
    const unsigned from = ports[0], to = ports[1];
    const std::string workspace = workspace_on(t, from);
    const web::rate_key key{workspace, "test.method", "", false};
    const std::string s = std::to_string(slot(key));
    BOOST_REQUIRE_EQUAL(cli(from, "cluster setslot " + s + " migrating " + t.ids.at(to)), "OK");
    auto limiter = open();
    auto body = [&]() -> asio::awaitable<void> {
        auto g = co_await limiter->acquire(key, clock_type::now() + 60s, asio::use_awaitable);
        BOOST_REQUIRE(g);
        BOOST_TEST(!g->shared);  // the fallback's
        limiter.reset();         // its connections end: run() returns
    };
    slack::test::run(io, body, 30s);
    BOOST_TEST(cli(from, "cluster setslot " + s + " stable") == "OK");
    BOOST_REQUIRE_EQUAL(events.size(), 1u);
    BOOST_TEST((events[0].why == web::redis_errc::too_many_redirections), events[0].why.message());
}

BOOST_AUTO_TEST_CASE(slot_of_agrees_with_redis)
{
    const unsigned seed = port_of(slack::test::redis_url(cluster_variable));
    for (const std::string key : {"slack:rl:{app:T1}:chat.postMessage", "plain", "a{}b", "{}", "x{y}z{w}", "{{a}}"}) {
        const auto theirs = cli(seed, "cluster keyslot '" + key + "'");
        BOOST_TEST(std::to_string(redis::slot_of(key)) == theirs, key);
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(redis_redirection)

BOOST_AUTO_TEST_CASE(reads_moved_and_ask)
{
    auto error = [](std::string text) {
        redis::reply r;
        r.type = redis::reply::kind::error;
        r.text = std::move(text);
        return r;
    };
    const auto moved = redis::redirection_of(error("MOVED 3999 127.0.0.1:6381"));
    BOOST_REQUIRE(moved);
    BOOST_TEST((!moved->ask && moved->slot == 3999 && moved->host == "127.0.0.1" && moved->port == 6381));
    const auto ask = redis::redirection_of(error("ASK 12 ::1:7000"));
    BOOST_REQUIRE(ask);
    BOOST_TEST((ask->ask && ask->slot == 12 && ask->host == "::1" && ask->port == 7000));
    const auto unknown_host = redis::redirection_of(error("MOVED 1 :7001"));
    BOOST_REQUIRE(unknown_host);
    BOOST_TEST((unknown_host->host.empty() && unknown_host->port == 7001));
    for (const char* bad : {"MOVED", "MOVED 16384 h:1", "MOVED x h:1", "ASK 1 h", "ASK 1 h:0", "ASK 1 h:70000",
                            "NOSCRIPT No matching script", "ERR MOVED 1 h:1"})
        BOOST_TEST(!redis::redirection_of(error(bad)), bad);
    redis::reply status;
    status.type = redis::reply::kind::status;
    status.text = "MOVED 1 h:1";
    BOOST_TEST(!redis::redirection_of(status));
}

// Nothing is connected here: the io_context never runs, so no address is dialled.
BOOST_AUTO_TEST_CASE(a_server_naming_ever_new_nodes_gets_no_connection_past_the_limit)
{
    boost::asio::io_context ioc;
    redis::server_address seed;
    seed.host = "127.0.0.1";
    seed.port = 1;
    redis::cluster nodes(ioc.get_executor(), seed);
    const auto moved_to = [](std::uint16_t port) {
        return redis::redirection{.ask = false, .slot = 7, .host = "127.0.0.1", .port = port};
    };
    for (std::uint16_t port = 2; port <= redis::cluster::max_nodes; ++port)  // the seed is the first
        BOOST_TEST_REQUIRE(nodes.follow(moved_to(port)) != nullptr, port);
    BOOST_TEST(nodes.follow(moved_to(redis::cluster::max_nodes + 1)) == nullptr);
    BOOST_TEST(nodes.follow(moved_to(2)) != nullptr);  // a node it keeps still answers
    nodes.close();
}

BOOST_AUTO_TEST_CASE(a_slot_whose_node_failed_goes_back_to_the_seed)
{
    boost::asio::io_context ioc;
    redis::server_address seed;
    seed.host = "127.0.0.1";
    seed.port = 1;
    redis::cluster nodes(ioc.get_executor(), seed);
    const std::string key = "slack:rl:{app:T1}:users.list", other = "slack:rl:{app:T2}:users.list";
    const auto first = nodes.for_key(key);
    BOOST_REQUIRE(redis::slot_of(key) != redis::slot_of(other));
    const auto node = nodes.follow({.ask = false, .slot = redis::slot_of(key), .host = "127.0.0.1", .port = 2});
    nodes.follow({.ask = false, .slot = redis::slot_of(other), .host = "127.0.0.1", .port = 2});
    BOOST_TEST(nodes.for_key(key) == node);
    nodes.forget(key);
    BOOST_TEST(nodes.for_key(key) == first);   // the seed again
    BOOST_TEST(nodes.for_key(other) == node);  // only that slot
    nodes.close();
}

BOOST_AUTO_TEST_SUITE_END()
