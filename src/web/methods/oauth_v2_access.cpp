// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// oauth.v2.access, both grants: what to check and send, and where the answer's fields go.
#include "web/method_runner.hpp"
#include "web/methods/v2_access_table.hpp"

namespace slack::web {
namespace detail {
namespace {

enum field : std::uint8_t {
    access_token,
    token_type,
    scope,
    refresh_token,
    expires_in,
    bot_user_id,
    user_id,
    app_id,
    team,
    team_id,
    team_name,
    enterprise,
    enterprise_id,
    enterprise_name,
    is_enterprise_install,
    user,
    user_id_of_user,
    user_scope,
    user_access_token,
    user_token_type,
    user_refresh_token,
    user_expires_in,
    webhook,
    webhook_url,
    webhook_channel,
    webhook_channel_id,
    webhook_configuration_url,
    id_token,
    count
};
static_assert(field::count == v2_access_response::field_count);

using json_kind::boolean;
using json_kind::number;
using json_kind::object;
using json_kind::string;
constexpr bool vital = true;
constexpr auto top = field_spec::top;

constexpr field_spec fields[] = {
    {"", "access_token", string, access_token, top, vital},
    {"", "token_type", string, token_type},
    {"", "scope", string, scope},
    {"", "refresh_token", string, refresh_token, top, vital},
    {"", "expires_in", number, expires_in},
    {"", "bot_user_id", string, bot_user_id},
    {"", "user_id", string, user_id},
    {"", "app_id", string, app_id},
    {"", "team", object, team},
    {"team", "id", string, team_id, team},
    {"team", "name", string, team_name, team},
    {"", "enterprise", object, enterprise},
    {"enterprise", "id", string, enterprise_id, enterprise},
    {"enterprise", "name", string, enterprise_name, enterprise},
    {"", "is_enterprise_install", boolean, is_enterprise_install},
    {"", "authed_user", object, user},
    {"authed_user", "id", string, user_id_of_user, user},
    {"authed_user", "scope", string, user_scope, user},
    {"authed_user", "access_token", string, user_access_token, user, vital},
    {"authed_user", "token_type", string, user_token_type, user},
    {"authed_user", "refresh_token", string, user_refresh_token, user, vital},
    {"authed_user", "expires_in", number, user_expires_in, user},
    {"", "incoming_webhook", object, webhook},
    {"incoming_webhook", "url", string, webhook_url, webhook},
    {"incoming_webhook", "channel", string, webhook_channel, webhook},
    {"incoming_webhook", "channel_id", string, webhook_channel_id, webhook},
    {"incoming_webhook", "configuration_url", string, webhook_configuration_url, webhook},
    {"", "id_token", string, id_token},
};

}  // namespace

response_table<v2_access_response> v2_access_table(std::string_view method,
                                                   const char* (*unusable)(const v2_access_response&))
{
    return {method, fields, unusable};
}

const char* without_any_token(const v2_access_response& r)
{
    const std::optional<authed_user> user = r.user();  // built once: it reads several fields
    const bool user_token = user && !user->access_token.empty();
    return r.access_token().empty() && !user_token ? "without an access_token" : nullptr;
}

const char* without_access_token(const v2_access_response& r)
{
    return r.access_token().empty() ? "without an access_token" : nullptr;
}

const char* check_code_grant(const v2_access_params& p) { return p.code.empty() ? "code is empty" : nullptr; }

void encode_code_grant(const v2_access_params& p, std::string& body)
{
    append_form_field(body, "code", p.code);
    if (!p.code_verifier.empty())
        append_form_field(body, "code_verifier", p.code_verifier);
    if (!p.redirect_uri.empty())
        append_form_field(body, "redirect_uri", p.redirect_uri);
}

const char* check_refresh_grant(const v2_refresh_params& p)
{
    return p.refresh_token.empty() ? "refresh_token is empty" : nullptr;
}

void encode_refresh_grant(const v2_refresh_params& p, std::string& body)
{
    append_form_field(body, "grant_type", "refresh_token");
    append_form_field(body, "refresh_token", p.refresh_token);
}

template <>
struct method_definition<oauth_v2_access> {
    static const char* check(const v2_access_params& p) { return check_code_grant(p); }
    static void encode(const v2_access_params& p, std::string& body) { encode_code_grant(p, body); }
    // Sign in with Slack answers without a top-level token: the user's is enough.
    static inline const response_table<v2_access_response> table =
        v2_access_table(oauth_v2_access::name, without_any_token);
};

template <>
struct method_definition<oauth_v2_refresh> {
    static const char* check(const v2_refresh_params& p) { return check_refresh_grant(p); }
    static void encode(const v2_refresh_params& p, std::string& body) { encode_refresh_grant(p, body); }
    static inline const response_table<v2_access_response> table =
        v2_access_table(oauth_v2_refresh::name, without_access_token);
};

template const response_table<v2_access_response>& table_of<oauth_v2_access>();
template void start_method<oauth_v2_access>(std::shared_ptr<client_impl>, const v2_access_params&, slack::diagnostics*,
                                            method_handler<oauth_v2_access>);
template void start_method<oauth_v2_refresh>(std::shared_ptr<client_impl>, const v2_refresh_params&,
                                             slack::diagnostics*, method_handler<oauth_v2_refresh>);

}  // namespace detail

using detail::field;

std::string_view v2_access_response::access_token() const noexcept { return text(slot(field::access_token)); }
std::string_view v2_access_response::token_type() const noexcept { return text(slot(field::token_type)); }
std::string_view v2_access_response::scope() const noexcept { return text(slot(field::scope)); }
std::vector<std::string_view> v2_access_response::scopes() const { return comma_list(scope()); }
std::string_view v2_access_response::refresh_token() const noexcept { return text(slot(field::refresh_token)); }
std::optional<std::chrono::seconds> v2_access_response::expires_in() const noexcept
{
    return seconds(slot(field::expires_in));
}
std::optional<std::chrono::system_clock::time_point> v2_access_response::expires_at() const noexcept
{
    return expiry(slot(field::expires_in));
}
std::string_view v2_access_response::bot_user_id() const noexcept { return text(slot(field::bot_user_id)); }
std::string_view v2_access_response::user_id() const noexcept { return text(slot(field::user_id)); }
std::string_view v2_access_response::app_id() const noexcept { return text(slot(field::app_id)); }
std::optional<workspace_ref> v2_access_response::team() const noexcept
{
    if (!present(slot(field::team)))
        return std::nullopt;
    return workspace_ref{text(slot(field::team_id)), text(slot(field::team_name))};
}
std::optional<workspace_ref> v2_access_response::enterprise() const noexcept
{
    if (!present(slot(field::enterprise)))
        return std::nullopt;
    return workspace_ref{text(slot(field::enterprise_id)), text(slot(field::enterprise_name))};
}
bool v2_access_response::is_enterprise_install() const noexcept
{
    return boolean(slot(field::is_enterprise_install)).value_or(false);
}
std::optional<authed_user> v2_access_response::user() const noexcept
{
    if (!present(slot(field::user)))
        return std::nullopt;
    return authed_user{text(slot(field::user_id_of_user)),    text(slot(field::user_scope)),
                       text(slot(field::user_access_token)),  text(slot(field::user_token_type)),
                       text(slot(field::user_refresh_token)), seconds(slot(field::user_expires_in)),
                       expiry(slot(field::user_expires_in))};
}
std::optional<incoming_webhook> v2_access_response::webhook() const noexcept
{
    if (!present(slot(field::webhook)))
        return std::nullopt;
    return incoming_webhook{text(slot(field::webhook_url)), text(slot(field::webhook_channel)),
                            text(slot(field::webhook_channel_id)), text(slot(field::webhook_configuration_url))};
}
std::string_view v2_access_response::id_token() const noexcept { return text(slot(field::id_token)); }

}  // namespace slack::web
