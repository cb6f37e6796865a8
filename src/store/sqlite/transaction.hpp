// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One operation's transaction: committed by commit(), rolled back if the operation ends first
// (a failure thrown out of it).
#include "store/sqlite/statement.hpp"

namespace slack::store::sqlite {

class transaction {
public:
    enum class mode {
        read,   ///< BEGIN: one snapshot for several reads.
        write,  ///< BEGIN IMMEDIATE: the write lock from the start. A read-modify-write that only
                ///< asked for it at its first write could find another writer got there in the
                ///< meantime, and fail (SQLITE_BUSY) without waiting.
    };

    /// Begins. Throws failure (query_failed when the lock is not free within busy_timeout).
    transaction(statement_cache& statements, mode m);
    ~transaction();

    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;

    void commit();

private:
    statement& commit_;
    statement& rollback_;
    bool open_ = true;
};

}  // namespace slack::store::sqlite
