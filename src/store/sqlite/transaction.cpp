// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/transaction.hpp"

#include <sqlite3.h>

namespace slack::store::sqlite {

transaction::transaction(statement_cache& statements, mode m)
    // Both ends are compiled before the transaction begins, so that rolling back cannot fail to.
    : commit_(statements("COMMIT")), rollback_(statements("ROLLBACK"))
{
    execution(statements(m == mode::write ? "BEGIN IMMEDIATE" : "BEGIN")).run();
}

transaction::~transaction()
{
    if (!open_)
        return;
    // SQLite rolls some failures back itself (a full disk, say): then there is nothing to end.
    if (sqlite3_get_autocommit(sqlite3_db_handle(rollback_.handle())))
        return;
    sqlite3_step(rollback_.handle());
    sqlite3_reset(rollback_.handle());
}

void transaction::commit()
{
    execution(commit_).run();
    open_ = false;
}

}  // namespace slack::store::sqlite
