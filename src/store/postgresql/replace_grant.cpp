// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// replace_grant: the compare-and-swap of a refresh. One UPDATE whose WHERE holds the revision
// read, and which writes that revision + 1: of two replicas refreshing the same grant, the
// second's UPDATE touches no row.
#include "store/postgresql/operations.hpp"

#include "store/revision.hpp"
#include "store/sealed_columns.hpp"

namespace slack::store::postgresql {
namespace {

// The row the key finds (operations.hpp: $1..$3) is chosen inside the statement, so each token
// comes sealed twice: $5/$7 for the key's own row, $6/$8 for the org-wide one (a sealed value
// is bound to its row).
constexpr const char* replace_bot_statement = R"(
UPDATE slack_installations AS i SET
    bot_token = CASE WHEN i.team_id = $2::text THEN $5::text ELSE $6::text END,
    bot_refresh_token = CASE WHEN i.team_id = $2::text THEN $7::text ELSE $8::text END,
    bot_expires_at = $9::bigint,
    bot_scopes = $10::text,
    bot_id = $11::text,
    bot_user_id = $12::text,
    bot_reinstall_reason = $13::text,
    bot_revision = $14::bigint
FROM (SELECT team_id FROM slack_installations
      WHERE enterprise_id = $1::text AND team_id IN ($2::text, $3::text)
      ORDER BY team_id = $2::text DESC LIMIT 1) AS target
WHERE i.enterprise_id = $1::text AND i.team_id = target.team_id
    AND i.has_bot AND i.bot_revision = $4::bigint)";

constexpr const char* replace_user_statement = R"(
UPDATE slack_user_grants AS g SET
    token = CASE WHEN g.team_id = $2::text THEN $5::text ELSE $6::text END,
    refresh_token = CASE WHEN g.team_id = $2::text THEN $7::text ELSE $8::text END,
    expires_at = $9::bigint,
    scopes = $10::text,
    reinstall_reason = $12::text,
    revision = $13::bigint
FROM (SELECT team_id FROM slack_installations
      WHERE enterprise_id = $1::text AND team_id IN ($2::text, $3::text)
      ORDER BY team_id = $2::text DESC LIMIT 1) AS target
WHERE g.enterprise_id = $1::text AND g.team_id = target.team_id AND g.user_id = $11::text
    AND g.revision = $4::bigint)";

}  // namespace

operation<bool> replace_grant(const session& s, installation_key key, grant_kind kind, std::int64_t expected_revision,
                              token_grant grant)
{
    const bool bot = kind == grant_kind::bot;
    const std::string user_id = bot ? std::string() : key.user_id;
    const std::int64_t revision = detail::next_revision(expected_revision);
    const detail::grant_place own{key.enterprise_id, key.team_id, user_id, kind, revision};
    const detail::grant_place org_wide{key.enterprise_id, {}, user_id, kind, revision};

    parameters p;
    add_row_lookup(p, key).integer(expected_revision);
    p.text(detail::to_stored(s.keys, grant.token, own.token()));
    p.text(detail::to_stored(s.keys, grant.token, org_wide.token()));
    p.text(detail::to_stored(s.keys, grant.refresh_token, own.refresh_token()));
    p.text(detail::to_stored(s.keys, grant.refresh_token, org_wide.refresh_token()));
    p.time(grant.expires_at).text(grant.scopes);
    if (bot)
        p.text(grant.bot_id).text(grant.user_id);
    else
        p.text(key.user_id);
    p.text(grant.reinstall_reason).integer(revision);
    auto updated = co_await s.run(bot ? replace_bot_statement : replace_user_statement, p);
    if (!updated)
        co_return failed<bool>(updated.error());
    co_return updated->affected() == 1;
}

}  // namespace slack::store::postgresql
