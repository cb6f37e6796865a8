// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// find: the installation row a key finds (its own, else the org-wide one) and the user grant asked
// for, from one snapshot.
#include "store/sqlite/installation_rows.hpp"
#include "store/sqlite/operations.hpp"
#include "store/sqlite/transaction.hpp"
#include "store/sqlite/user_grant_rows.hpp"

namespace slack::store::sqlite {

std::optional<installation> find(database& db, const installation_key& key)
{
    transaction t(db.statements(), transaction::mode::read);  // the row and its user grant from one snapshot
    std::optional<installation> found;
    {
        execution row(db.prepared(installation_rows::select_found()));
        installation_rows::bind_lookup(row, key);
        if (!row.step())
            return std::nullopt;
        found = installation_rows::read(row, db.keys());
    }
    const std::string user_id = key.user_id.empty() ? found->user_id : key.user_id;
    if (!user_id.empty())
        found->user = user_grant_rows::find(db, {key_of(*found), user_id});
    if (!found->user && !key.user_id.empty())
        return std::nullopt;  // the install is there, but not that user's grant
    found->user_id = user_id;
    t.commit();
    return found;
}

}  // namespace slack::store::sqlite
