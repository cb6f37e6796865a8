// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// oauth.access: what to check and send, and where the answer's fields go.
#include "web/method_runner.hpp"

#include <slack/web/methods/oauth_access.hpp>

namespace slack::web {
namespace detail {
namespace {

enum field : std::uint8_t {
    access_token,
    scope,
    team_name,
    team_id,
    user_id,
    enterprise_id,
    webhook,
    webhook_url,
    webhook_channel,
    webhook_channel_id,
    webhook_configuration_url,
    bot,
    bot_user_id,
    bot_access_token,
    count
};
static_assert(field::count == access_response::field_count);

using json_kind::object;
using json_kind::string;

constexpr field_spec fields[] = {
    {"", "access_token", string, access_token, field_spec::top, true},
    {"", "scope", string, scope},
    {"", "team_name", string, team_name},
    {"", "team_id", string, team_id, field_spec::top, true},
    {"", "user_id", string, user_id},
    {"", "enterprise_id", string, enterprise_id},
    {"", "incoming_webhook", object, webhook},
    {"incoming_webhook", "url", string, webhook_url, webhook},
    {"incoming_webhook", "channel", string, webhook_channel, webhook},
    {"incoming_webhook", "channel_id", string, webhook_channel_id, webhook},
    {"incoming_webhook", "configuration_url", string, webhook_configuration_url, webhook},
    {"", "bot", object, bot},
    {"bot", "bot_user_id", string, bot_user_id, bot},
    {"bot", "bot_access_token", string, bot_access_token, bot},
};

const char* unusable(const access_response& r)
{
    return r.access_token().empty() ? "without an access_token" : nullptr;
}

}  // namespace

template <>
struct method_definition<oauth_access> {
    static const char* check(const access_params& p) { return p.code.empty() ? "code is empty" : nullptr; }
    static void encode(const access_params& p, std::string& body)
    {
        append_form_field(body, "code", p.code);
        if (!p.redirect_uri.empty())
            append_form_field(body, "redirect_uri", p.redirect_uri);
        if (p.single_channel)
            append_form_field(body, "single_channel", "true");
    }
    static constexpr response_table<access_response> table{"oauth.access", fields, unusable};
};

template const response_table<access_response>& table_of<oauth_access>();
template void start_method<oauth_access>(std::shared_ptr<client_impl>, const access_params&, slack::diagnostics*,
                                         method_handler<oauth_access>);

}  // namespace detail

using detail::field;

std::string_view access_response::access_token() const noexcept { return text(slot(field::access_token)); }
std::string_view access_response::scope() const noexcept { return text(slot(field::scope)); }
std::vector<std::string_view> access_response::scopes() const { return comma_list(scope()); }
std::string_view access_response::team_name() const noexcept { return text(slot(field::team_name)); }
std::string_view access_response::team_id() const noexcept { return text(slot(field::team_id)); }
std::string_view access_response::user_id() const noexcept { return text(slot(field::user_id)); }
std::optional<std::string_view> access_response::enterprise_id() const noexcept
{
    return optional_text(slot(field::enterprise_id));
}

std::optional<incoming_webhook> access_response::webhook() const noexcept
{
    if (!present(slot(field::webhook)))
        return std::nullopt;
    return incoming_webhook{text(slot(field::webhook_url)), text(slot(field::webhook_channel)),
                            text(slot(field::webhook_channel_id)), text(slot(field::webhook_configuration_url))};
}

std::optional<bot_credentials> access_response::bot() const noexcept
{
    if (!present(slot(field::bot)))
        return std::nullopt;
    return bot_credentials{text(slot(field::bot_user_id)), text(slot(field::bot_access_token))};
}

}  // namespace slack::web
