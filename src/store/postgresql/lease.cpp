// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The refresh lease: who may refresh a grant now. Timed by the database's clock, so that
// replicas whose clocks disagree still agree on when a lease ran out.
#include "store/postgresql/operations.hpp"

#include "store/key_rules.hpp"

namespace slack::store::postgresql {
namespace {

// A lease belongs to the grant it guards: it is kept under the installation row the key finds
// (a team's key shares its enterprise's org-wide install's lease), or under the key itself when
// no row is found ($1 enterprise, $2 team, $3 the fallback team: see add_row_lookup).
#define SLACK_LEASE_TEAM                                                                                         \
    "COALESCE((SELECT team_id FROM slack_installations WHERE enterprise_id = $1::text AND team_id = $2::text), " \
    "(SELECT team_id FROM slack_installations WHERE enterprise_id = $1::text AND team_id = $3::text), $2::text)"

// Taken when there is none, renewed by its holder, taken over once it ran out; RETURNING yields
// a row exactly when the lease is now `owner`'s.
constexpr const char* take_statement =
    "INSERT INTO slack_refresh_leases AS held (enterprise_id, team_id, user_id, kind, owner, until_ms) "
    "SELECT $1::text, " SLACK_LEASE_TEAM
    ", $4::text, $5::smallint, $6::text, "
    "(extract(epoch FROM clock_timestamp()) * 1000)::bigint + $7::bigint "
    "ON CONFLICT (enterprise_id, team_id, user_id, kind) DO UPDATE "
    "SET owner = excluded.owner, until_ms = excluded.until_ms "
    "WHERE held.owner = excluded.owner "
    "OR held.until_ms <= (extract(epoch FROM clock_timestamp()) * 1000)::bigint "
    "RETURNING 1";

constexpr const char* release_statement =
    "DELETE FROM slack_refresh_leases "
    "WHERE enterprise_id = $1::text AND team_id = " SLACK_LEASE_TEAM
    " AND user_id = $4::text "
    "AND kind = $5::smallint AND owner = $6::text";
#undef SLACK_LEASE_TEAM

parameters lease_parameters(const installation_key& key, grant_kind kind, std::string owner)
{
    parameters p;
    add_row_lookup(p, key).text(std::string(detail::lease_user(key, kind)));
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
