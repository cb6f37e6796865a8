// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// remove (exactly the key's rows: no org-wide fallback) and remove_all (a team's, or a whole
// enterprise's, for app_uninstalled). They yield the rows deleted.
#include "store/sqlite/operations.hpp"
#include "store/sqlite/transaction.hpp"
#include "store/sqlite/user_grant_rows.hpp"

#include <array>
#include <string_view>

namespace slack::store::sqlite {
namespace {

constexpr std::string_view delete_installation =
    "DELETE FROM slack_installations WHERE enterprise_id = ?1 AND team_id = ?2";

// remove_all: a team's rows (in its enterprise, or in any when the key names none), or with no
// team, a whole enterprise's. ?1 enterprise, ?2 team.
constexpr std::string_view delete_team_installations =
    "DELETE FROM slack_installations WHERE team_id = ?2 AND (?1 = '' OR enterprise_id = ?1)";
constexpr std::string_view delete_team_user_grants =
    "DELETE FROM slack_user_grants WHERE team_id = ?2 AND (?1 = '' OR enterprise_id = ?1)";
constexpr std::string_view delete_enterprise_installations = "DELETE FROM slack_installations WHERE enterprise_id = ?1";
constexpr std::string_view delete_enterprise_user_grants = "DELETE FROM slack_user_grants WHERE enterprise_id = ?1";

std::size_t count(std::int64_t changes) { return static_cast<std::size_t>(changes); }

}  // namespace

std::size_t remove(database& db, const installation_key& key)
{
    const user_grant_rows::place at{key, key.user_id};
    if (!key.user_id.empty()) {
        execution one(db.prepared(user_grant_rows::delete_one));
        user_grant_rows::bind_place(one, at);
        return count(one.run());
    }
    transaction t(db.statements(), transaction::mode::write);
    std::size_t removed = 0;
    for (std::string_view sql : {delete_installation, user_grant_rows::delete_all_of}) {
        execution all(db.prepared(sql));
        all.bind(1, key.enterprise_id).bind(2, key.team_id);
        removed += count(all.run());
    }
    t.commit();
    return removed;
}

std::size_t remove_all(database& db, const installation_key& key)
{
    const bool whole_enterprise = key.team_id.empty();
    transaction t(db.statements(), transaction::mode::write);
    std::size_t removed = 0;
    for (std::string_view sql : whole_enterprise
                                    ? std::array{delete_enterprise_installations, delete_enterprise_user_grants}
                                    : std::array{delete_team_installations, delete_team_user_grants}) {
        execution all(db.prepared(sql));
        all.bind(1, key.enterprise_id);
        if (!whole_enterprise)
            all.bind(2, key.team_id);
        removed += count(all.run());
    }
    t.commit();
    return removed;
}

}  // namespace slack::store::sqlite
