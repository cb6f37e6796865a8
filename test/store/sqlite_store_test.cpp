// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// sqlite_store against the conformance suite, and what only the SQLite backend promises: the file
// as another program sees it (sealed tokens, WAL, the schema version), opening failures, and that
// the caller's thread never waits on SQLite.
#include "store/conformance.hpp"

#include "printing.hpp"

#include <slack/store/sqlite_store.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>

#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace slack::store;
using namespace std::chrono_literals;
using conformance::error_of;
using conformance::run_until;
using conformance::wait;
namespace fs = std::filesystem;

// A fresh directory for each fixture, removed with it.
class scratch_directory {
public:
    scratch_directory()
    {
        std::string pattern = (fs::temp_directory_path() / "slack-sqlite-test-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~scratch_directory()
    {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    scratch_directory(const scratch_directory&) = delete;
    scratch_directory& operator=(const scratch_directory&) = delete;

    const fs::path& path() const noexcept { return path_; }

private:
    fs::path path_;
};

// The file as another program opens it. The statements are the test's own and quote no token, so
// SQLite's messages may be shown.
class raw_file {
public:
    explicit raw_file(const std::string& path)
    {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path);
    }
    ~raw_file() { sqlite3_close(db_); }
    raw_file(const raw_file&) = delete;
    raw_file& operator=(const raw_file&) = delete;

    void execute(const char* sql)
    {
        const int code = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
        BOOST_REQUIRE_MESSAGE(code == SQLITE_OK, sql << ": " << sqlite3_errmsg(db_));
    }

    // Every value of every row, as text (NULL as "").
    std::vector<std::string> values(const char* sql)
    {
        sqlite3_stmt* statement = nullptr;
        BOOST_REQUIRE_MESSAGE(sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) == SQLITE_OK,
                              sql << ": " << sqlite3_errmsg(db_));
        std::vector<std::string> out;
        int code = SQLITE_ROW;
        while ((code = sqlite3_step(statement)) == SQLITE_ROW)
            for (int column = 0; column < sqlite3_column_count(statement); ++column) {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
                out.emplace_back(text ? text : "");
            }
        sqlite3_finalize(statement);
        BOOST_REQUIRE_MESSAGE(code == SQLITE_DONE, sql << ": " << sqlite3_errstr(code));
        return out;
    }

private:
    sqlite3* db_ = nullptr;
};

std::string file_bytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

token_key test_key() { return token_key::from_base64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").value(); }

// Every token of it starts with "xox", which the file is searched for.
installation an_install()
{
    installation i;
    i.enterprise_id = "E1";
    i.team_id = "T1";
    i.user_id = "U1";
    token_grant& bot = i.bot.emplace();
    bot.token = "xoxe.xoxb-1-secret";
    bot.refresh_token = "xoxe-1-bot-secret";
    token_grant& user = i.user.emplace();
    user.token = "xoxe.xoxp-1-secret";
    user.refresh_token = "xoxe-1-user-secret";
    return i;
}
// Named: save() refuses a temporary installation with the default token (g++ 12, docs/stores.md).
const installation saved_install = an_install();

const installation_key the_key{"E1", "T1", ""};

struct sqlite_fixture {
    static constexpr bool supports_encryption = true;

    boost::asio::io_context io;
    scratch_directory directory;
    std::string path = (directory.path() / "installations.db").string();

    std::unique_ptr<installation_store> open(std::optional<token_key> key = {}, std::vector<token_key> previous = {})
    {
        return open_with({.path = path, .encryption_key = std::move(key), .previous_keys = std::move(previous)});
    }
    std::vector<std::string> sql(const std::string& statement) { return raw_file(path).values(statement.c_str()); }
    std::unique_ptr<sqlite_store> open_with(sqlite_options options)
    {
        return std::make_unique<sqlite_store>(io.get_executor(), std::move(options));
    }
};

}  // namespace

SLACK_STORE_CONFORMANCE(sqlite_store_conformance, sqlite_fixture)

BOOST_FIXTURE_TEST_SUITE(sqlite_store_file, sqlite_fixture)

BOOST_AUTO_TEST_CASE(tokens_are_sealed_in_the_file_with_a_key)
{
    const installation install = an_install();
    {
        auto store = open(test_key());
        BOOST_TEST_REQUIRE(wait(io, store->save(install)).has_value());
    }
    raw_file file(path);
    const std::vector<std::string> tokens = file.values(
        "SELECT bot_token, bot_refresh_token FROM slack_installations"
        " UNION ALL SELECT token, refresh_token FROM slack_user_grants");
    BOOST_TEST_REQUIRE(tokens.size() == 4u);
    for (const std::string& stored : tokens) {
        BOOST_TEST(stored.starts_with("sealed:v2:" + test_key().id() + ":"));
        BOOST_CHECK_MESSAGE(stored.find("xox") == std::string::npos, "a token column holds a token in the clear");
    }
    for (const char* suffix : {"", "-wal"}) {  // nor anywhere else in the file or its log
        BOOST_CHECK_MESSAGE(file_bytes(path + suffix).find("xox") == std::string::npos,
                            "the file" << suffix << " holds a token in the clear");
    }
}

BOOST_AUTO_TEST_CASE(tokens_are_in_the_clear_without_a_key)
{
    // The other side of the test above: the search does find a token stored in the clear.
    auto store = open();
    BOOST_TEST_REQUIRE(wait(io, store->save(saved_install)).has_value());
    raw_file file(path);
    const std::vector<std::string> tokens = file.values("SELECT bot_token FROM slack_installations");
    BOOST_TEST_REQUIRE(tokens.size() == 1u);
    BOOST_CHECK_MESSAGE(tokens[0] == an_install().bot->token, "the bot token is not stored as it is");
}

BOOST_AUTO_TEST_CASE(a_file_in_a_missing_directory_is_unavailable_until_it_exists)
{
    const fs::path directory_to_be = directory.path() / "not-yet";
    auto store = open_with({.path = (directory_to_be / "installations.db").string()});
    BOOST_TEST(error_of(wait(io, store->find(the_key))) == slack::store_errc::unavailable);
    fs::create_directory(directory_to_be);  // the next operation opens it
    BOOST_TEST(wait(io, store->save(saved_install)).has_value());
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_database_is_unavailable)
{
    std::ofstream(path) << "not a database, but long enough to have a header of one, surely.........";
    auto store = open();
    BOOST_TEST(error_of(wait(io, store->find(the_key))) == slack::store_errc::unavailable);
}

BOOST_AUTO_TEST_CASE(a_schema_from_a_newer_version_is_refused)
{
    {
        auto store = open();
        BOOST_TEST_REQUIRE(wait(io, store->save(saved_install)).has_value());
    }
    raw_file(path).execute("UPDATE slack_schema_version SET version = 99");
    auto store = open();
    BOOST_TEST(error_of(wait(io, store->find(the_key))) == slack::store_errc::schema_too_new);
}

BOOST_AUTO_TEST_CASE(a_running_store_stops_once_a_newer_version_migrated_the_file)
{
    auto store = open();
    BOOST_TEST_REQUIRE(wait(io, store->save(saved_install)).has_value());
    // Another process, of a newer release, migrates the file while this store runs.
    raw_file(path).execute("UPDATE slack_schema_version SET version = 99");
    BOOST_TEST(error_of(wait(io, store->find(the_key))) == slack::store_errc::schema_too_new);
    BOOST_TEST(error_of(wait(io, store->save(saved_install))) == slack::store_errc::schema_too_new);
}

BOOST_AUTO_TEST_CASE(a_new_file_is_in_wal_mode_at_the_current_schema)
{
    auto store = open();
    BOOST_TEST_REQUIRE(wait(io, store->find(the_key)).has_value());
    raw_file file(path);
    BOOST_TEST(file.values("PRAGMA journal_mode") == std::vector<std::string>{"wal"});
    BOOST_TEST(file.values("SELECT version FROM slack_schema_version") == std::vector<std::string>{"2"});
}

BOOST_AUTO_TEST_CASE(a_version_1_file_is_migrated_and_keeps_reinstall_reasons)
{
    {
        auto store = open();
        BOOST_TEST_REQUIRE(wait(io, store->save(saved_install)).has_value());
    }
    {  // the file as version 1 left it: no reinstall_reason columns
        raw_file file(path);
        file.execute("ALTER TABLE slack_installations DROP COLUMN bot_reinstall_reason");
        file.execute("ALTER TABLE slack_user_grants DROP COLUMN reinstall_reason");
        file.execute("UPDATE slack_schema_version SET version = 1");
    }
    auto store = open();
    const installation_key user_key{"E1", "T1", "U1"};
    auto found = wait(io, store->find(user_key));
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST_REQUIRE(found->has_value());
    BOOST_TEST((*found)->bot->reinstall_reason == "");
    BOOST_TEST((*found)->user->reinstall_reason == "");
    BOOST_TEST(raw_file(path).values("SELECT version FROM slack_schema_version") == std::vector<std::string>{"2"});

    token_grant marked = *(*found)->user;
    marked.reinstall_reason = "lost";
    auto replaced = wait(io, store->replace_grant(user_key, grant_kind::user, marked.revision, marked));
    BOOST_TEST_REQUIRE(replaced.has_value());
    BOOST_TEST(*replaced);
    auto again = wait(io, store->find(user_key));
    BOOST_TEST_REQUIRE(again.has_value());
    BOOST_TEST((*again)->user->reinstall_reason == "lost");
}

BOOST_AUTO_TEST_CASE(a_row_that_does_not_read_back_is_corrupt)
{
    auto store = open();
    BOOST_TEST_REQUIRE(wait(io, store->save(saved_install)).has_value());
    raw_file file(path);
    file.execute("UPDATE slack_installations SET installed_at = 'yesterday'");
    BOOST_TEST(error_of(wait(io, store->find(the_key))) == slack::store_errc::corrupt_row);
    file.execute("UPDATE slack_installations SET installed_at = 0, has_bot = 7");
    BOOST_TEST(error_of(wait(io, store->find(the_key))) == slack::store_errc::corrupt_row);
}

BOOST_AUTO_TEST_CASE(the_callers_thread_never_waits_for_the_file)
{
    // Another connection holds the write lock until a timer on the caller's io_context (one
    // thread) releases it. Were the save's statements run on that thread, it would wait there for
    // the lock that only the timer can release, fail after busy_timeout, and the timer fire late.
    auto store = open();
    BOOST_TEST_REQUIRE(wait(io, store->find(the_key)).has_value());  // the schema is there
    raw_file other(path);
    other.execute("BEGIN IMMEDIATE");

    std::optional<store_result<void>> saved;
    bool saved_before_release = true;
    boost::asio::steady_timer release(io, 200ms);
    release.async_wait([&](boost::system::error_code) {
        saved_before_release = saved.has_value();
        other.execute("COMMIT");
    });
    const installation install = an_install();
    store->save(install, [&](store_result<void> r) { saved.emplace(std::move(r)); });
    BOOST_TEST_REQUIRE(run_until(io, [&] { return saved.has_value(); }));
    BOOST_TEST(!saved_before_release);
    BOOST_TEST(saved->has_value());
}

BOOST_AUTO_TEST_CASE(a_lock_held_past_busy_timeout_fails_the_statement)
{
    auto store = open_with({.path = path, .busy_timeout = 100ms});
    BOOST_TEST_REQUIRE(wait(io, store->find(the_key)).has_value());
    raw_file other(path);
    other.execute("BEGIN IMMEDIATE");
    BOOST_TEST(error_of(wait(io, store->save(saved_install))) == slack::store_errc::query_failed);
    other.execute("ROLLBACK");
    BOOST_TEST(wait(io, store->save(saved_install)).has_value());  // nothing was left half done
}

BOOST_AUTO_TEST_CASE(a_cancelled_operation_waiting_in_the_queue_is_not_run)
{
    auto store = open();
    BOOST_TEST_REQUIRE(wait(io, store->find(the_key)).has_value());  // the schema is there
    raw_file other(path);
    other.execute("BEGIN IMMEDIATE");  // the save below runs, and waits for this lock

    boost::asio::cancellation_signal running_signal, queued_signal;
    std::optional<store_result<void>> saved;
    std::optional<store_result<std::optional<installation>>> found;
    const installation install = an_install();
    store->save(install, boost::asio::bind_cancellation_slot(
                             running_signal.slot(), [&](store_result<void> r) { saved.emplace(std::move(r)); }));
    store->find(the_key, boost::asio::bind_cancellation_slot(queued_signal.slot(), [&](auto r) {
                    found.emplace(std::move(r));
                }));  // queued behind the save
    boost::asio::steady_timer cancel(io, 100ms), release(io, 300ms);
    cancel.async_wait([&](boost::system::error_code) {
        running_signal.emit(boost::asio::cancellation_type::terminal);
        queued_signal.emit(boost::asio::cancellation_type::terminal);
    });
    release.async_wait([&](boost::system::error_code) { other.execute("COMMIT"); });
    BOOST_TEST_REQUIRE(run_until(io, [&] { return saved && found; }));
    BOOST_TEST(error_of(*found) == boost::asio::error::operation_aborted);
    BOOST_TEST(saved->has_value());  // a statement already running runs to its end
    auto after = wait(io, store->find(the_key));
    BOOST_TEST_REQUIRE(after.has_value());
    BOOST_TEST(after->has_value());
}

BOOST_AUTO_TEST_CASE(the_destructor_finishes_the_operations_started)
{
    std::optional<store_result<void>> saved;
    {
        auto store = open();
        const installation install = an_install();
        store->save(install, [&](store_result<void> r) { saved.emplace(std::move(r)); });
    }
    BOOST_TEST_REQUIRE(run_until(io, [&] { return saved.has_value(); }));  // posted, not run, by the destructor
    BOOST_TEST(saved->has_value());
    auto store = open();
    const auto found = wait(io, store->find(the_key));
    BOOST_TEST_REQUIRE(found.has_value());
    BOOST_TEST(found->has_value());
}

BOOST_AUTO_TEST_SUITE_END()
