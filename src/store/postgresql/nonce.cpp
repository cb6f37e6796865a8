// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// consume_nonce: a single-use value is recorded once; a second use, from any process, is a
// replay. Expired records are pruned by the same statement.
#include "store/postgresql/operations.hpp"

namespace slack::store::postgresql {
namespace {

// A record that expired counts as absent: it is taken over. The pruning skips rows another
// transaction holds, so that two replicas pruning at once never wait on each other (nor
// deadlock); what one skips, a later call prunes.
constexpr const char* consume_statement = R"(
WITH pruned AS (
    DELETE FROM slack_nonces WHERE nonce IN (
        SELECT nonce FROM slack_nonces
        WHERE expires_at <= (extract(epoch FROM clock_timestamp()) * 1000)::bigint AND nonce <> $1::text
        FOR UPDATE SKIP LOCKED)
)
INSERT INTO slack_nonces AS used (nonce, expires_at) VALUES ($1::text, $2::bigint)
ON CONFLICT (nonce) DO UPDATE SET expires_at = excluded.expires_at
    WHERE used.expires_at <= (extract(epoch FROM clock_timestamp()) * 1000)::bigint
RETURNING 1)";

}  // namespace

operation<bool> consume_nonce(const session& s, std::string nonce, time_point expires_at)
{
    parameters p;
    p.text(std::move(nonce)).integer(unix_milliseconds(expires_at));
    auto recorded = co_await s.run(consume_statement, p);
    if (!recorded)
        co_return failed<bool>(recorded.error());
    co_return recorded->rows() == 1;
}

}  // namespace slack::store::postgresql
