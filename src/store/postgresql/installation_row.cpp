// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/postgresql/installation_row.hpp"

#include "store/sealed_columns.hpp"

#include <slack/store/store_errc.hpp>

namespace slack::store::postgresql {

const char* const installation_columns = R"(
    i.enterprise_id, i.team_id, i.app_id, i.enterprise_name, i.team_name, i.is_enterprise_install,
    i.installer_user_id, i.has_bot, i.bot_token, i.bot_refresh_token, i.bot_expires_at, i.bot_scopes,
    i.bot_id, i.bot_user_id, i.bot_revision, i.has_webhook, i.webhook_url, i.webhook_channel,
    i.webhook_channel_id, i.webhook_configuration_url, i.installed_at,
    g.user_id, g.token, g.refresh_token, g.expires_at, g.scopes, g.revision,
    i.bot_reinstall_reason, g.reinstall_reason
)";

namespace {

using boost::system::error_code;

// installation_columns, in order.
enum column : int {
    enterprise_id,
    team_id,
    app_id,
    enterprise_name,
    team_name,
    is_enterprise_install,
    installer_user_id,
    has_bot,
    bot_token,
    bot_refresh_token,
    bot_expires_at,
    bot_scopes,
    bot_id,
    bot_user_id,
    bot_revision,
    has_webhook,
    webhook_url,
    webhook_channel,
    webhook_channel_id,
    webhook_configuration_url,
    installed_at,
    grant_user_id,
    grant_token,
    grant_refresh_token,
    grant_expires_at,
    grant_scopes,
    grant_revision,
    bot_reinstall_reason,
    grant_reinstall_reason,
};

// Reads one row's cells, keeping the first failure (corrupt_row, or a token that does not
// open) so that the reading code stays a list of fields.
class row_reader {
public:
    row_reader(const query_result& rows, int row, const detail::sealing_keys& keys)
        : rows_(rows), row_(row), keys_(keys)
    {
    }

    std::string text(column c) { return std::string(rows_.text(row_, c)); }
    bool boolean(column c) { return keep(rows_.boolean(row_, c), false); }
    std::int64_t integer(column c) { return keep(rows_.integer(row_, c), 0); }
    std::optional<time_point> optional_time(column c) { return keep(rows_.time(row_, c), std::nullopt); }
    time_point time(column c)
    {
        std::optional<time_point> t = optional_time(c);
        if (!t)
            note(store_errc::corrupt_row);
        return t.value_or(time_point{});
    }
    std::string token(column c, const detail::column_place& place)
    {
        return keep(detail::from_stored(keys_, rows_.text(row_, c), place), std::string());
    }

    const error_code& failure() const noexcept { return failure_; }

private:
    template <class T, class Fallback>
    T keep(boost::system::result<T> value, Fallback fallback)
    {
        if (value)
            return std::move(*value);
        note(value.error());
        return T(std::move(fallback));
    }
    void note(const error_code& ec)
    {
        if (!failure_)
            failure_ = ec;
    }

    const query_result& rows_;
    int row_;
    const detail::sealing_keys& keys_;
    error_code failure_;
};

}  // namespace

boost::system::result<installation> read_installation(const query_result& rows, int at, const std::string& wanted_user,
                                                      const detail::sealing_keys& keys)
{
    using detail::grant_place;
    row_reader row(rows, at, keys);
    installation i;
    i.enterprise_id = row.text(enterprise_id);
    i.team_id = row.text(team_id);
    i.app_id = row.text(app_id);
    i.enterprise_name = row.text(enterprise_name);
    i.team_name = row.text(team_name);
    i.is_enterprise_install = row.boolean(is_enterprise_install);
    i.user_id = wanted_user.empty() ? row.text(installer_user_id) : wanted_user;
    i.installed_at = row.time(installed_at);
    if (row.boolean(has_bot)) {
        token_grant& bot = i.bot.emplace();
        bot.revision = row.integer(bot_revision);  // first: the sealed tokens are bound to it
        const grant_place bot_place{i.enterprise_id, i.team_id, {}, grant_kind::bot, bot.revision};
        bot.token = row.token(bot_token, bot_place.token());
        bot.refresh_token = row.token(bot_refresh_token, bot_place.refresh_token());
        bot.expires_at = row.optional_time(bot_expires_at);
        bot.scopes = row.text(bot_scopes);
        bot.bot_id = row.text(bot_id);
        bot.user_id = row.text(bot_user_id);
        bot.reinstall_reason = row.text(bot_reinstall_reason);
    }
    if (row.boolean(has_webhook))
        i.incoming_webhook = webhook{row.text(webhook_url), row.text(webhook_channel), row.text(webhook_channel_id),
                                     row.text(webhook_configuration_url)};
    if (!rows.is_null(at, grant_user_id)) {
        token_grant& user = i.user.emplace();
        user.user_id = row.text(grant_user_id);
        user.revision = row.integer(grant_revision);  // first: the sealed tokens are bound to it
        const grant_place user_place{i.enterprise_id, i.team_id, user.user_id, grant_kind::user, user.revision};
        user.token = row.token(grant_token, user_place.token());
        user.refresh_token = row.token(grant_refresh_token, user_place.refresh_token());
        user.expires_at = row.optional_time(grant_expires_at);
        user.scopes = row.text(grant_scopes);
        user.reinstall_reason = row.text(grant_reinstall_reason);
    }
    if (row.failure())
        return row.failure();
    return i;
}

bool has_user_grant(const query_result& rows, int at) noexcept { return !rows.is_null(at, grant_user_id); }

}  // namespace slack::store::postgresql
