// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/revision.hpp"
#include "store/sqlite/installation_rows.hpp"
#include "store/sqlite/operations.hpp"
#include "store/sqlite/transaction.hpp"
#include "store/sqlite/user_grant_rows.hpp"

#include <array>
#include <string_view>

namespace slack::store::sqlite {
namespace {

constexpr std::string_view delete_installation =
    "DELETE FROM slack_installations WHERE enterprise_id = ?1 AND team_id = ?2";

// remove_all: a team's rows (in its enterprise, or in any when the key names none), or with no
// team, a whole enterprise's. ?1 enterprise, ?2 team.
constexpr std::string_view delete_team_installations =
    "DELETE FROM slack_installations WHERE team_id = ?2 AND (?1 = '' OR enterprise_id = ?1)";
constexpr std::string_view delete_team_user_grants =
    "DELETE FROM slack_user_grants WHERE team_id = ?2 AND (?1 = '' OR enterprise_id = ?1)";
constexpr std::string_view delete_enterprise_installations = "DELETE FROM slack_installations WHERE enterprise_id = ?1";
constexpr std::string_view delete_enterprise_user_grants = "DELETE FROM slack_user_grants WHERE enterprise_id = ?1";

std::size_t count(std::int64_t changes) { return static_cast<std::size_t>(changes); }

std::optional<token_grant> find_user_grant(database& db, const user_grant_rows::place& at)
{
    execution row(db.prepared(user_grant_rows::select));
    user_grant_rows::bind_place(row, at);
    if (!row.step())
        return std::nullopt;
    return user_grant_rows::read(row, at, db.keys());
}

}  // namespace

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

std::optional<installation> find(database& db, const installation_key& key)
{
    transaction t(db.statements(), transaction::mode::read);  // the row and its user grant from one snapshot
    std::optional<installation> found;
    {
        execution row(db.prepared(installation_rows::select_found()));
        installation_rows::bind_lookup(row, key);
        if (!row.step())
            return std::nullopt;
        found = installation_rows::read(row, db.keys());
    }
    const std::string user_id = key.user_id.empty() ? found->user_id : key.user_id;
    if (!user_id.empty())
        found->user = find_user_grant(db, {key_of(*found), user_id});
    if (!found->user && !key.user_id.empty())
        return std::nullopt;  // the install is there, but not that user's grant
    found->user_id = user_id;
    t.commit();
    return found;
}

installation_page list(database& db, const installation_key& after, std::size_t limit)
{
    transaction t(db.statements(), transaction::mode::read);  // the page and its user grants from one snapshot
    installation_page page;
    {
        execution rows(db.prepared(installation_rows::select_page()));
        rows.bind(1, after.enterprise_id).bind(2, after.team_id).bind(3, static_cast<std::int64_t>(limit) + 1);
        while (rows.step()) {
            if (page.installations.size() == limit) {  // the extra row: there is a next page
                page.next = key_of(page.installations.back());
                break;
            }
            page.installations.push_back(installation_rows::read(rows, db.keys()));
        }
    }
    for (installation& i : page.installations)
        if (!i.user_id.empty())
            i.user = find_user_grant(db, {key_of(i), i.user_id});
    t.commit();
    return page;
}

std::size_t remove(database& db, const installation_key& key)
{
    const user_grant_rows::place at{key, key.user_id};
    if (!key.user_id.empty()) {
        execution one(db.prepared(user_grant_rows::delete_one));
        user_grant_rows::bind_place(one, at);
        return count(one.run());
    }
    transaction t(db.statements(), transaction::mode::write);
    std::size_t removed = 0;
    for (std::string_view sql : {delete_installation, user_grant_rows::delete_all_of}) {
        execution all(db.prepared(sql));
        all.bind(1, key.enterprise_id).bind(2, key.team_id);
        removed += count(all.run());
    }
    t.commit();
    return removed;
}

std::size_t remove_all(database& db, const installation_key& key)
{
    const bool whole_enterprise = key.team_id.empty();
    transaction t(db.statements(), transaction::mode::write);
    std::size_t removed = 0;
    for (std::string_view sql : whole_enterprise
                                    ? std::array{delete_enterprise_installations, delete_enterprise_user_grants}
                                    : std::array{delete_team_installations, delete_team_user_grants}) {
        execution all(db.prepared(sql));
        all.bind(1, key.enterprise_id);
        if (!whole_enterprise)
            all.bind(2, key.team_id);
        removed += count(all.run());
    }
    t.commit();
    return removed;
}

std::optional<installation_key> found_row_key(database& db, const installation_key& key)
{
    execution row(db.prepared(installation_rows::select_found_key()));
    installation_rows::bind_lookup(row, key);
    if (!row.step())
        return std::nullopt;
    return installation_key{row.text(0), row.text(1), {}};
}

bool replace_grant(database& db, const installation_key& key, grant_kind kind, std::int64_t expected_revision,
                   token_grant grant)
{
    grant.revision = detail::next_revision(expected_revision);
    // The row is looked up first because a sealed token is bound to the row it is stored in.
    transaction t(db.statements(), transaction::mode::write);
    const std::optional<installation_key> row_key = found_row_key(db, key);
    if (!row_key)
        return false;
    std::int64_t changed = 0;
    if (kind == grant_kind::bot) {
        execution update(db.prepared(installation_rows::replace_bot()));
        installation_rows::bind_replace_bot(update, *row_key, expected_revision, grant, db.keys());
        changed = update.run();
    } else {
        execution update(db.prepared(user_grant_rows::replace));
        user_grant_rows::bind_replace(update, {*row_key, key.user_id}, expected_revision, grant, db.keys());
        changed = update.run();
    }
    t.commit();
    return changed == 1;
}

}  // namespace slack::store::sqlite
