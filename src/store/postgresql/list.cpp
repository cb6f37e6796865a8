// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// list: a page of installation rows in key order, each with its installing user's grant, in one
// statement.
#include "store/postgresql/installation_row.hpp"
#include "store/postgresql/operations.hpp"

#include <string>

namespace slack::store::postgresql {

// Rows after ($1 enterprise, $2 team), at most $3. COLLATE "C": byte order, whatever the
// database's collation, so that every backend lists in one order; the row comparison in that
// order is what the index slack_installations_byte_order (schema version 2) serves.
const std::string list_statement = std::string("SELECT") + installation_columns + R"(
FROM (SELECT * FROM slack_installations
      WHERE (enterprise_id COLLATE "C", team_id COLLATE "C") > ($1::text, $2::text)
      ORDER BY enterprise_id COLLATE "C", team_id COLLATE "C" LIMIT $3::bigint) AS i
LEFT JOIN slack_user_grants AS g
    ON g.enterprise_id = i.enterprise_id AND g.team_id = i.team_id AND g.user_id = i.installer_user_id
ORDER BY i.enterprise_id COLLATE "C", i.team_id COLLATE "C")";

operation<installation_page> list_installations(const session& s, installation_key after, std::size_t limit)
{
    parameters p;
    p.text(after.enterprise_id).text(after.team_id).integer(static_cast<std::int64_t>(limit) + 1);
    auto rows = co_await s.run(list_statement.c_str(), p);
    if (!rows)
        co_return rows.error();
    installation_page page;
    for (int at = 0; at < rows->rows(); ++at) {
        if (page.installations.size() == limit) {  // the extra row: there is a next page
            page.next = key_of(page.installations.back());
            break;
        }
        auto listed = read_installation(*rows, at, {}, s.keys);
        if (!listed)
            co_return listed.error();
        page.installations.push_back(std::move(*listed));
    }
    co_return page;
}

}  // namespace slack::store::postgresql
