// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/installation_rows.hpp"

#include "store/key_rules.hpp"
#include "store/sqlite/tokens.hpp"

#include <array>
#include <string_view>

namespace slack::store::sqlite::installation_rows {
namespace {

// The columns, in the order of the SELECT's results and of the upsert's parameters (?1 is the
// first). The SQL is made from this list so that the three never disagree.
namespace col {
enum : int {
    enterprise_id,
    team_id,
    app_id,
    enterprise_name,
    team_name,
    is_enterprise_install,
    installer_user_id,
    bot_token,
    bot_refresh_token,
    bot_expires_at,
    bot_scopes,
    bot_id,
    bot_user_id,
    bot_reinstall_reason,
    bot_revision,
    has_bot,
    has_webhook,
    webhook_url,
    webhook_channel,
    webhook_channel_id,
    webhook_configuration_url,
    installed_at,
    count
};
}  // namespace col

constexpr std::array<std::string_view, col::count> names = {
    "enterprise_id",
    "team_id",
    "app_id",
    "enterprise_name",
    "team_name",
    "is_enterprise_install",
    "installer_user_id",
    detail::bot_columns.token,
    detail::bot_columns.refresh_token,
    "bot_expires_at",
    "bot_scopes",
    "bot_id",
    "bot_user_id",
    "bot_reinstall_reason",
    "bot_revision",
    "has_bot",
    "has_webhook",
    "webhook_url",
    "webhook_channel",
    "webhook_channel_id",
    "webhook_configuration_url",
    "installed_at",
};

// The org-wide row has team_id '', and sorts after the team's own.
constexpr std::string_view lookup =
    " FROM slack_installations"
    " WHERE enterprise_id = ?1 AND (team_id = ?2 OR (?3 AND team_id = ''))"
    " ORDER BY team_id = '' LIMIT 1";

std::string parameter(int column) { return "?" + std::to_string(column + 1); }

std::string column_list()
{
    std::string out;
    for (std::string_view name : names) {
        if (!out.empty())
            out += ", ";
        out += name;
    }
    return out;
}

// Where the bot grant's sealed tokens are bound to: its row and the grant's revision.
detail::grant_place place_of(const installation_key& row_key, std::int64_t revision)
{
    return {row_key.enterprise_id, row_key.team_id, {}, grant_kind::bot, revision};
}

// The bot grant's columns a write sets: bot_token to this one (the grant's revision is last).
constexpr int last_grant_column = col::bot_revision;

// Binds the bot grant's columns from bot_token to last_grant_column.
void bind_bot_columns(execution& e, int first_parameter, const installation_key& row_key, const token_grant& bot,
                      const detail::sealing_keys& keys)
{
    auto parameter_of = [&](int column) { return first_parameter + column - col::bot_token; };
    const detail::grant_place stored_at = place_of(row_key, bot.revision);
    e.bind(parameter_of(col::bot_token), detail::to_stored(keys, bot.token, stored_at.token()))
        .bind(parameter_of(col::bot_refresh_token),
              detail::to_stored(keys, bot.refresh_token, stored_at.refresh_token()))
        .bind(parameter_of(col::bot_expires_at), bot.expires_at)
        .bind(parameter_of(col::bot_scopes), bot.scopes)
        .bind(parameter_of(col::bot_id), bot.bot_id)
        .bind(parameter_of(col::bot_user_id), bot.user_id)
        .bind(parameter_of(col::bot_reinstall_reason), bot.reinstall_reason)
        .bind(parameter_of(col::bot_revision), bot.revision);
}

}  // namespace

void bind_lookup(execution& e, const installation_key& key)
{
    e.bind(1, key.enterprise_id).bind(2, key.team_id).bind(3, detail::has_org_fallback(key));
}

const std::string& select_found()
{
    static const std::string sql = "SELECT " + column_list() + std::string(lookup);
    return sql;
}

const std::string& select_found_key()
{
    static const std::string sql = "SELECT enterprise_id, team_id" + std::string(lookup);
    return sql;
}

const std::string& select_page()
{
    // BINARY collation: byte order, as the other backends list.
    static const std::string sql = "SELECT " + column_list() +
                                   " FROM slack_installations WHERE (enterprise_id, team_id) > (?1, ?2)"
                                   " ORDER BY enterprise_id, team_id LIMIT ?3";
    return sql;
}

installation read(const execution& row, const detail::sealing_keys& keys)
{
    installation i;
    i.enterprise_id = row.text(col::enterprise_id);
    i.team_id = row.text(col::team_id);
    i.app_id = row.text(col::app_id);
    i.enterprise_name = row.text(col::enterprise_name);
    i.team_name = row.text(col::team_name);
    i.is_enterprise_install = row.flag(col::is_enterprise_install);
    i.user_id = row.text(col::installer_user_id);
    const installation_key row_key{i.enterprise_id, i.team_id, {}};
    if (row.flag(col::has_bot)) {
        token_grant& bot = i.bot.emplace();
        bot.revision = row.integer(col::bot_revision);  // first: the sealed tokens are bound to it
        const detail::grant_place stored_at = place_of(row_key, bot.revision);
        bot.token = read_token(keys, row.text(col::bot_token), stored_at.token());
        bot.refresh_token = read_token(keys, row.text(col::bot_refresh_token), stored_at.refresh_token());
        bot.expires_at = row.optional_time(col::bot_expires_at);
        bot.scopes = row.text(col::bot_scopes);
        bot.bot_id = row.text(col::bot_id);
        bot.user_id = row.text(col::bot_user_id);
        bot.reinstall_reason = row.text(col::bot_reinstall_reason);
    }
    if (row.flag(col::has_webhook)) {
        webhook& hook = i.incoming_webhook.emplace();
        hook.url = row.text(col::webhook_url);
        hook.channel = row.text(col::webhook_channel);
        hook.channel_id = row.text(col::webhook_channel_id);
        hook.configuration_url = row.text(col::webhook_configuration_url);
    }
    i.installed_at = row.time(col::installed_at);
    return i;
}

const std::string& upsert()
{
    static const std::string sql = [] {
        std::string out = "INSERT INTO slack_installations (" + column_list() + ") VALUES (";
        for (int column = 0; column < col::count; ++column)
            out += (column == 0 ? "" : ", ") + parameter(column);
        out += ") ON CONFLICT (enterprise_id, team_id) DO UPDATE SET ";
        for (int column = col::app_id; column < col::count; ++column) {
            const std::string name(names[static_cast<std::size_t>(column)]);
            out += (column == col::app_id ? "" : ", ") + name + " = excluded." + name;
        }
        return out;
    }();
    return sql;
}

void bind_upsert(execution& e, const installation& i, const detail::sealing_keys& keys)
{
    const installation_key row_key = key_of(i);
    auto bind = [&](int column, const auto& value) { e.bind(column + 1, value); };
    auto bind_null = [&](int column) { e.bind_null(column + 1); };
    bind(col::enterprise_id, row_key.enterprise_id);
    bind(col::team_id, row_key.team_id);
    bind(col::app_id, i.app_id);
    bind(col::enterprise_name, i.enterprise_name);
    bind(col::team_name, i.team_name);
    bind(col::is_enterprise_install, i.is_enterprise_install);
    bind(col::installer_user_id, i.user_id);
    bind(col::has_bot, i.bot.has_value());
    if (i.bot) {
        bind_bot_columns(e, col::bot_token + 1, row_key, *i.bot, keys);
    } else {
        for (int column = col::bot_token; column <= col::bot_revision; ++column)
            bind_null(column);
    }
    bind(col::has_webhook, i.incoming_webhook.has_value());
    if (const auto& hook = i.incoming_webhook) {
        bind(col::webhook_url, hook->url);
        bind(col::webhook_channel, hook->channel);
        bind(col::webhook_channel_id, hook->channel_id);
        bind(col::webhook_configuration_url, hook->configuration_url);
    } else {
        for (int column = col::webhook_url; column <= col::webhook_configuration_url; ++column)
            bind_null(column);
    }
    bind(col::installed_at, i.installed_at);
}

const std::string& replace_bot()
{
    // ?1 ?2: the row's key; ?3-?10: the grant's columns, bot_token to last_grant_column (its new
    // revision); ?11: the revision expected.
    static const std::string sql = [] {
        std::string out = "UPDATE slack_installations SET ";
        for (int column = col::bot_token; column <= last_grant_column; ++column)
            out += std::string(names[static_cast<std::size_t>(column)]) + " = " +
                   parameter(column - col::bot_token + 2) + (column == last_grant_column ? "" : ", ");
        out += " WHERE enterprise_id = ?1 AND team_id = ?2 AND has_bot = 1 AND bot_revision = " +
               parameter(last_grant_column - col::bot_token + 3);
        return out;
    }();
    return sql;
}

void bind_replace_bot(execution& e, const installation_key& row_key, std::int64_t expected_revision,
                      const token_grant& grant, const detail::sealing_keys& keys)
{
    e.bind(1, row_key.enterprise_id).bind(2, row_key.team_id);
    bind_bot_columns(e, 3, row_key, grant, keys);
    e.bind(3 + last_grant_column - col::bot_token + 1, expected_revision);
}

}  // namespace slack::store::sqlite::installation_rows
