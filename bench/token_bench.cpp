// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// scripts/bench: the token provider (include/slack/install/token_provider.hpp).
//  1. Lookups per second through token_provider::token(key) answered from memory (a grant valid
//     for 12 h), against store.find(key) on the same backend: what a provider without a cache
//     would do per lookup. Ratio = cached provider / store.find, pair by pair, median.
//     On PostgreSQL also store.find with prepared statements (the default) against without.
//  2. Refresh storm: N callers ask at once for an expired grant (memory_store, the mock server
//     over TLS); the time until the last has its token, against one oauth.v2.access refresh call
//     in the same pair; and how many refresh requests reached the mock (one is right).
// Everything runs on one thread (the mock too, as in the integration tests); every run of the
// io_context is bounded by a deadline. Tokens are never printed.
#include <slack/install/token_provider.hpp>
#include <slack/mock/server.hpp>
#include <slack/slack.hpp>
#include <slack/store/memory_store.hpp>
#include <slack/store/open_store.hpp>
#include <slack/store/postgresql_store.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace web = slack::web;
namespace store = slack::store;
using slack::install::token_provider;
using clock_type = std::chrono::steady_clock;
using namespace std::chrono_literals;

const store::installation_key_view bench_key{.enterprise_id = {}, .team_id = "T0BENCH", .user_id = {}};

// Runs `ioc` until `done()` holds; throws after `limit` (nothing here may hang).
template <class Predicate>
void run_until(asio::io_context& ioc, Predicate done, clock_type::duration limit, const char* what)
{
    const auto deadline = clock_type::now() + limit;
    ioc.restart();
    while (!done()) {
        if (clock_type::now() >= deadline)
            throw std::runtime_error(std::string("timed out: ") + what);
        ioc.run_one_for(10ms);
    }
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

// An installation of team T0BENCH whose bot grant expires at `expires_at`.
store::installation bench_installation(std::string token, std::string refresh_token, store::time_point expires_at)
{
    store::installation i;
    i.team_id = std::string(bench_key.team_id);
    i.app_id = "A0BENCH";
    i.bot = store::token_grant{.token = std::move(token),
                               .refresh_token = std::move(refresh_token),
                               .expires_at = expires_at,
                               .scopes = "chat:write",
                               .bot_id = {},
                               .user_id = "U0BOT",
                               .revision = 0};
    return i;
}

void save(asio::io_context& ioc, store::installation_store& s, store::installation i)
{
    std::optional<store::store_result<void>> saved;
    s.save(std::move(i), [&](store::store_result<void> r) { saved.emplace(r); });
    run_until(
        ioc, [&] { return saved.has_value(); }, 10s, "save");
    if (!saved->has_value())
        throw std::runtime_error("save failed: " + saved->error().message());
}

// ---- 1. lookups per second

struct counts {
    unsigned long long calls = 0;
    unsigned long long failures = 0;
    unsigned finished = 0;
};

// One caller: `lookup()` yields an awaitable of a result; calls started after `measure_from` count.
template <class Lookup>
asio::awaitable<void> lookup_loop(Lookup& lookup, clock_type::time_point measure_from, clock_type::time_point stop_at,
                                  counts& out)
{
    while (clock_type::now() < stop_at) {
        const bool counted = clock_type::now() >= measure_from;
        auto r = co_await lookup();
        if (!r)
            ++out.failures;
        else if (counted)
            ++out.calls;
    }
    ++out.finished;
}

// calls/s of `in_flight` callers of `lookup` for `duration`, after a 300 ms warm-up.
template <class Lookup>
double lookups_per_second(asio::io_context& ioc, Lookup& lookup, unsigned in_flight, std::chrono::milliseconds duration)
{
    counts out;
    const auto measure_from = clock_type::now() + 300ms;
    const auto stop_at = measure_from + duration;
    for (unsigned i = 0; i < in_flight; ++i)
        asio::co_spawn(ioc, lookup_loop(lookup, measure_from, stop_at, out), asio::detached);
    run_until(
        ioc, [&] { return out.finished == in_flight; }, duration + 30s, "lookups");
    if (out.failures)
        throw std::runtime_error("lookups failed: " + std::to_string(out.failures));
    return static_cast<double>(out.calls) / std::chrono::duration<double>(duration).count();
}

struct pair_medians {
    double first = 0, second = 0, ratio = 0;  // calls/s of each, first / second
};

// `repeat` pairs of runs of `first` and `second` back to back, which one goes first alternating.
template <class First, class Second>
pair_medians paired(asio::io_context& ioc, First& first, Second& second, unsigned in_flight,
                    std::chrono::milliseconds duration, unsigned repeat)
{
    std::vector<double> firsts, seconds, ratios;
    for (unsigned i = 0; i < repeat; ++i) {
        double a = 0, b = 0;
        if (i % 2 == 0) {
            a = lookups_per_second(ioc, first, in_flight, duration);
            b = lookups_per_second(ioc, second, in_flight, duration);
        } else {
            b = lookups_per_second(ioc, second, in_flight, duration);
            a = lookups_per_second(ioc, first, in_flight, duration);
        }
        firsts.push_back(a);
        seconds.push_back(b);
        ratios.push_back(b > 0 ? a / b : 0);
    }
    return {median(firsts), median(seconds), median(ratios)};
}

struct backend {
    std::string name;
    std::unique_ptr<store::installation_store> store;
};

void print_lookups(asio::io_context& ioc, web::client& client, std::vector<backend>& backends,
                   std::chrono::milliseconds duration, unsigned repeat)
{
    std::printf("%-34s %6s %12s %10s\n", "lookups", "flight", "calls/s", "ratio");
    for (backend& b : backends) {
        save(ioc, *b.store,
             bench_installation("xoxe.xoxb-bench", "xoxe-1-bench", std::chrono::system_clock::now() + 12h));
        token_provider provider(client, *b.store, {.client_id = "unused", .client_secret = "unused"});
        // The calls as a user writes them (deferred operations, no coroutine frame of their own).
        auto cached = [&provider] { return provider.token(bench_key); };
        auto raw = [&b] { return b.store->find(bench_key); };
        for (unsigned in_flight : {1u, 8u, 64u}) {
            const pair_medians m = paired(ioc, cached, raw, in_flight, duration, repeat);
            std::printf("%-34s %6u %12.0f %10.1f\n", ("provider cached (" + b.name + ")").c_str(), in_flight, m.first,
                        m.ratio);
            std::printf("%-34s %6u %12.0f %10s\n", ("store.find " + b.name).c_str(), in_flight, m.second, "1");
            std::cerr << "." << std::flush;
        }
        if (provider.stats().store_reads != 1)
            throw std::runtime_error("the cached provider read the store more than once");
    }
    std::cerr << "\n";
}

// ---- 1b. PostgreSQL: store.find with statements prepared once per connection (the default) vs
// parsed and planned by the server on every call (prepare_statements = false). Ratio = prepared
// calls/s / unprepared calls/s, pair by pair, median.
void print_prepared(asio::io_context& ioc, const std::string& connection, std::chrono::milliseconds duration,
                    unsigned repeat)
{
    store::postgresql_options options;
    options.connection = connection;
    store::postgresql_store prepared(ioc.get_executor(), options);
    options.prepare_statements = false;
    store::postgresql_store unprepared(ioc.get_executor(), options);
    save(ioc, prepared, bench_installation("xoxe.xoxb-bench", "xoxe-1-bench", std::chrono::system_clock::now() + 12h));
    auto find_prepared = [&prepared] { return prepared.find(bench_key); };
    auto find_unprepared = [&unprepared] { return unprepared.find(bench_key); };
    std::printf("%-34s %6s %12s %10s\n", "postgresql store.find", "flight", "calls/s", "ratio");
    for (unsigned in_flight : {1u, 8u, 64u}) {
        const pair_medians m = paired(ioc, find_prepared, find_unprepared, in_flight, duration, repeat);
        std::printf("%-34s %6u %12.0f %10.1f\n", "prepared (default)", in_flight, m.first, m.ratio);
        std::printf("%-34s %6u %12.0f %10s\n", "unprepared", in_flight, m.second, "1");
        std::cerr << "." << std::flush;
    }
    std::cerr << "\n";
}

// ---- 2. refresh storm

struct storm_state {
    unsigned answered = 0;
    unsigned failures = 0;
    clock_type::time_point last{};
};

asio::awaitable<void> storm_waiter(token_provider& provider, storm_state& state)
{
    auto r = co_await provider.token(bench_key);
    if (!r)
        ++state.failures;
    ++state.answered;
    state.last = clock_type::now();
}

struct storm_result {
    double microseconds = 0;
    std::size_t refreshes_at_mock = 0;
};

storm_result storm_once(asio::io_context& ioc, web::client& client, slack::mock::server& server,
                        store::memory_store& memory, unsigned waiters)
{
    const slack::mock::minted_tokens minted = server.mint_tokens();
    save(ioc, memory,
         bench_installation(minted.access_token, minted.refresh_token, std::chrono::system_clock::now() - 1min));
    token_provider provider(client, memory,
                            {.client_id = server.options().client_id, .client_secret = server.options().client_secret});
    storm_state state;
    const auto start = clock_type::now();
    for (unsigned i = 0; i < waiters; ++i)
        asio::co_spawn(ioc, storm_waiter(provider, state), asio::detached);
    run_until(
        ioc, [&] { return state.answered == waiters; }, 30s, "refresh storm");
    if (state.failures)
        throw std::runtime_error("refresh storm: " + std::to_string(state.failures) + " callers failed");
    return {std::chrono::duration<double, std::micro>(state.last - start).count(),
            server.exchanges(minted.refresh_token)};
}

asio::awaitable<void> refresh_call(web::client& client, const slack::mock::server& server, std::string refresh_token,
                                   int& outcome)
{
    const web::v2_refresh_params params{.client_id = server.options().client_id,
                                        .client_secret = server.options().client_secret,
                                        .refresh_token = refresh_token};
    auto answer = co_await web::oauth(client).v2_refresh(params);
    outcome = answer ? 1 : -1;
}

// One oauth.v2.access refresh, alone: the storm's baseline.
double single_refresh(asio::io_context& ioc, web::client& client, slack::mock::server& server)
{
    const slack::mock::minted_tokens minted = server.mint_tokens();
    int outcome = 0;
    const auto start = clock_type::now();
    asio::co_spawn(ioc, refresh_call(client, server, minted.refresh_token, outcome), asio::detached);
    run_until(
        ioc, [&] { return outcome != 0; }, 30s, "single refresh");
    if (outcome < 0)
        throw std::runtime_error("the single refresh failed");
    return std::chrono::duration<double, std::micro>(clock_type::now() - start).count();
}

void print_storms(asio::io_context& ioc, web::client& client, slack::mock::server& server)
{
    store::memory_store memory(ioc.get_executor());
    single_refresh(ioc, client, server);  // warm-up: the client's connection
    std::printf("\n%-28s %8s %16s %18s %8s %22s\n", "refresh storm (memory_store)", "waiters", "last token us",
                "single refresh us", "ratio", "refreshes at the mock");
    const unsigned runs = 5;
    for (unsigned waiters : {1u, 10u, 100u, 1000u}) {
        std::vector<double> storms, singles, ratios;
        std::string refreshes;
        for (unsigned i = 0; i < runs; ++i) {
            const double single = single_refresh(ioc, client, server);
            const storm_result storm = storm_once(ioc, client, server, memory, waiters);
            storms.push_back(storm.microseconds);
            singles.push_back(single);
            ratios.push_back(storm.microseconds / single);
            refreshes += (refreshes.empty() ? "" : ",") + std::to_string(storm.refreshes_at_mock);
        }
        std::printf("%-28s %8u %16.0f %18.0f %8.2f %22s\n", "", waiters, median(storms), median(singles),
                    median(ratios), refreshes.c_str());
    }
}

std::unique_ptr<store::installation_store> open(asio::io_context& ioc, const std::string& spec)
{
    auto opened = store::open_store(ioc.get_executor(), spec);
    if (!opened)
        throw std::runtime_error("cannot open a store: " + opened.error().message());
    return std::move(*opened);
}

}  // namespace

int run(int argc, char** argv)
{
    std::chrono::milliseconds duration{1000};
    unsigned repeat = 3;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--duration-ms")
            duration = std::chrono::milliseconds(std::stoi(argv[i + 1]));
        else if (option == "--repeat")
            repeat = static_cast<unsigned>(std::stoi(argv[i + 1]));
        else {
            std::cerr << "usage: token_bench [--duration-ms N] [--repeat N]\n";
            return 2;
        }
    }
    if (argc % 2 == 0) {
        std::cerr << "usage: token_bench [--duration-ms N] [--repeat N]\n";
        return 2;
    }

    asio::io_context ioc(1);
    slack::mock::server server(ioc.get_executor());
    server.start();
    auto tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    tls->add_certificate_authority(asio::buffer(server.ca_certificate_pem()));
    web::client_options options;
    options.api_url = server.api_url();
    web::client client(ioc.get_executor(), tls, options);

    std::string dir = (std::filesystem::temp_directory_path() / "token-bench.XXXXXX").string();
    if (!mkdtemp(dir.data()))
        throw std::runtime_error("mkdtemp failed");
    {
        std::vector<backend> backends;
        backends.push_back({"memory_store", std::make_unique<store::memory_store>(ioc.get_executor())});
        backends.push_back({"sqlite", open(ioc, "sqlite:" + dir + "/installs.db")});
        if (const char* pg = std::getenv("SLACK_TEST_POSTGRES"); pg && *pg) {
            const std::string connection = pg;
            const bool uri = connection.starts_with("postgresql://") || connection.starts_with("postgres://");
            backends.push_back({"postgresql", open(ioc, uri ? connection : "postgresql:" + connection)});
        }
        print_lookups(ioc, client, backends, duration, repeat);
        if (const char* pg = std::getenv("SLACK_TEST_POSTGRES"); pg && *pg)
            print_prepared(ioc, pg, duration, repeat);
        if (backends.size() < 3)
            std::printf("(SLACK_TEST_POSTGRES unset: PostgreSQL rows skipped)\n");
    }
    std::filesystem::remove_all(dir);
    print_storms(ioc, client, server);
    std::printf(
        "(ratio: lookups, cached provider calls/s / store.find calls/s on the same backend, median of %u pairs;"
        " storm, time to the last token / one refresh call, median of %u pairs)\n",
        repeat, 5u);
    server.stop();
    return 0;
}

int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "token_bench: " << e.what() << "\n";
        return 1;
    }
}
