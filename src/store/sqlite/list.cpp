// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// list: a page of installation rows in key order, each with its installing user's grant.
#include "store/sqlite/installation_rows.hpp"
#include "store/sqlite/operations.hpp"
#include "store/sqlite/transaction.hpp"
#include "store/sqlite/user_grant_rows.hpp"

namespace slack::store::sqlite {

installation_page list(database& db, const installation_key& after, std::size_t limit)
{
    transaction t(db.statements(), transaction::mode::read);  // the page and its user grants from one snapshot
    installation_page page;
    {
        execution rows(db.prepared(installation_rows::select_page()));
        rows.bind(1, after.enterprise_id).bind(2, after.team_id).bind(3, static_cast<std::int64_t>(limit) + 1);
        while (rows.step()) {
            if (page.installations.size() == limit) {  // the extra row: there is a next page
                page.next = key_of(page.installations.back());
                break;
            }
            page.installations.push_back(installation_rows::read(rows, db.keys()));
        }
    }
    for (installation& i : page.installations)
        if (!i.user_id.empty())
            i.user = user_grant_rows::find(db, {key_of(i), i.user_id});
    t.commit();
    return page;
}

}  // namespace slack::store::sqlite
