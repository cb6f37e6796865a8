// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// replace_grant: the compare-and-swap of a refresh, one UPDATE guarded by the revision read, in
// a write transaction with the lookup of the row it writes.
#include "store/revision.hpp"
#include "store/sqlite/installation_rows.hpp"
#include "store/sqlite/operations.hpp"
#include "store/sqlite/transaction.hpp"
#include "store/sqlite/user_grant_rows.hpp"

namespace slack::store::sqlite {

bool replace_grant(database& db, const installation_key& key, grant_kind kind, std::int64_t expected_revision,
                   token_grant grant)
{
    grant.revision = detail::next_revision(expected_revision);
    // The row is looked up first because a sealed token is bound to the row it is stored in.
    transaction t(db.statements(), transaction::mode::write);
    const std::optional<installation_key> row_key = found_row_key(db, key);
    if (!row_key)
        return false;
    std::int64_t changed = 0;
    if (kind == grant_kind::bot) {
        execution update(db.prepared(installation_rows::replace_bot()));
        installation_rows::bind_replace_bot(update, *row_key, expected_revision, grant, db.keys());
        changed = update.run();
    } else {
        execution update(db.prepared(user_grant_rows::replace));
        user_grant_rows::bind_replace(update, {*row_key, key.user_id}, expected_revision, grant, db.keys());
        changed = update.run();
    }
    t.commit();
    return changed == 1;
}

}  // namespace slack::store::sqlite
