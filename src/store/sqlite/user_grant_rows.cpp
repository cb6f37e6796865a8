// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/user_grant_rows.hpp"

#include "store/sealed_columns.hpp"
#include "store/sqlite/tokens.hpp"

namespace slack::store::sqlite::user_grant_rows {
namespace {

detail::grant_place place_of(const place& at, std::int64_t revision)
{
    return {at.row_key.enterprise_id, at.row_key.team_id, at.user_id, grant_kind::user, revision};
}

// ?4-?9: what a write of the grant sets, its revision last.
void bind_grant(execution& e, const place& at, const token_grant& grant, const detail::sealing_keys& keys)
{
    const detail::grant_place stored_at = place_of(at, grant.revision);
    e.bind(4, detail::to_stored(keys, grant.token, stored_at.token()))
        .bind(5, detail::to_stored(keys, grant.refresh_token, stored_at.refresh_token()))
        .bind(6, grant.expires_at)
        .bind(7, grant.scopes)
        .bind(8, grant.reinstall_reason)
        .bind(9, grant.revision);
}

}  // namespace

const std::string_view select =
    "SELECT token, refresh_token, expires_at, scopes, revision, reinstall_reason"
    " FROM slack_user_grants"
    " WHERE enterprise_id = ?1 AND team_id = ?2 AND user_id = ?3";

const std::string_view upsert =
    "INSERT INTO slack_user_grants"
    " (enterprise_id, team_id, user_id, token, refresh_token, expires_at, scopes, reinstall_reason, revision,"
    " installed_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (enterprise_id, team_id, user_id) DO UPDATE SET"
    " token = excluded.token, refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,"
    " scopes = excluded.scopes, reinstall_reason = excluded.reinstall_reason,"
    " revision = excluded.revision, installed_at = excluded.installed_at";

const std::string_view replace =
    "UPDATE slack_user_grants SET token = ?4, refresh_token = ?5, expires_at = ?6, scopes = ?7,"
    " reinstall_reason = ?8, revision = ?9"
    " WHERE enterprise_id = ?1 AND team_id = ?2 AND user_id = ?3 AND revision = ?10";

const std::string_view delete_one =
    "DELETE FROM slack_user_grants WHERE enterprise_id = ?1 AND team_id = ?2 AND user_id = ?3";
const std::string_view delete_all_of = "DELETE FROM slack_user_grants WHERE enterprise_id = ?1 AND team_id = ?2";

void bind_place(execution& e, const place& at)
{
    e.bind(1, at.row_key.enterprise_id).bind(2, at.row_key.team_id).bind(3, at.user_id);
}

token_grant read(const execution& row, const place& at, const detail::sealing_keys& keys)
{
    token_grant grant;
    grant.revision = row.integer(4);  // first: the sealed tokens are bound to it
    const detail::grant_place stored_at = place_of(at, grant.revision);
    grant.token = read_token(keys, row.text(0), stored_at.token());
    grant.refresh_token = read_token(keys, row.text(1), stored_at.refresh_token());
    grant.expires_at = row.optional_time(2);
    grant.scopes = row.text(3);
    grant.reinstall_reason = row.text(5);
    grant.user_id = std::string(at.user_id);  // a user grant's user is the one it is stored under
    return grant;
}

std::optional<token_grant> find(database& db, const place& at)
{
    execution row(db.prepared(select));
    bind_place(row, at);
    if (!row.step())
        return std::nullopt;
    return read(row, at, db.keys());
}

void bind_upsert(execution& e, const place& at, const token_grant& grant, time_point installed_at,
                 const detail::sealing_keys& keys)
{
    bind_place(e, at);
    bind_grant(e, at, grant, keys);
    e.bind(10, installed_at);
}

void bind_replace(execution& e, const place& at, std::int64_t expected_revision, const token_grant& grant,
                  const detail::sealing_keys& keys)
{
    bind_place(e, at);
    bind_grant(e, at, grant, keys);
    e.bind(10, expected_revision);
}

}  // namespace slack::store::sqlite::user_grant_rows
