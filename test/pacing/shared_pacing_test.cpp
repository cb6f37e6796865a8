// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Pacing shared across processes: pacing_worker replicas, each with 50 callers, share one
// allowance through the Redis server scripts/test starts (SLACK_TEST_REDIS), against one mock
// Slack that enforces the limit. Tier 2 (20 a minute) runs on a clock 60 times faster: 20 a
// second, counted by the mock in 1-second windows, so that 30 seconds hold 600 calls. The mock
// runs here, on this thread, between polls of the children; every wait has a deadline. One
// replica runs with its clocks skewed (libfaketime).
#include "child_process.hpp"
#include "integration/mock_fixture.hpp"
#include "redis/redis_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <csignal>
#include <cstdlib>
#include <string_view>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>

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
    // The number after `name ` in the output.
    std::size_t count(const std::string& name) const
    {
        const std::string out = text();
        const auto at = out.find(name + " ");
        return at == std::string::npos ? std::size_t(-1) : std::stoul(out.substr(at + name.size() + 1));
    }
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

    // A replica of 50 callers on `workspace`, whose token it gets from the environment. With
    // `skewed_clock`, its clocks (wall and monotonic) run two hours ahead, through libfaketime (ahead:
    // the mock's certificate is valid from an hour ago to a day ahead).
    worker& spawn(const std::string& workspace, const std::string& token, bool skewed_clock = false)
    {
        worker w;
        w.output = directory / ("worker-" + std::to_string(workers.size()) + ".out");
        const std::string api_url = server.api_url(), ca = (directory / "ca.pem").string(), redis = redis_url(),
                          pace = std::to_string(per_second * 60), out = w.output.string();
        std::vector<const char*> argv = {PACING_WORKER_PATH,
                                         "--api-url",
                                         api_url.c_str(),
                                         "--ca-file",
                                         ca.c_str(),
                                         "--redis",
                                         redis.c_str(),
                                         "--workspace",
                                         workspace.c_str(),
                                         "--per-minute",
                                         pace.c_str(),
                                         "--callers",
                                         "50",
                                         "--seconds",
                                         "90",
                                         nullptr};
        const std::string variable = "SLACK_TOKEN=" + token;
        static const std::string faketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";
        const std::string preload = "LD_PRELOAD=" + faketime, offset = "FAKETIME=+2h";
        // Under the sanitizer build, ASan must be told that a preloaded library may come first.
        const char* asan = std::getenv("ASAN_OPTIONS");
        const std::string asan_options =
            std::string("ASAN_OPTIONS=") + (asan ? asan : "") + (asan && *asan ? ":" : "") + "verify_asan_link_order=0";
        std::vector<char*> env;
        for (char** e = environ; *e; ++e)
            if (!skewed_clock || std::string_view(*e).substr(0, 13) != "ASAN_OPTIONS=")
                env.push_back(*e);
        env.push_back(const_cast<char*>(variable.c_str()));
        if (skewed_clock) {
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

// Within 5% of `allowance`.
bool near(std::size_t served, double allowance) { return served >= 0.95 * allowance && served <= 1.05 * allowance; }

}  // namespace

BOOST_FIXTURE_TEST_SUITE(shared_pacing, pacing_fixture)

BOOST_AUTO_TEST_CASE(four_replicas_share_one_workspace_allowance)
{
    const mock::minted_tokens bot = server.mint_tokens({.team_id = "T0PACED"});
    // One replica's clocks run two hours ahead: the script reads Redis's clock only, so it
    // still agrees with the others.
    for (int n = 0; n < 4; ++n)
        spawn("T0PACED", bot.access_token, n == 3);
    const std::size_t served = served_over("T0PACED", 30s);
    const mock::rate_count counts = server.rate_counts("T0PACED", method);
    stop_workers();
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
        spawn("T0FIRST", first.access_token);
        spawn("T0SECOND", second.access_token);
    }
    serve_for(3s);
    const std::size_t first_before = server.rate_counts("T0FIRST", method).served;
    const std::size_t second_before = server.rate_counts("T0SECOND", method).served;
    serve_for(15s);
    const std::size_t first_served = server.rate_counts("T0FIRST", method).served - first_before;
    const std::size_t second_served = server.rate_counts("T0SECOND", method).served - second_before;
    stop_workers();
    BOOST_TEST_MESSAGE("two workspaces: " << first_served << " and " << second_served << " calls in 15 s (allowance "
                                          << per_second * 15 << " each)");
    // Each has its own allowance: neither slows the other.
    BOOST_TEST(near(first_served, per_second * 15.0), first_served << " calls in 15 s");
    BOOST_TEST(near(second_served, per_second * 15.0), second_served << " calls in 15 s");
}

BOOST_AUTO_TEST_SUITE_END()
