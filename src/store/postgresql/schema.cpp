// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/postgresql/schema.hpp"

#include <slack/store/store_errc.hpp>

#include <array>
#include <span>

namespace slack::store::postgresql {

namespace asio = boost::asio;
using boost::system::error_code;

namespace {

// The advisory lock every slack-asio process takes to migrate ("slack_pg" in ASCII). Held until
// the migration's transaction ends.
constexpr std::int64_t migration_lock = 0x736c61636b5f7067;

// Version 1. '' (never NULL) stands for an absent enterprise or team id in a key column; times
// are unix milliseconds; token columns hold sealed text when the store has a key.
constexpr std::array version_1 = {
    R"(CREATE TABLE slack_installations (
        enterprise_id text NOT NULL,
        team_id text NOT NULL,
        app_id text,
        enterprise_name text,
        team_name text,
        is_enterprise_install boolean,
        installer_user_id text,
        bot_token text,
        bot_refresh_token text,
        bot_expires_at bigint,
        bot_scopes text,
        bot_id text,
        bot_user_id text,
        bot_revision bigint,
        has_bot boolean,
        has_webhook boolean,
        webhook_url text,
        webhook_channel text,
        webhook_channel_id text,
        webhook_configuration_url text,
        installed_at bigint,
        PRIMARY KEY (enterprise_id, team_id)))",
    R"(CREATE TABLE slack_user_grants (
        enterprise_id text NOT NULL,
        team_id text NOT NULL,
        user_id text NOT NULL,
        token text,
        refresh_token text,
        expires_at bigint,
        scopes text,
        revision bigint,
        installed_at bigint,
        PRIMARY KEY (enterprise_id, team_id, user_id)))",
    R"(CREATE TABLE slack_refresh_leases (
        enterprise_id text NOT NULL,
        team_id text NOT NULL,
        user_id text NOT NULL,
        kind smallint NOT NULL,
        owner text NOT NULL,
        until_ms bigint NOT NULL,
        PRIMARY KEY (enterprise_id, team_id, user_id, kind)))",
    R"(CREATE TABLE slack_nonces (
        nonce text PRIMARY KEY,
        expires_at bigint NOT NULL))",
    // remove_all by team without its enterprise, and the pruning of expired nonces.
    "CREATE INDEX slack_installations_team ON slack_installations (team_id)",
    "CREATE INDEX slack_user_grants_team ON slack_user_grants (team_id)",
    "CREATE INDEX slack_nonces_expiry ON slack_nonces (expires_at)",
};

// Version 2: list() pages in byte order (COLLATE "C") whatever the database's collation; this
// index, in that order, lets a page walk the rows after its key instead of sorting the table.
constexpr std::array version_2 = {
    R"(CREATE INDEX slack_installations_byte_order
        ON slack_installations (enterprise_id COLLATE "C", team_id COLLATE "C"))",
};

// Version 3: a grant marked as needing a reinstall (token_grant::reinstall_reason); NULL reads as
// '' (not marked), as in the rows older versions wrote.
constexpr std::array version_3 = {
    "ALTER TABLE slack_installations ADD COLUMN bot_reinstall_reason text",
    "ALTER TABLE slack_user_grants ADD COLUMN reinstall_reason text",
};

// steps[n] brings version n to n + 1. Append only: a released step never changes.
constexpr std::array<std::span<const char* const>, schema_version> steps = {version_1, version_2, version_3};

// Applies what the database lacks, inside the caller's transaction.
asio::awaitable<error_code> apply_missing_steps(const session& s)
{
    parameters lock;
    lock.integer(migration_lock);
    auto locked = co_await s.run("SELECT pg_advisory_xact_lock($1::bigint)", lock);
    if (!locked)
        co_return locked.error();
    auto created = co_await s.run("CREATE TABLE IF NOT EXISTS slack_schema_version (version integer NOT NULL)");
    if (!created)
        co_return created.error();
    auto read = co_await s.run("SELECT coalesce(max(version), 0) FROM slack_schema_version");
    if (!read)
        co_return read.error();
    auto stored = read->integer(0, 0);
    if (!stored)
        co_return stored.error();
    if (*stored < 0)
        co_return error_code(store_errc::corrupt_row);
    if (*stored > schema_version)
        co_return error_code(store_errc::schema_too_new);
    if (*stored == schema_version)
        co_return error_code();
    for (auto step = static_cast<std::size_t>(*stored); step < steps.size(); ++step)
        for (const char* statement : steps[step]) {
            auto done = co_await s.run(statement);
            if (!done)
                co_return done.error();
        }
    auto cleared = co_await s.run("DELETE FROM slack_schema_version");
    if (!cleared)
        co_return cleared.error();
    parameters version;
    version.integer(schema_version);
    auto written = co_await s.run("INSERT INTO slack_schema_version (version) VALUES ($1::integer)", version);
    co_return written ? error_code() : written.error();
}

}  // namespace

asio::awaitable<boost::system::result<std::int64_t>> stored_version(const session& s)
{
    auto read = co_await s.run("SELECT coalesce(max(version), 0) FROM slack_schema_version");
    if (!read)
        co_return read.error();
    co_return read->integer(0, 0);
}

asio::awaitable<error_code> migrate(const session& s)
{
    auto begun = co_await s.run("BEGIN");
    if (!begun)
        co_return begun.error();
    const error_code failed = co_await apply_missing_steps(s);
    // A failed transaction is rolled back, so that the connection can be lent again.
    auto ended = co_await s.run(failed ? "ROLLBACK" : "COMMIT");
    if (failed)
        co_return failed;
    co_return ended ? error_code() : ended.error();
}

}  // namespace slack::store::postgresql
