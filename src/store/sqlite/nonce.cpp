// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/operations.hpp"
#include "store/sqlite/transaction.hpp"

#include <string_view>

namespace slack::store::sqlite {
namespace {

constexpr std::string_view prune = "DELETE FROM slack_nonces WHERE expires_at <= ?1";
// Changes one row the first time, none on a replay.
constexpr std::string_view record =
    "INSERT INTO slack_nonces (nonce, expires_at) VALUES (?1, ?2) ON CONFLICT (nonce) DO NOTHING";

}  // namespace

bool consume_nonce(database& db, const std::string& nonce, time_point expires_at)
{
    // Pruning first, in the same transaction: an expired record of this nonce no longer blocks it.
    transaction t(db.statements(), transaction::mode::write);
    execution(db.prepared(prune)).bind(1, time_point(std::chrono::system_clock::now())).run();
    const bool first = execution(db.prepared(record)).bind(1, nonce).bind(2, expires_at).run() == 1;
    t.commit();
    return first;
}

}  // namespace slack::store::sqlite
