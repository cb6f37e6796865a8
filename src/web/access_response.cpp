// access_response: its accessors, and the builder that fills it from the body as it is parsed.
#include "web/access_response_builder.hpp"

#include <slack/client_errc.hpp>

#include <boost/json/parse.hpp>

#include <algorithm>

namespace slack::web {
namespace detail {
namespace {

using access_result = boost::system::result<access_response>;

// Splits at commas, skipping empty items.
template <class Out>
void split_at_commas(std::string_view list, std::vector<Out>& out)
{
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (const std::string_view item = list.substr(0, comma); !item.empty())
            out.emplace_back(item);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
}

std::string path_of(const json_value& v)
{
    std::string path(v.parent);
    if (!path.empty())
        path += '.';
    return path.append(v.key);
}

// The fields without which a successful answer is of no use to the caller.
bool is_required(std::string_view path) { return path == "access_token" || path == "team_id"; }

}  // namespace

void access_response_builder::clear(std::string_view body)
{
    body_ = body;
    std::string text = std::move(response.text_.text);  // keeps its capacity from attempt to attempt
    response = access_response{};
    text.clear();
    response.text_.text = std::move(text);
    mistyped_.clear();
}

void access_response_builder::text_into(access_response::text_span& out, const json_value& v)
{
    out = {};
    forget_mismatch(v);
    if (v.kind == json_kind::null)
        return;
    if (v.kind != json_kind::string)
        return mismatch(v);
    if (v.text.data() >= body_.data() && v.text.data() + v.text.size() <= body_.data() + body_.size()) {
        out = {static_cast<std::size_t>(v.text.data() - body_.data()), v.text.size(), true};
        return;  // as written in the body: no copy
    }
    std::string& text = response.text_.text;
    if (text.capacity() < 32)
        text.reserve(32);  // never inline, so that moves keep the views
    out = {text.size(), v.text.size(), false};
    text.append(v.text);
}

void access_response_builder::object_into(bool& present, std::initializer_list<access_response::text_span*> members,
                                          const json_value& v)
{
    present = false;
    forget_mismatch(v);
    for (access_response::text_span* member : members)
        *member = {};
    if (v.kind == json_kind::null)
        return;
    if (v.kind != json_kind::object)
        return mismatch(v);
    present = true;
}

void access_response_builder::on_value(const json_value& v)
{
    access_response& r = response;
    // Null counts as absent; a key seen twice keeps its last value.
    const std::string_view key = v.key;
    if (v.depth == 1) {
        switch (key.size()) {
        case 3:
            if (key == "bot")
                object_into(r.has_bot_, {&r.bot_user_id_, &r.bot_access_token_}, v);
            break;
        case 5:
            if (key == "scope")
                text_into(r.scope_, v);
            break;
        case 7:
            if (key == "team_id")
                text_into(r.team_id_, v);
            else if (key == "user_id")
                text_into(r.user_id_, v);
            break;
        case 9:
            if (key == "team_name")
                text_into(r.team_name_, v);
            break;
        case 12:
            if (key == "access_token")
                text_into(r.access_token_, v);
            break;
        case 13:
            if (key == "enterprise_id")
                text_into(r.enterprise_id_, v);
            break;
        case 16:
            if (key == "incoming_webhook")
                object_into(r.has_webhook_,
                            {&r.webhook_url_, &r.webhook_channel_, &r.webhook_channel_id_, &r.webhook_configuration_url_},
                            v);
            break;
        default:
            break;
        }
    } else if (v.depth == 2 && r.has_webhook_ && v.parent == "incoming_webhook") {
        if (key == "url")
            text_into(r.webhook_url_, v);
        else if (key == "channel")
            text_into(r.webhook_channel_, v);
        else if (key == "channel_id")
            text_into(r.webhook_channel_id_, v);
        else if (key == "configuration_url")
            text_into(r.webhook_configuration_url_, v);
    } else if (v.depth == 2 && r.has_bot_ && v.parent == "bot") {
        if (key == "bot_user_id")
            text_into(r.bot_user_id_, v);
        else if (key == "bot_access_token")
            text_into(r.bot_access_token_, v);
    }
}

void access_response_builder::mismatch(const json_value& v) { mistyped_.push_back(path_of(v)); }

void access_response_builder::forget_mismatch(const json_value& v)
{
    if (mistyped_.empty())
        return;
    const std::string path = path_of(v);
    std::erase(mistyped_, path);
}

access_result access_response_builder::finish(std::string body, slack::diagnostics& diag)
{
    response.body_ = std::move(body);  // the parsed text: the spans point into it
    const auto fatal = std::find_if(mistyped_.begin(), mistyped_.end(), is_required);
    if (fatal != mistyped_.end() || response.access_token().empty()) {
        // Slack answered ok:true: the code is spent, and the token is not usable.
        diag.underlying = client_errc::unexpected_shape;
        diag.client_message = fatal != mistyped_.end()
                                  ? "oauth.access answered ok with a field of an unexpected type: " + *fatal +
                                        "; the code is spent"
                                  : std::string("oauth.access answered ok without an access_token; the code is spent");
        return access_result(boost::system::in_place_error, client_errc::outcome_unknown);
    }
    if (!mistyped_.empty()) {
        diag.client_message = "oauth.access response fields of an unexpected type, left empty:";
        for (const std::string& path : mistyped_)
            diag.client_message.append(" ").append(path);
    }
    split_at_commas(diag.warning, response.warnings_);
    response.warnings_.insert(response.warnings_.end(), diag.warnings.begin(), diag.warnings.end());
    return std::move(response);
}

}  // namespace detail

std::vector<std::string_view> access_response::scopes() const
{
    std::vector<std::string_view> scopes;
    detail::split_at_commas(scope(), scopes);
    return scopes;
}

std::optional<std::string_view> access_response::enterprise_id() const noexcept
{
    if (enterprise_id_.offset == text_span::absent)
        return std::nullopt;
    return view(enterprise_id_);
}

std::optional<incoming_webhook> access_response::webhook() const noexcept
{
    if (!has_webhook_)
        return std::nullopt;
    return incoming_webhook{view(webhook_url_), view(webhook_channel_), view(webhook_channel_id_),
                            view(webhook_configuration_url_)};
}

std::optional<bot_credentials> access_response::bot() const noexcept
{
    if (!has_bot_)
        return std::nullopt;
    return bot_credentials{view(bot_user_id_), view(bot_access_token_)};
}

boost::json::object access_response::raw() const
{
    boost::json::value parsed = boost::json::parse(body_, {}, detail::body_parse_options());
    return std::move(parsed.as_object());
}

}  // namespace slack::web
