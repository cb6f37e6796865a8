// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Token rotation across processes: rotation_worker processes sharing one store (PostgreSQL, and
// SQLite on one host) and one mock Slack. The mock runs here, on this thread, between polls of
// the children; every wait has a deadline.
#include "integration/mock_fixture.hpp"
#include "store/postgresql_fixture.hpp"

#include <slack/store/open_store.hpp>

#include "child_process.hpp"
#include "fingerprint.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>

extern char** environ;

using namespace slack;
using namespace slack::test;
namespace fs = std::filesystem;

namespace {

const std::string team = "T0MOCKTEAM";

using worker = slack::test::child_process;

mock::server_options slow_refreshes()
{
    mock::server_options options;
    options.refresh_delay = std::chrono::milliseconds(4000);
    return options;
}

struct rotation_fixture : mock_fixture {
    rotation_fixture()
        : mock_fixture(slow_refreshes()),
          directory(fs::temp_directory_path() / ("slack-rotation-" + std::to_string(::getpid())))
    {
        workers.reserve(16);  // spawn() hands out references
        fs::create_directories(directory);
        server.write_ca_file((directory / "ca.pem").string());
        ::setenv("SLACK_CLIENT_ID", server.options().client_id.c_str(), 1);
        ::setenv("SLACK_CLIENT_SECRET", server.options().client_secret.c_str(), 1);
    }
    ~rotation_fixture()
    {
        for (worker& w : workers)
            if (!w.ended()) {
                ::kill(w.pid, SIGKILL);
                ::waitpid(w.pid, nullptr, 0);
            }
        std::error_code ignored;
        fs::remove_all(directory, ignored);
    }

    // Saves an installation of `team` (or an org-wide one of `enterprise`) whose bot token has
    // expired, with `refresh_token`.
    void install_expired(const std::string& spec, const std::string& token, const std::string& refresh_token,
                         const std::string& enterprise = {})
    {
        auto store = store::open_store(ioc.get_executor(), spec).value();
        store::installation i;
        if (enterprise.empty()) {
            i.team_id = team;
        } else {
            i.enterprise_id = enterprise;
            i.is_enterprise_install = true;
        }
        i.bot = store::token_grant{.token = token,
                                   .refresh_token = refresh_token,
                                   .expires_at = std::chrono::system_clock::now() - std::chrono::seconds(5),
                                   .scopes = "chat:write",
                                   .bot_id = {},
                                   .user_id = "U0BOT",
                                   .revision = 0};
        std::optional<boost::system::result<void>> saved;
        store->save(i, [&](auto r) { saved.emplace(r); });
        run_until([&] { return saved.has_value(); }, 20s);
        BOOST_REQUIRE(saved->has_value());
    }

    store::token_grant stored_bot(const std::string& spec, const std::string& enterprise = {})
    {
        auto store = store::open_store(ioc.get_executor(), spec).value();
        std::optional<store::store_result<std::optional<store::installation>>> found;
        store->find({.enterprise_id = enterprise, .team_id = enterprise.empty() ? team : std::string()},
                    [&](auto r) { found.emplace(std::move(r)); });
        run_until([&] { return found.has_value(); }, 20s);
        BOOST_REQUIRE(found->has_value() && found->value().has_value() && found->value()->bot.has_value());
        return *found->value()->bot;
    }

    worker& spawn(const std::string& spec, int callers, int lease_ms, const std::string& teams = team,
                  const std::string& enterprise = {})
    {
        worker w;
        w.output = directory / ("worker-" + std::to_string(workers.size()) + ".out");
        const std::string api_url = server.api_url(), ca = (directory / "ca.pem").string(),
                          count = std::to_string(callers), lease = std::to_string(lease_ms), out = w.output.string();
        std::vector<const char*> argv = {ROTATION_WORKER_PATH, "--api-url",    api_url.c_str(),    "--ca-file",
                                         ca.c_str(),           "--store",      spec.c_str(),       "--team",
                                         teams.c_str(),        "--enterprise", enterprise.c_str(), "--callers",
                                         count.c_str(),        "--lease-ms",   lease.c_str(),      nullptr};
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int failed = posix_spawn(&w.pid, argv[0], &actions, nullptr, const_cast<char**>(argv.data()), environ);
        posix_spawn_file_actions_destroy(&actions);
        BOOST_REQUIRE_MESSAGE(failed == 0, "cannot start rotation_worker");
        workers.push_back(std::move(w));
        return workers.back();
    }

    // Serves the mock until `done` holds, reaping workers meanwhile.
    template <class Predicate>
    void serve_until(Predicate done, std::chrono::seconds limit = 90s)
    {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (!done() && std::chrono::steady_clock::now() < deadline) {
            ioc.restart();
            ioc.run_for(10ms);
            for (worker& w : workers)
                w.poll();
        }
        BOOST_REQUIRE_MESSAGE(done(), "the workers did not finish within their deadline");
    }

    bool all_ended() const
    {
        return std::all_of(workers.begin(), workers.end(), [](const worker& w) { return w.ended(); });
    }

    // Four processes of fifty callers each, the token expired: one refresh in all. With an
    // enterprise, the install is org-wide and the callers ask by three of its workspaces.
    void storm(const std::string& spec, const std::string& enterprise = {})
    {
        const mock::minted_tokens minted = server.mint_tokens();
        install_expired(spec, minted.access_token, minted.refresh_token, enterprise);
        for (int n = 0; n < 4; ++n)
            spawn(spec, 50, 5000, enterprise.empty() ? team : "T1,T2,T3", enterprise);
        serve_until([&] { return all_ended(); });
        const store::token_grant after = stored_bot(spec, enterprise);
        BOOST_TEST(after.token != minted.access_token);
        BOOST_TEST(server.token_active(after.token));
        BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
        std::size_t refreshes = 0;
        for (const worker& w : workers) {
            const std::string out = w.text();
            BOOST_TEST(WIFEXITED(w.status));
            BOOST_TEST(WEXITSTATUS(w.status) == 0, "a worker failed:\n" << out);
            BOOST_TEST(out.find("token " + token_fingerprint(after.token) + " 50\n") != std::string::npos,
                       "a worker did not end with the stored token:\n"
                           << out);
            if (auto at = out.find("refreshes "); at != std::string::npos)
                refreshes += std::stoul(out.substr(at + 10));
        }
        BOOST_TEST(refreshes == 1u);
    }

    // The process holding the lease dies mid-refresh (the mock has rotated the pair and answers
    // late): another takes over once the lease ends, within the old refresh token's grace.
    void holder_dies(const std::string& spec)
    {
        const mock::minted_tokens minted = server.mint_tokens();
        const std::string& slow_refresh = minted.refresh_token;
        install_expired(spec, minted.access_token, slow_refresh);
        const std::int64_t installed = stored_bot(spec).revision;
        worker& first = spawn(spec, 1, 1500);
        serve_until([&] { return server.exchanges(slow_refresh) == 1; }, 30s);
        ::kill(first.pid, SIGKILL);
        serve_until([&] { return first.ended(); }, 10s);
        const auto killed_at = std::chrono::steady_clock::now();
        worker& second = spawn(spec, 5, 1500);
        serve_until([&] { return second.ended(); }, 60s);
        BOOST_TEST(WEXITSTATUS(second.status) == 0, "the second worker failed:\n" << second.text());
        BOOST_TEST(server.exchanges(slow_refresh) == 2u);
        BOOST_TEST((std::chrono::steady_clock::now() - killed_at > 1s));  // it waited for the lease
        const store::token_grant after = stored_bot(spec);
        BOOST_TEST(after.token != minted.access_token);
        BOOST_TEST(server.token_active(after.token));
        BOOST_TEST(after.revision == installed + 1);  // one refresh written
    }

    // The database stops while a refresh's answer is on its way, and starts again later: the
    // pair is handed to the callers at once and written when the database is back.
    void database_down_during_refresh(const fs::path& server_dir)
    {
        const std::string spec = "postgresql:" + run_postgres("start", server_dir);
        const mock::minted_tokens minted = server.mint_tokens();
        install_expired(spec, minted.access_token, minted.refresh_token);
        worker& w = spawn(spec, 5, 5000);
        serve_until([&] { return server.exchanges(minted.refresh_token) == 1; }, 30s);
        run_postgres("stop", server_dir);
        // The answer comes (the mock holds it 4 s), the write fails, the callers get the token.
        serve_until([&] { return w.text().find("callers done") != std::string::npos || w.ended(); }, 30s);
        BOOST_TEST(!w.ended(), "the worker did not wait for its pair to be written:\n" << w.text());
        run_postgres("restart", server_dir);
        serve_until([&] { return w.ended(); }, 60s);
        BOOST_TEST(WEXITSTATUS(w.status) == 0, "the worker failed:\n" << w.text());
        const store::token_grant after = stored_bot(spec);
        BOOST_TEST(after.token != minted.access_token);
        BOOST_TEST(server.token_active(after.token));
        BOOST_TEST(w.text().find("token " + token_fingerprint(after.token) + " 5\n") != std::string::npos,
                   "the worker was not given the token that was stored:\n"
                       << w.text());
        BOOST_TEST(server.exchanges(minted.refresh_token) == 1u);
        run_postgres("stop", server_dir);
    }

    // scripts/postgres COMMAND DIR: yields what it printed (the connection string).
    static std::string run_postgres(const std::string& command, const fs::path& dir)
    {
        const std::string line =
            std::string(SLACK_SOURCE_DIR) + "/scripts/postgres " + command + " '" + dir.string() + "'";
        FILE* out = ::popen(line.c_str(), "r");
        BOOST_REQUIRE(out);
        std::string text;
        char buffer[512];
        while (std::fgets(buffer, sizeof buffer, out))
            text += buffer;
        BOOST_REQUIRE_MESSAGE(::pclose(out) == 0, "scripts/postgres " << command << " failed");
        while (!text.empty() && text.back() == '\n')
            text.pop_back();
        return text;
    }

    fs::path directory;
    std::vector<worker> workers;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(rotation_across_processes)

BOOST_FIXTURE_TEST_CASE(four_processes_on_postgresql_refresh_once, rotation_fixture)
{
    postgresql_fixture database;
    storm("postgresql:" + database.conninfo);
}

BOOST_FIXTURE_TEST_CASE(a_killed_refresher_on_postgresql_is_taken_over_after_its_lease, rotation_fixture)
{
    postgresql_fixture database;
    holder_dies("postgresql:" + database.conninfo);
}

BOOST_FIXTURE_TEST_CASE(four_processes_on_sqlite_refresh_once, rotation_fixture)
{
    storm("sqlite:" + (directory / "installations.db").string());
}

BOOST_FIXTURE_TEST_CASE(a_killed_refresher_on_sqlite_is_taken_over_after_its_lease, rotation_fixture)
{
    holder_dies("sqlite:" + (directory / "installations.db").string());
}

// One grant asked for by three workspaces of an org-wide install, in four processes: one refresh.
BOOST_FIXTURE_TEST_CASE(an_org_wide_install_on_postgresql_is_refreshed_once_by_every_workspace, rotation_fixture)
{
    postgresql_fixture database;
    storm("postgresql:" + database.conninfo, "E0MOCKORG");
}

BOOST_FIXTURE_TEST_CASE(an_org_wide_install_on_sqlite_is_refreshed_once_by_every_workspace, rotation_fixture)
{
    storm("sqlite:" + (directory / "installations.db").string(), "E0MOCKORG");
}

// A server of its own, since it is stopped mid-test (the shared one serves other tests).
BOOST_FIXTURE_TEST_CASE(a_pair_refreshed_while_postgresql_is_down_is_written_when_it_returns, rotation_fixture)
{
    const fs::path server_dir = fs::path("/tmp") / ("slack-pg-down-" + std::to_string(::getpid()));
    struct stop_on_exit {
        fs::path dir;
        ~stop_on_exit()
        {
            const std::string line = std::string(SLACK_SOURCE_DIR) + "/scripts/postgres stop '" + dir.string() + "'";
            [[maybe_unused]] const int ignored = std::system(line.c_str());
            std::error_code e;
            fs::remove_all(dir, e);
        }
    } cleanup{server_dir};
    database_down_during_refresh(server_dir);
}

BOOST_AUTO_TEST_SUITE_END()
