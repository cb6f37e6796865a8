// oauth.access: parameters in, access_response out. The call itself runs in web/call.cpp.
#include <slack/web/oauth.hpp>

#include "web/call.hpp"
#include "web/form.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <exception>
#include <initializer_list>

namespace slack::web {
namespace detail {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using boost::system::error_code;
using access_result = boost::system::result<access_response>;

access_result failure(error_code ec) { return access_result(boost::system::in_place_error, ec); }

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

}  // namespace

// Fills an access_response from the response's values as they are parsed. A string written
// without escapes is located in the body (which the response then owns); the others are
// copied, unescaped, into the response's one text buffer.
struct access_response_builder final : response_fields {
    access_response response;
    std::string malformed;  // the first field with an unexpected type, for the caller's diagnostics

    void clear(std::string_view body) override
    {
        body_ = body;
        std::string text = std::move(response.text_.text);  // keeps its capacity from attempt to attempt
        response = access_response{};
        text.clear();
        response.text_.text = std::move(text);
        malformed.clear();
    }

    void on_value(const json_value& v) override
    {
        access_response& r = response;
        // Null counts as absent; a key seen twice keeps its last value.
        const auto text_into = [&](access_response::text_span& out) {
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
            std::string& text = r.text_.text;
            if (text.capacity() < 32)
                text.reserve(32);  // never inline, so that moves keep the views
            out = {text.size(), v.text.size(), false};
            text.append(v.text);
        };
        const auto object_into = [&](bool& present, std::initializer_list<access_response::text_span*> members) {
            present = false;
            forget_mismatch(v);
            for (access_response::text_span* member : members)
                *member = {};
            if (v.kind == json_kind::null)
                return;
            if (v.kind != json_kind::object)
                return mismatch(v);
            present = true;
        };
        const std::string_view key = v.key;
        if (v.depth == 1) {
            switch (key.size()) {
            case 3:
                if (key == "bot")
                    object_into(r.has_bot_, {&r.bot_user_id_, &r.bot_access_token_});
                break;
            case 5:
                if (key == "scope")
                    text_into(r.scope_);
                break;
            case 7:
                if (key == "team_id")
                    text_into(r.team_id_);
                else if (key == "user_id")
                    text_into(r.user_id_);
                break;
            case 9:
                if (key == "team_name")
                    text_into(r.team_name_);
                break;
            case 12:
                if (key == "access_token")
                    text_into(r.access_token_);
                break;
            case 13:
                if (key == "enterprise_id")
                    text_into(r.enterprise_id_);
                break;
            case 16:
                if (key == "incoming_webhook")
                    object_into(r.has_webhook_, {&r.webhook_url_, &r.webhook_channel_, &r.webhook_channel_id_,
                                                 &r.webhook_configuration_url_});
                break;
            default:
                break;
            }
        } else if (v.depth == 2 && r.has_webhook_ && v.parent == "incoming_webhook") {
            if (key == "url")
                text_into(r.webhook_url_);
            else if (key == "channel")
                text_into(r.webhook_channel_);
            else if (key == "channel_id")
                text_into(r.webhook_channel_id_);
            else if (key == "configuration_url")
                text_into(r.webhook_configuration_url_);
        } else if (v.depth == 2 && r.has_bot_ && v.parent == "bot") {
            if (key == "bot_user_id")
                text_into(r.bot_user_id_);
            else if (key == "bot_access_token")
                text_into(r.bot_access_token_);
        }
    }

    // The typed response, once the call succeeded and its values were delivered.
    access_result finish(std::string body, slack::diagnostics& diag)
    {
        response.body_ = std::move(body);  // the parsed text: the spans point into it
        if (!malformed.empty() || response.access_token().empty()) {
            diag.client_message = malformed.empty()
                                      ? "oauth.access response has no access_token"
                                      : "oauth.access response field has an unexpected type: " + malformed;
            return failure(client_errc::unexpected_shape);
        }
        split_at_commas(diag.warning, response.warnings_);
        response.warnings_.insert(response.warnings_.end(), diag.warnings.begin(), diag.warnings.end());
        return std::move(response);
    }

private:
    std::string_view body_;  // the body being parsed: unescaped strings are located in it

    static std::string path_of(const json_value& v)
    {
        std::string path(v.parent);
        if (!path.empty())
            path += '.';
        return path.append(v.key);
    }
    void mismatch(const json_value& v)
    {
        if (malformed.empty())
            malformed = path_of(v);
    }
    void forget_mismatch(const json_value& v)  // the field is given again: the last value counts
    {
        if (!malformed.empty() && malformed == path_of(v))
            malformed.clear();
    }
};

namespace {

api_request make_access_request(client_impl& client, const access_params& params)
{
    api_request request;
    request.method = "oauth.access";
    request.single_use = true;
    // Room for the worst case (every byte percent-encoded): the body never reallocates, so no
    // freed copy of the code or the secret is left behind (the request wipes its one buffer).
    request.body.reserve(3 * (params.client_id.size() + params.client_secret.size() + params.code.size() +
                              params.redirect_uri.size()) +
                         80);
    if (client.options.credentials == credentials_in::basic_auth) {
        request.authorization = client.basic_authorization(params.client_id, params.client_secret);
    } else {
        append_form_field(request.body, "client_id", params.client_id);
        append_form_field(request.body, "client_secret", params.client_secret);
    }
    append_form_field(request.body, "code", params.code);
    if (!params.redirect_uri.empty())
        append_form_field(request.body, "redirect_uri", params.redirect_uri);
    if (params.single_channel)
        append_form_field(request.body, "single_channel", "true");
    return request;
}


error_code check_params(const access_params& params, slack::diagnostics& diag)
{
    const char* missing = params.client_id.empty()       ? "client_id is empty"
                          : params.client_secret.empty() ? "client_secret is empty"
                          : params.code.empty()          ? "code is empty"
                                                         : nullptr;
    if (!missing)
        return {};
    diag.client_message = missing;
    return client_errc::invalid_argument;
}

asio::awaitable<access_result> access_operation(std::shared_ptr<client_impl> client, access_params params,
                                                slack::diagnostics* external_diag)
{
    co_await asio::this_coro::throw_if_cancelled(false);
    slack::diagnostics local_diag;
    slack::diagnostics& diag = external_diag ? *external_diag : local_diag;
    diag.clear();
    if (error_code ec = check_params(params, diag))
        co_return failure(ec);
    const api_request request = make_access_request(*client, params);
    access_response_builder fields;
    auto body = co_await run_call(*client, request, diag, fields);
    if (!body)
        co_return failure(body.error());
    co_return fields.finish(std::move(*body), diag);
}

}  // namespace

void start_access(std::shared_ptr<client_impl> client, access_params params, slack::diagnostics* diag,
                  access_handler handler)
{
    auto slot = handler.get_cancellation_slot();
    auto executor = asio::get_associated_executor(handler, client->executor);
    auto complete = [handler = std::move(handler)](std::exception_ptr error, access_result r) mutable {
        // Errors are codes; an exception here came from a hook of the caller's (on_event, retry,
        // random) or from allocation, and leaves through io_context::run() like any handler's.
        if (error)
            std::rethrow_exception(error);
        std::move(handler)(std::move(r));
    };
    auto run_on = client->executor;
    asio::co_spawn(run_on, access_operation(std::move(client), std::move(params), diag),
                   asio::bind_cancellation_slot(slot, asio::bind_executor(executor, std::move(complete))));
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
