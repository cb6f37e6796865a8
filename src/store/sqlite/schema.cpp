// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/schema.hpp"

#include "store/sqlite/failure.hpp"
#include "store/sqlite/transaction.hpp"

#include <array>
#include <cstdint>
#include <limits>

namespace slack::store::sqlite {
namespace {

// Names and columns shared with the PostgreSQL backend. Ids absent from an installation (a
// workspace outside any enterprise, an org-wide install's team) are '' so that they can be part of
// a primary key. Times are Unix milliseconds.
constexpr const char* version_1 = R"sql(
CREATE TABLE slack_installations (
    enterprise_id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    app_id TEXT NOT NULL,
    enterprise_name TEXT NOT NULL,
    team_name TEXT NOT NULL,
    is_enterprise_install INTEGER NOT NULL,
    installer_user_id TEXT NOT NULL,
    bot_token TEXT,
    bot_refresh_token TEXT,
    bot_expires_at INTEGER,
    bot_scopes TEXT,
    bot_id TEXT,
    bot_user_id TEXT,
    bot_revision INTEGER,
    has_bot INTEGER NOT NULL,
    has_webhook INTEGER NOT NULL,
    webhook_url TEXT,
    webhook_channel TEXT,
    webhook_channel_id TEXT,
    webhook_configuration_url TEXT,
    installed_at INTEGER NOT NULL,
    PRIMARY KEY (enterprise_id, team_id)
);
CREATE TABLE slack_user_grants (
    enterprise_id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    token TEXT NOT NULL,
    refresh_token TEXT NOT NULL,
    expires_at INTEGER,
    scopes TEXT NOT NULL,
    revision INTEGER NOT NULL,
    installed_at INTEGER NOT NULL,
    PRIMARY KEY (enterprise_id, team_id, user_id)
);
CREATE TABLE slack_refresh_leases (
    enterprise_id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    kind INTEGER NOT NULL,
    owner TEXT NOT NULL,
    until_ms INTEGER NOT NULL,
    PRIMARY KEY (enterprise_id, team_id, user_id, kind)
);
CREATE TABLE slack_nonces (
    nonce TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
CREATE INDEX slack_nonces_by_expiry ON slack_nonces (expires_at);
)sql";

// Version 2: a grant marked as needing a reinstall (token_grant::reinstall_reason), '' when not.
// The bot's is NULL, as its other columns are, in a row without a bot grant.
constexpr const char* version_2 = R"sql(
ALTER TABLE slack_installations ADD COLUMN bot_reinstall_reason TEXT;
ALTER TABLE slack_user_grants ADD COLUMN reinstall_reason TEXT NOT NULL DEFAULT '';
)sql";

// steps[v - 1] brings a file from version v - 1 to v.
constexpr std::array steps = {version_1, version_2};
static_assert(steps.size() == schema_version);

int stored_version(statement_cache& statements)
{
    execution row(statements("SELECT max(version) FROM slack_schema_version"));
    if (!row.step() || row.is_null(0))  // no row yet: a new file
        return 0;
    const std::int64_t version = row.integer(0);
    if (version < 0 || version > std::numeric_limits<int>::max())
        throw failure(store_errc::corrupt_row);
    return static_cast<int>(version);
}

void record_version(statement_cache& statements, int version)
{
    execution(statements("DELETE FROM slack_schema_version")).run();
    execution(statements("INSERT INTO slack_schema_version (version) VALUES (?1)"))
        .bind(1, std::int64_t{version})
        .run();
}

}  // namespace

void check_version(statement_cache& statements)
{
    if (stored_version(statements) > schema_version)
        throw failure(store_errc::schema_too_new);
}

void migrate(connection& c, statement_cache& statements)
{
    transaction t(statements, transaction::mode::write);
    c.execute("CREATE TABLE IF NOT EXISTS slack_schema_version (version INTEGER NOT NULL)");
    const int version = stored_version(statements);
    if (version > schema_version)
        throw failure(store_errc::schema_too_new);
    if (version < schema_version) {
        for (int step = version; step < schema_version; ++step)
            c.execute(steps[static_cast<std::size_t>(step)]);
        record_version(statements, schema_version);
    }
    t.commit();
}

}  // namespace slack::store::sqlite
