// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// reseal: a page of installations and all their users' grants, rewritten under the current key,
// in one write transaction (so nothing else writes between a read and its rewrite).
#include "store/sqlite/failure.hpp"
#include "store/sqlite/operations.hpp"
#include "store/sqlite/transaction.hpp"

#include <string_view>
#include <utility>
#include <vector>

namespace slack::store::sqlite {
namespace {

// Rows after (?1 enterprise, ?2 team) in byte order, at most ?3, with the bot grant's sealed columns.
constexpr std::string_view page_rows =
    "SELECT enterprise_id, team_id, has_bot, bot_token, bot_refresh_token, bot_revision FROM slack_installations"
    " WHERE (enterprise_id, team_id) > (?1, ?2) ORDER BY enterprise_id, team_id LIMIT ?3";
constexpr std::string_view user_grants_of_row =
    "SELECT user_id, token, refresh_token, revision FROM slack_user_grants WHERE enterprise_id = ?1 AND team_id = ?2";
constexpr std::string_view rewrite_bot =
    "UPDATE slack_installations SET bot_token = ?3, bot_refresh_token = ?4 WHERE enterprise_id = ?1 AND team_id = ?2";
constexpr std::string_view rewrite_user =
    "UPDATE slack_user_grants SET token = ?4, refresh_token = ?5"
    " WHERE enterprise_id = ?1 AND team_id = ?2 AND user_id = ?3";

// The grants of the page's rows, bot grants and user grants; the page's count and next key.
std::vector<detail::stored_grant> read_page(database& db, const installation_key& after, std::size_t limit,
                                            reseal_page& page)
{
    std::vector<detail::stored_grant> grants;
    std::vector<installation_key> rows;
    {
        execution e(db.prepared(page_rows));
        e.bind(1, after.enterprise_id).bind(2, after.team_id).bind(3, static_cast<std::int64_t>(limit) + 1);
        while (e.step()) {
            if (rows.size() == limit) {  // the extra row: there is a next page
                page.next = rows.back();
                break;
            }
            const installation_key& at = rows.emplace_back(installation_key{e.text(0), e.text(1), {}});
            if (e.flag(2))
                grants.push_back(
                    {at.enterprise_id, at.team_id, "", grant_kind::bot, e.text(3), e.text(4), e.integer(5)});
        }
    }
    for (const installation_key& at : rows) {
        execution e(db.prepared(user_grants_of_row));
        e.bind(1, at.enterprise_id).bind(2, at.team_id);
        while (e.step())
            grants.push_back(
                {at.enterprise_id, at.team_id, e.text(0), grant_kind::user, e.text(1), e.text(2), e.integer(3)});
    }
    page.installations = rows.size();
    return grants;
}

}  // namespace

reseal_page reseal(database& db, const installation_key& after, std::size_t limit, clear_tokens clear)
{
    transaction t(db.statements(), transaction::mode::write);
    reseal_page page;
    const std::vector<detail::stored_grant> grants = read_page(db, after, limit, page);
    // Every value opened before any is written: one that does not open fails the page as a whole.
    std::vector<std::pair<const detail::stored_grant*, std::pair<std::string, std::string>>> rewrites;
    for (const detail::stored_grant& grant : grants) {
        auto pair = detail::resealed(db.keys(), grant, clear == clear_tokens::seal);
        if (!pair)
            throw failure(static_cast<store_errc>(pair.error().value()));
        if (*pair)
            rewrites.emplace_back(&grant, std::move(**pair));
    }
    for (const auto& [grant, pair] : rewrites) {
        const bool bot = grant->kind == grant_kind::bot;
        execution e(db.prepared(bot ? rewrite_bot : rewrite_user));
        e.bind(1, grant->enterprise_id).bind(2, grant->team_id);
        if (bot)
            e.bind(3, pair.first).bind(4, pair.second);
        else
            e.bind(3, grant->user_id).bind(4, pair.first).bind(5, pair.second);
        e.run();
    }
    t.commit();
    page.grants = rewrites.size();
    return page;
}

}  // namespace slack::store::sqlite
