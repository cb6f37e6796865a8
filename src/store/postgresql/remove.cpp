// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// remove (exactly the key's rows: no org-wide fallback) and remove_all (a team's, or a whole
// enterprise's, for app_uninstalled). Each one statement; they yield the rows deleted.
#include "store/postgresql/operations.hpp"

namespace slack::store::postgresql {
namespace {

constexpr const char* remove_installation_statement = R"(
WITH installation AS (
    DELETE FROM slack_installations WHERE enterprise_id = $1::text AND team_id = $2::text RETURNING 1
), user_grants AS (
    DELETE FROM slack_user_grants WHERE enterprise_id = $1::text AND team_id = $2::text RETURNING 1
)
SELECT (SELECT count(*) FROM installation) + (SELECT count(*) FROM user_grants))";

constexpr const char* remove_user_grant_statement = R"(
DELETE FROM slack_user_grants WHERE enterprise_id = $1::text AND team_id = $2::text AND user_id = $3::text)";

// With a team: that team's rows (in that enterprise, when one is named). Without: the
// enterprise's, its org-wide install and all its teams.
constexpr const char* remove_all_statement = R"(
WITH installations AS (
    DELETE FROM slack_installations
    WHERE CASE WHEN $2::text = '' THEN enterprise_id = $1::text
               ELSE team_id = $2::text AND ($1::text = '' OR enterprise_id = $1::text) END
    RETURNING 1
), user_grants AS (
    DELETE FROM slack_user_grants
    WHERE CASE WHEN $2::text = '' THEN enterprise_id = $1::text
               ELSE team_id = $2::text AND ($1::text = '' OR enterprise_id = $1::text) END
    RETURNING 1
)
SELECT (SELECT count(*) FROM installations) + (SELECT count(*) FROM user_grants))";

operation<std::size_t> count_of(const session& s, const char* statement, const parameters& p)
{
    auto rows = co_await s.run(statement, p);
    if (!rows)
        co_return rows.error();
    auto count = rows->integer(0, 0);
    if (!count)
        co_return count.error();
    co_return static_cast<std::size_t>(*count);
}

}  // namespace

operation<std::size_t> remove_installation(const session& s, installation_key key)
{
    parameters p;
    p.text(key.enterprise_id).text(key.team_id);
    if (key.user_id.empty())
        co_return co_await count_of(s, remove_installation_statement, p);
    p.text(key.user_id);
    auto deleted = co_await s.run(remove_user_grant_statement, p);
    if (!deleted)
        co_return deleted.error();
    co_return deleted->affected();
}

operation<std::size_t> remove_all_of(const session& s, installation_key key)
{
    parameters p;
    p.text(key.enterprise_id).text(key.team_id);
    co_return co_await count_of(s, remove_all_statement, p);
}

}  // namespace slack::store::postgresql
