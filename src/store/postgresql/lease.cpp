// The refresh lease: who may refresh a grant now. Timed by the database's clock, so that
// replicas whose clocks disagree still agree on when a lease ran out.
#include "store/postgresql/operations.hpp"

namespace slack::store::postgresql {
namespace {

// Taken when there is none, renewed by its holder, taken over once it ran out; RETURNING yields
// a row exactly when the lease is now `owner`'s.
constexpr const char* take_statement = R"(
INSERT INTO slack_refresh_leases AS held (enterprise_id, team_id, user_id, kind, owner, until_ms)
VALUES ($1::text, $2::text, $3::text, $4::smallint, $5::text,
        (extract(epoch FROM clock_timestamp()) * 1000)::bigint + $6::bigint)
ON CONFLICT (enterprise_id, team_id, user_id, kind) DO UPDATE
    SET owner = excluded.owner, until_ms = excluded.until_ms
    WHERE held.owner = excluded.owner
       OR held.until_ms <= (extract(epoch FROM clock_timestamp()) * 1000)::bigint
RETURNING 1)";

constexpr const char* release_statement = R"(
DELETE FROM slack_refresh_leases
WHERE enterprise_id = $1::text AND team_id = $2::text AND user_id = $3::text AND kind = $4::smallint
    AND owner = $5::text)";

parameters lease_parameters(const installation_key& key, grant_kind kind, std::string owner)
{
    parameters p;
    p.text(key.enterprise_id).text(key.team_id).text(key.user_id);
    p.integer(kind == grant_kind::bot ? 0 : 1).text(std::move(owner));
    return p;
}

}  // namespace

operation<bool> try_lease(const session& s, installation_key key, grant_kind kind, std::string owner,
                          std::chrono::milliseconds duration)
{
    parameters p = lease_parameters(key, kind, std::move(owner));
    p.integer(duration.count());
    auto taken = co_await s.run(take_statement, p);
    if (!taken)
        co_return failed<bool>(taken.error());
    co_return taken->rows() == 1;
}

operation<void> release_lease(const session& s, installation_key key, grant_kind kind, std::string owner)
{
    const parameters p = lease_parameters(key, kind, std::move(owner));
    auto released = co_await s.run(release_statement, p);
    if (!released)
        co_return released.error();
    co_return boost::system::result<void>();
}

}  // namespace slack::store::postgresql
