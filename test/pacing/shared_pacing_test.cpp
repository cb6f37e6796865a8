// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Pacing shared across processes: pacing_worker replicas, each with 50 callers, share one
// allowance through the Redis server scripts/test starts (SLACK_TEST_REDIS), against one mock
// Slack that enforces the limit. Tier 2 (20 a minute) runs on a clock 60 times faster: 20 a
// second, counted by the mock in 1-second windows, so that 30 seconds hold 600 calls. The mock
// runs here, on this thread, between polls of the children; every wait has a deadline. One
// replica runs with its clocks skewed (libfaketime). Two more cases: a 429 one replica sees holds
// the others back, and a Redis of the test's own stopped and restarted mid-run.
#include "child_process.hpp"
#include "integration/mock_fixture.hpp"
#include "redis/redis_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <string_view>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <vector>

extern char** environ;

using namespace slack;
using namespace slack::test;
namespace fs = std::filesystem;

namespace {

constexpr unsigned per_second = 20;  // Tier 2's 20 a minute, 60 times faster
const std::string method = "auth.test";

mock::server_options tier2_per_second()
{
    mock::server_options options;
    // A little above the pace: a request sent on time may reach the mock a few ms late or early.
    options.rate_limits.methods = {{method, per_second + 2}};
    options.rate_limits.window = std::chrono::seconds(1);
    return options;
}

struct worker : slack::test::child_process {
    // The numbers after `name ` at a line's start, in order: one per SIGUSR1, then the final one.
    std::vector<std::size_t> counts(const std::string& name) const
    {
        const std::string out = "\n" + text(), prefix = "\n" + name + " ";
        std::vector<std::size_t> found;
        for (auto at = out.find(prefix); at != std::string::npos; at = out.find(prefix, at + 1))
            found.push_back(std::stoul(out.substr(at + prefix.size())));
        return found;
    }
    // The last of them (the final count); -1 when there is none.
    std::size_t count(const std::string& name) const
    {
        const auto found = counts(name);
        return found.empty() ? std::size_t(-1) : found.back();
    }
};

// How one replica runs.
struct replica {
    std::string workspace;
    std::string token;
    bool skewed_clock = false;
    std::string redis = redis_url();  // the shared server of scripts/test
    std::string method_name = method;
    std::string callers = "50";
};

struct pacing_fixture : mock_fixture {
    pacing_fixture()
        : mock_fixture(tier2_per_second()),
          directory(fs::temp_directory_path() / ("slack-pacing-" + std::to_string(::getpid())))
    {
        workers.reserve(8);  // spawn() hands out references
        fs::create_directories(directory);
        server.write_ca_file((directory / "ca.pem").string());
    }
    ~pacing_fixture()
    {
        for (worker& w : workers)
            if (!w.ended()) {
                ::kill(w.pid, SIGKILL);
                ::waitpid(w.pid, nullptr, 0);
            }
        std::error_code ignored;
        fs::remove_all(directory, ignored);
    }

    // A replica, which gets its token from the environment. With
    // `skewed_clock`, its clocks (wall and monotonic) run two hours ahead, through libfaketime (ahead:
    // the mock's certificate is valid from an hour ago to a day ahead).
    worker& spawn(const replica& r)
    {
        worker w;
        w.output = directory / ("worker-" + std::to_string(workers.size()) + ".out");
        const std::string api_url = server.api_url(), ca = (directory / "ca.pem").string(),
                          pace = std::to_string(per_second * 60), out = w.output.string();
        std::vector<const char*> argv = {
            PACING_WORKER_PATH,    "--api-url",   api_url.c_str(),     "--ca-file",    ca.c_str(),   "--redis",
            r.redis.c_str(),       "--workspace", r.workspace.c_str(), "--per-minute", pace.c_str(), "--method",
            r.method_name.c_str(), "--callers",   r.callers.c_str(),   "--seconds",    "90",         nullptr};
        const std::string variable = "SLACK_TOKEN=" + r.token;
        static const std::string faketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";
        const std::string preload = "LD_PRELOAD=" + faketime, offset = "FAKETIME=+2h";
        // Under the sanitizer build, ASan must be told that a preloaded library may come first.
        const char* asan = std::getenv("ASAN_OPTIONS");
        const std::string asan_options =
            std::string("ASAN_OPTIONS=") + (asan ? asan : "") + (asan && *asan ? ":" : "") + "verify_asan_link_order=0";
        std::vector<char*> env;
        for (char** e = environ; *e; ++e)
            if (!r.skewed_clock || std::string_view(*e).substr(0, 13) != "ASAN_OPTIONS=")
                env.push_back(*e);
        env.push_back(const_cast<char*>(variable.c_str()));
        if (r.skewed_clock) {
            BOOST_REQUIRE_MESSAGE(fs::exists(faketime), faketime << " is missing (Debian package libfaketime)");
            env.push_back(const_cast<char*>(preload.c_str()));
            env.push_back(const_cast<char*>(offset.c_str()));
            env.push_back(const_cast<char*>(asan_options.c_str()));
        }
        env.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);  // its complaints too, shown when it fails
        const int failed = posix_spawn(&w.pid, argv[0], &actions, nullptr, const_cast<char**>(argv.data()), env.data());
        posix_spawn_file_actions_destroy(&actions);
        BOOST_REQUIRE_MESSAGE(failed == 0, "cannot start pacing_worker");
        workers.push_back(std::move(w));
        return workers.back();
    }

    // Serves the mock for `period`, reaping workers meanwhile.
    void serve_for(std::chrono::steady_clock::duration period)
    {
        const auto end = std::chrono::steady_clock::now() + period;
        while (std::chrono::steady_clock::now() < end) {
            ioc.restart();
            ioc.run_for(10ms);
            reap();
        }
    }

    // Asks every worker to print its counts so far (they are read at the end: worker::counts).
    void snapshot()
    {
        for (worker& w : workers)
            if (!w.ended())
                ::kill(w.pid, SIGUSR1);
    }

    // Asks every worker to print its counts and stop, and serves until they have (30 s at most).
    void stop_workers()
    {
        for (worker& w : workers)
            if (!w.ended())
                ::kill(w.pid, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (!all_ended() && std::chrono::steady_clock::now() < deadline) {
            ioc.restart();
            ioc.run_for(10ms);
            reap();
        }
        BOOST_REQUIRE_MESSAGE(all_ended(), "the workers did not stop within their deadline");
        for (const worker& w : workers) {
            BOOST_TEST(WIFEXITED(w.status));
            BOOST_TEST(WEXITSTATUS(w.status) == 0, "a worker failed:\n" << w.text());
        }
    }

    // Every call succeeded, sharing Redis throughout.
    void expect_shared_throughout()
    {
        for (const worker& w : workers) {
            BOOST_TEST(w.count("errors") == 0u, "a worker's calls failed:\n" << w.text());
            BOOST_TEST(w.count("fell_back") == 0u, "a worker lost Redis:\n" << w.text());
            // Each replica starts knowing nothing but what Redis holds: no 429 at all is expected;
            // the issue allows one per process, at the start.
            BOOST_TEST(w.count("limited") <= 1u, "a worker was rate limited:\n" << w.text());
        }
    }

    void reap()
    {
        for (worker& w : workers)
            w.poll();
    }
    bool all_ended() const
    {
        return std::all_of(workers.begin(), workers.end(), [](const worker& w) { return w.ended(); });
    }

    // What the mock served `workspace` over `period`, after a warm-up in which the replicas start.
    std::size_t served_over(const std::string& workspace, std::chrono::seconds period)
    {
        serve_for(3s);
        const std::size_t before = server.rate_counts(workspace, method).served;
        serve_for(period);
        return server.rate_counts(workspace, method).served - before;
    }

    fs::path directory;
    std::vector<worker> workers;
};

// Within `share` of `allowance`.
bool within(std::size_t served, double allowance, double share)
{
    return served >= (1 - share) * allowance && served <= (1 + share) * allowance;
}
// Within 5% of `allowance`.
bool near(std::size_t served, double allowance) { return within(served, allowance, 0.05); }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(shared_pacing, pacing_fixture)

BOOST_AUTO_TEST_CASE(four_replicas_share_one_workspace_allowance)
{
    const mock::minted_tokens bot = server.mint_tokens({.team_id = "T0PACED"});
    // One replica's clocks run two hours ahead: the script reads Redis's clock only, so it
    // still agrees with the others.
    for (int n = 0; n < 4; ++n)
        spawn({.workspace = "T0PACED", .token = bot.access_token, .skewed_clock = n == 3});
    const std::size_t served = served_over("T0PACED", 30s);
    const mock::rate_count counts = server.rate_counts("T0PACED", method);
    stop_workers();
    expect_shared_throughout();
    BOOST_TEST_MESSAGE("four replicas: " << served << " calls in 30 s (allowance " << per_second * 30 << "), "
                                         << counts.limited << " answered 429");
    // Unpaced, 200 callers would make thousands of calls and the mock would refuse most of them.
    BOOST_TEST(near(served, per_second * 30.0), served << " calls in 30 s, allowance " << per_second * 30);
    BOOST_TEST(counts.limited <= workers.size());
}

BOOST_AUTO_TEST_CASE(two_workspaces_are_paced_apart)
{
    const mock::minted_tokens first = server.mint_tokens({.team_id = "T0FIRST"});
    const mock::minted_tokens second = server.mint_tokens({.team_id = "T0SECOND"});
    for (int n = 0; n < 2; ++n) {
        spawn({.workspace = "T0FIRST", .token = first.access_token});
        spawn({.workspace = "T0SECOND", .token = second.access_token});
    }
    serve_for(3s);
    const std::size_t first_before = server.rate_counts("T0FIRST", method).served;
    const std::size_t second_before = server.rate_counts("T0SECOND", method).served;
    serve_for(15s);
    const std::size_t first_served = server.rate_counts("T0FIRST", method).served - first_before;
    const std::size_t second_served = server.rate_counts("T0SECOND", method).served - second_before;
    stop_workers();
    expect_shared_throughout();
    BOOST_TEST_MESSAGE("two workspaces: " << first_served << " and " << second_served << " calls in 15 s (allowance "
                                          << per_second * 15 << " each)");
    // Each has its own allowance: neither slows the other.
    BOOST_TEST(near(first_served, per_second * 15.0), first_served << " calls in 15 s");
    BOOST_TEST(near(second_served, per_second * 15.0), second_served << " calls in 15 s");
}

BOOST_AUTO_TEST_CASE(a_retry_after_seen_by_one_replica_pauses_the_others)
{
    // A method of the test's own, paced like the others (20 a second in all): it answers 429
    // Retry-After 2 s once, to replica 0's first request after the warm-up, and serves the rest.
    constexpr std::chrono::seconds retry_after(2);
    constexpr int replicas = 4, callers = 2;
    const std::string probe = "pacing.probe";
    std::vector<std::string> tokens;
    for (int n = 0; n < replicas; ++n)
        tokens.push_back(server.mint_tokens({.team_id = "T0BLOCK"}).access_token);
    // Shared with the handler, which the mock keeps after this test's body (a failed REQUIRE
    // leaves workers running until the fixture's destructor).
    struct record {
        std::vector<std::chrono::steady_clock::time_point> arrivals;
        std::optional<std::chrono::steady_clock::time_point> limited_at;
    };
    const auto seen = std::make_shared<record>();
    const auto warmed_up = std::chrono::steady_clock::now() + 3s;
    server.handle(probe, [seen, warmed_up, first = tokens[0]](const mock::method_request& request) {
        const auto now = std::chrono::steady_clock::now();
        if (!seen->limited_at && now >= warmed_up && request.token == first) {
            seen->limited_at = now;
            return mock::method_answer::rate_limited(retry_after);
        }
        seen->arrivals.push_back(now);
        return mock::method_answer::ok();
    });
    for (int n = 0; n < replicas; ++n)
        spawn({.workspace = "T0BLOCK", .token = tokens[n], .method_name = probe, .callers = std::to_string(callers)});
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!seen->limited_at && std::chrono::steady_clock::now() < deadline)
        serve_for(10ms);
    BOOST_REQUIRE_MESSAGE(seen->limited_at, "replica 0 sent no request after the warm-up");
    serve_for(retry_after + 2s);
    stop_workers();

    const auto limited_at = *seen->limited_at, blocked_until = limited_at + retry_after;
    const auto& arrivals = seen->arrivals;
    const auto during =
        std::count_if(arrivals.begin(), arrivals.end(), [&](auto at) { return at > limited_at && at < blocked_until; });
    const auto resumed = std::count_if(arrivals.begin(), arrivals.end(),
                                       [&](auto at) { return at >= blocked_until && at < blocked_until + 2s; });
    BOOST_TEST_MESSAGE("one 429 (Retry-After " << retry_after.count() << " s): " << during << " requests during it, "
                                               << resumed << " in the 2 s after");
    // Only requests whose place Redis granted before the block can still arrive: each caller holds
    // at most one place, and replica 0's own caller waits out the 429, so 7 at most. Unblocked
    // (block() not called), the other three replicas sent 38 in these 2 s.
    BOOST_TEST(during <= replicas * callers - 1, during << " requests arrived during the Retry-After");
    // Then the pace resumes: 40 in 2 s; a quarter less allows for Redis's and the mock's timing.
    BOOST_TEST(resumed >= 30, "only " << resumed << " requests in the 2 s after the Retry-After");
    for (const worker& w : workers) {
        BOOST_TEST(w.count("errors") == 0u, "a worker's calls failed:\n" << w.text());
        BOOST_TEST(w.count("fell_back") == 0u, "a worker lost Redis:\n" << w.text());
    }
    BOOST_TEST(workers[0].count("limited") == 1u);
}

BOOST_AUTO_TEST_CASE(replicas_pace_alone_while_redis_is_down_and_share_again)
{
    redis_server own;  // stopped and restarted here; the shared one stays untouched
    const mock::minted_tokens bot = server.mint_tokens({.team_id = "T0OUTAGE"});
    // Five callers each, not 50: a caller keeps the place Redis gave it, and 200 callers hold places
    // up to 10 s ahead, so a replica could wait out the whole outage on places it already had.
    for (int n = 0; n < 4; ++n)
        spawn({.workspace = "T0OUTAGE", .token = bot.access_token, .redis = own.url(), .callers = "5"});
    serve_for(5s);
    snapshot();
    const std::size_t limited_before = server.rate_counts("T0OUTAGE", method).limited;
    own.stop();
    // Places Redis granted before it stopped (5 callers of 4 replicas: 1 s ahead at most) are
    // still used after: the outage's own calls are counted from 1 s in.
    serve_for(1s);
    snapshot();
    serve_for(4s);
    snapshot();
    const std::size_t limited_during = server.rate_counts("T0OUTAGE", method).limited - limited_before;
    own.restart();
    // The limiters reconnect within their backoff (2 s at most; about 1 s measured), then the
    // 429s of the switch (4 or so, each holding every replica back 1 s) settle: measured, the
    // pace is back to 20 a second 6 s after the restart. 5 s, then 4 s measured.
    serve_for(5s);
    const mock::rate_count back = server.rate_counts("T0OUTAGE", method);
    serve_for(4s);
    const std::size_t served = server.rate_counts("T0OUTAGE", method).served - back.served;
    const std::size_t limited_after = server.rate_counts("T0OUTAGE", method).limited - back.limited;
    stop_workers();

    BOOST_TEST_MESSAGE("Redis stopped for 5 s: " << limited_during << " answered 429 meanwhile; back: " << served
                                                 << " calls in 4 s (allowance " << per_second * 4 << "), "
                                                 << limited_after << " answered 429");
    for (const worker& w : workers) {
        const auto calls = w.counts("calls");
        BOOST_REQUIRE_MESSAGE(calls.size() == 4u, "a worker missed a snapshot:\n" << w.text());
        // Paced by its local limiter alone, it kept calling.
        BOOST_TEST(calls[2] > calls[1], "a worker made no call while Redis was down:\n" << w.text());
        BOOST_TEST(w.count("fell_back") >= 1u, w.text());
        BOOST_TEST(w.count("sharing_again") >= 1u, w.text());
        // Calls may end rate limited (four replicas ask four times the allowance), nothing else.
        BOOST_TEST(w.count("errors") == w.count("ratelimited"), "a worker's calls failed:\n" << w.text());
    }
    // Shared again: the pace of one allowance, within 10%, and no 429. (A caller the gate held back
    // after a 429 once kept its place inside the blocked window: every such call went at once
    // when the gate opened, and earned the next 429, about every 2 s.)
    BOOST_TEST(within(served, per_second * 4.0, 0.10), served << " calls in 4 s");
    BOOST_TEST(limited_after == 0u, limited_after << " answered 429 after Redis returned");
}

BOOST_AUTO_TEST_SUITE_END()
