// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// reseal: a page of installations and all their users' grants, rewritten under the current key.
// Two reads (the page's rows, then the user grants in its key range), every value opened before
// any is written, then one UPDATE per grant that holds the revision read: a grant written
// meanwhile (a refresh, a new install: already under the current key) is left as it is.
#include "store/postgresql/operations.hpp"

#include <slack/store/store_errc.hpp>

#include <utility>
#include <vector>

namespace slack::store::postgresql {
namespace {

// Rows after ($1 enterprise, $2 team) in byte order (as list), at most $3.
constexpr const char* page_statement = R"(
SELECT enterprise_id, team_id, has_bot, bot_token, bot_refresh_token, bot_revision FROM slack_installations
WHERE (enterprise_id COLLATE "C", team_id COLLATE "C") > ($1::text, $2::text)
ORDER BY enterprise_id COLLATE "C", team_id COLLATE "C" LIMIT $3::bigint)";

// The user grants of rows after ($1, $2) up to and including ($3, $4): the page's.
constexpr const char* user_grants_statement = R"(
SELECT enterprise_id, team_id, user_id, token, refresh_token, revision FROM slack_user_grants
WHERE (enterprise_id COLLATE "C", team_id COLLATE "C") > ($1::text, $2::text)
    AND (enterprise_id COLLATE "C", team_id COLLATE "C") <= ($3::text, $4::text))";

constexpr const char* rewrite_bot_statement = R"(
UPDATE slack_installations SET bot_token = $3::text, bot_refresh_token = $4::text
WHERE enterprise_id = $1::text AND team_id = $2::text AND has_bot AND bot_revision = $5::bigint)";

constexpr const char* rewrite_user_statement = R"(
UPDATE slack_user_grants SET token = $4::text, refresh_token = $5::text
WHERE enterprise_id = $1::text AND team_id = $2::text AND user_id = $3::text AND revision = $6::bigint)";

// The grants of the page's rows, bot grants first; the page's count and next key.
operation<std::vector<detail::stored_grant>> read_page(const session& s, const installation_key& after,
                                                       std::size_t limit, reseal_page& page)
{
    parameters p;
    p.text(after.enterprise_id).text(after.team_id).integer(static_cast<std::int64_t>(limit) + 1);
    auto rows = co_await s.run(page_statement, p);
    if (!rows)
        co_return rows.error();
    std::vector<detail::stored_grant> grants;
    installation_key last;
    for (int at = 0; at < rows->rows(); ++at) {
        if (page.installations == limit) {  // the extra row: there is a next page
            page.next = last;
            break;
        }
        ++page.installations;
        last = {std::string(rows->text(at, 0)), std::string(rows->text(at, 1)), {}};
        auto has_bot = rows->boolean(at, 2);
        if (!has_bot)
            co_return has_bot.error();
        if (!*has_bot)
            continue;
        auto revision = rows->integer(at, 5);
        if (!revision)
            co_return revision.error();
        grants.push_back({last.enterprise_id, last.team_id, "", grant_kind::bot, std::string(rows->text(at, 3)),
                          std::string(rows->text(at, 4)), *revision});
    }
    if (page.installations == 0)
        co_return grants;
    parameters range;
    range.text(after.enterprise_id).text(after.team_id).text(last.enterprise_id).text(last.team_id);
    auto users = co_await s.run(user_grants_statement, range);
    if (!users)
        co_return users.error();
    for (int at = 0; at < users->rows(); ++at) {
        auto revision = users->integer(at, 5);
        if (!revision)
            co_return revision.error();
        grants.push_back({std::string(users->text(at, 0)), std::string(users->text(at, 1)),
                          std::string(users->text(at, 2)), grant_kind::user, std::string(users->text(at, 3)),
                          std::string(users->text(at, 4)), *revision});
    }
    co_return grants;
}

// Writes a grant's resealed pair if it is still at the revision read; whether it was.
operation<bool> rewrite(const session& s, const detail::stored_grant& grant,
                        const std::pair<std::string, std::string>& pair)
{
    const bool bot = grant.kind == grant_kind::bot;
    parameters p;
    p.text(grant.enterprise_id).text(grant.team_id);
    if (!bot)
        p.text(grant.user_id);
    p.text(pair.first).text(pair.second).integer(grant.revision);
    auto updated = co_await s.run(bot ? rewrite_bot_statement : rewrite_user_statement, p);
    if (!updated)
        co_return failed<bool>(updated.error());
    co_return updated->affected() == 1;
}

}  // namespace

operation<reseal_page> reseal(const session& s, installation_key after, std::size_t limit, clear_tokens clear)
{
    reseal_page page;
    auto grants = co_await read_page(s, after, limit, page);
    if (!grants)
        co_return grants.error();
    std::vector<std::pair<const detail::stored_grant*, std::pair<std::string, std::string>>> rewrites;
    for (const detail::stored_grant& grant : *grants) {
        auto pair = detail::resealed(s.keys, grant, clear == clear_tokens::seal);
        if (!pair)
            co_return pair.error();
        if (*pair)
            rewrites.emplace_back(&grant, std::move(**pair));
    }
    for (const auto& [grant, pair] : rewrites) {
        auto written = co_await rewrite(s, *grant, pair);
        if (!written)
            co_return written.error();
        page.grants += *written ? 1 : 0;
    }
    co_return page;
}

}  // namespace slack::store::postgresql
