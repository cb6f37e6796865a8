// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// find: the key's installation row (or its enterprise's org-wide one) and a user grant, in one
// statement.
#include "store/postgresql/installation_row.hpp"
#include "store/postgresql/operations.hpp"

#include <string>

namespace slack::store::postgresql {
namespace {

// $4: the user whose grant is wanted; '' for the installing user's.
const std::string find_statement = std::string("SELECT") + installation_columns + R"(
FROM (SELECT * FROM slack_installations
      WHERE enterprise_id = $1::text AND team_id IN ($2::text, $3::text)
      ORDER BY team_id = $2::text DESC LIMIT 1) AS i
LEFT JOIN slack_user_grants AS g
    ON g.enterprise_id = i.enterprise_id AND g.team_id = i.team_id
    AND g.user_id = coalesce(nullif($4::text, ''), i.installer_user_id))";

}  // namespace

operation<std::optional<installation>> find_installation(const session& s, installation_key key)
{
    parameters p;
    add_row_lookup(p, key).text(key.user_id);
    auto rows = co_await s.run(find_statement.c_str(), p);
    if (!rows)
        co_return rows.error();
    if (rows->rows() == 0)
        co_return std::optional<installation>();
    // With a user asked for, an installation without that user's grant is not found.
    if (!key.user_id.empty() && !has_user_grant(*rows, 0))
        co_return std::optional<installation>();
    auto found = read_installation(*rows, 0, key.user_id, s.keys);
    if (!found)
        co_return found.error();
    co_return std::optional<installation>(std::move(*found));
}

}  // namespace slack::store::postgresql
