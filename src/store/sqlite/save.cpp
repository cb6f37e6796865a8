// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// save: the installation row and the installing user's grant, each at a fresh revision, in one
// write transaction.
#include "store/revision.hpp"
#include "store/sqlite/installation_rows.hpp"
#include "store/sqlite/operations.hpp"
#include "store/sqlite/transaction.hpp"
#include "store/sqlite/user_grant_rows.hpp"

namespace slack::store::sqlite {

void save(database& db, const installation& saved)
{
    installation i = saved;  // with its grants' new revisions
    if (i.bot)
        i.bot->revision = detail::fresh_revision();
    if (i.user)
        i.user->revision = detail::fresh_revision();
    const installation_key row_key = key_of(i);
    transaction t(db.statements(), transaction::mode::write);
    {
        execution upsert(db.prepared(installation_rows::upsert()));
        installation_rows::bind_upsert(upsert, i, db.keys());
        upsert.run();
    }
    if (i.user && !i.user_id.empty()) {
        execution upsert(db.prepared(user_grant_rows::upsert));
        user_grant_rows::bind_upsert(upsert, {row_key, i.user_id}, *i.user, i.installed_at, db.keys());
        upsert.run();
    }
    t.commit();
}

}  // namespace slack::store::sqlite
