// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// save: the installation row and the installing user's grant, upserted by one statement, each
// grant with a fresh revision.
#include "store/postgresql/operations.hpp"

#include "store/revision.hpp"
#include "store/sealed_columns.hpp"

namespace slack::store::postgresql {
namespace {

// Each grant written gets the fresh revision drawn for it ($28 the bot's, $29 the user's:
// store/revision.hpp), never one continued from the stored row.
constexpr const char* save_statement = R"(
WITH saved_installation AS (
    INSERT INTO slack_installations AS old (
        enterprise_id, team_id, app_id, enterprise_name, team_name, is_enterprise_install,
        installer_user_id, has_bot, bot_token, bot_refresh_token, bot_expires_at, bot_scopes,
        bot_id, bot_user_id, bot_revision, has_webhook, webhook_url, webhook_channel,
        webhook_channel_id, webhook_configuration_url, installed_at, bot_reinstall_reason)
    VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::boolean,
        $7::text, $8::boolean, $9::text, $10::text, $11::bigint, $12::text,
        $13::text, $14::text, $28::bigint, $15::boolean, $16::text, $17::text,
        $18::text, $19::text, $20::bigint, $26::text)
    ON CONFLICT (enterprise_id, team_id) DO UPDATE SET
        app_id = excluded.app_id,
        enterprise_name = excluded.enterprise_name,
        team_name = excluded.team_name,
        is_enterprise_install = excluded.is_enterprise_install,
        installer_user_id = excluded.installer_user_id,
        has_bot = excluded.has_bot,
        bot_token = excluded.bot_token,
        bot_refresh_token = excluded.bot_refresh_token,
        bot_expires_at = excluded.bot_expires_at,
        bot_scopes = excluded.bot_scopes,
        bot_id = excluded.bot_id,
        bot_user_id = excluded.bot_user_id,
        bot_reinstall_reason = excluded.bot_reinstall_reason,
        bot_revision = excluded.bot_revision,
        has_webhook = excluded.has_webhook,
        webhook_url = excluded.webhook_url,
        webhook_channel = excluded.webhook_channel,
        webhook_channel_id = excluded.webhook_channel_id,
        webhook_configuration_url = excluded.webhook_configuration_url,
        installed_at = excluded.installed_at
    RETURNING 1
), saved_user_grant AS (
    INSERT INTO slack_user_grants AS old (
        enterprise_id, team_id, user_id, token, refresh_token, expires_at, scopes, revision, installed_at,
        reinstall_reason)
    SELECT $1::text, $2::text, $7::text, $22::text, $23::text, $24::bigint, $25::text, $29::bigint, $20::bigint, $27::text
    WHERE $21::boolean
    ON CONFLICT (enterprise_id, team_id, user_id) DO UPDATE SET
        token = excluded.token,
        refresh_token = excluded.refresh_token,
        expires_at = excluded.expires_at,
        scopes = excluded.scopes,
        reinstall_reason = excluded.reinstall_reason,
        revision = excluded.revision,
        installed_at = excluded.installed_at
    RETURNING 1
)
SELECT (SELECT count(*) FROM saved_installation), (SELECT count(*) FROM saved_user_grant))";

// A text column that is NULL when the installation has no such part.
parameters& text_if(parameters& p, bool present, const std::string& value)
{
    return present ? p.text(value) : p.null();
}

}  // namespace

operation<void> save_installation(const session& s, installation i)
{
    if (i.bot)
        i.bot->revision = detail::fresh_revision();
    if (i.user)
        i.user->revision = detail::fresh_revision();
    const installation_key key = key_of(i);
    const bool has_bot = i.bot.has_value();
    const bool has_webhook = i.incoming_webhook.has_value();
    const bool has_user_grant = i.user.has_value() && !i.user_id.empty();  // a grant is kept under its user
    const token_grant none;
    const token_grant& bot = has_bot ? *i.bot : none;
    const token_grant& user = has_user_grant ? *i.user : none;
    const webhook no_webhook;
    const webhook& hook = has_webhook ? *i.incoming_webhook : no_webhook;
    using detail::grant_place;
    using detail::to_stored;

    parameters p;
    p.text(key.enterprise_id).text(key.team_id).text(i.app_id).text(i.enterprise_name).text(i.team_name);
    p.boolean(i.is_enterprise_install).text(i.user_id).boolean(has_bot);
    const grant_place bot_place{key.enterprise_id, key.team_id, {}, grant_kind::bot, bot.revision};
    text_if(p, has_bot, to_stored(s.keys, bot.token, bot_place.token()));
    text_if(p, has_bot, to_stored(s.keys, bot.refresh_token, bot_place.refresh_token()));
    p.time(bot.expires_at);
    text_if(p, has_bot, bot.scopes);
    text_if(p, has_bot, bot.bot_id);
    text_if(p, has_bot, bot.user_id);
    p.boolean(has_webhook);
    text_if(p, has_webhook, hook.url);
    text_if(p, has_webhook, hook.channel);
    text_if(p, has_webhook, hook.channel_id);
    text_if(p, has_webhook, hook.configuration_url);
    p.integer(unix_milliseconds(i.installed_at));
    p.boolean(has_user_grant);
    const grant_place user_place{key.enterprise_id, key.team_id, i.user_id, grant_kind::user, user.revision};
    text_if(p, has_user_grant, to_stored(s.keys, user.token, user_place.token()));
    text_if(p, has_user_grant, to_stored(s.keys, user.refresh_token, user_place.refresh_token()));
    p.time(user.expires_at);
    text_if(p, has_user_grant, user.scopes);
    text_if(p, has_bot, bot.reinstall_reason);
    text_if(p, has_user_grant, user.reinstall_reason);
    if (has_bot)
        p.integer(bot.revision);
    else
        p.null();
    p.integer(user.revision);  // unused without a user grant

    auto saved = co_await s.run(save_statement, p);
    if (!saved)
        co_return saved.error();
    co_return boost::system::result<void>();
}

}  // namespace slack::store::postgresql
