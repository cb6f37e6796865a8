// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/key_rules.hpp"
#include "store/sqlite/operations.hpp"
#include "store/sqlite/transaction.hpp"

#include <string_view>

namespace slack::store::sqlite {
namespace {

// Takes the lease if it is free, expired (?7: now), or the owner's own; otherwise changes nothing.
constexpr std::string_view take =
    "INSERT INTO slack_refresh_leases (enterprise_id, team_id, user_id, kind, owner, until_ms)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (enterprise_id, team_id, user_id, kind) DO UPDATE SET"
    " owner = excluded.owner, until_ms = excluded.until_ms"
    " WHERE slack_refresh_leases.owner = excluded.owner OR slack_refresh_leases.until_ms <= ?7";

constexpr std::string_view give_back =
    "DELETE FROM slack_refresh_leases"
    " WHERE enterprise_id = ?1 AND team_id = ?2 AND user_id = ?3 AND kind = ?4 AND owner = ?5";

// Binds ?1-?4 to the lease of the grant `key` finds: its installation row's (a team's key shares
// the org-wide install's), or the key's own when there is no row; a bot lease names no user.
void bind_lease(database& db, execution& e, const installation_key& key, grant_kind kind)
{
    const installation_key row_key = found_row_key(db, key).value_or(key);
    e.bind(1, row_key.enterprise_id)
        .bind(2, row_key.team_id)
        .bind(3, detail::lease_user(key, kind))
        .bind(4, std::int64_t{kind == grant_kind::user ? 1 : 0});
}

}  // namespace

bool try_lease(database& db, const installation_key& key, grant_kind kind, const std::string& owner,
               std::chrono::milliseconds duration)
{
    transaction t(db.statements(), transaction::mode::write);  // the row's key and the lease agree
    const time_point now = std::chrono::system_clock::now();
    execution upsert(db.prepared(take));
    bind_lease(db, upsert, key, kind);
    upsert.bind(5, owner).bind(6, now + duration).bind(7, now);
    const bool held = upsert.run() == 1;
    t.commit();
    return held;
}

void release_lease(database& db, const installation_key& key, grant_kind kind, const std::string& owner)
{
    transaction t(db.statements(), transaction::mode::write);
    execution remove(db.prepared(give_back));
    bind_lease(db, remove, key, kind);
    remove.bind(5, owner).run();
    t.commit();
}

}  // namespace slack::store::sqlite
