// oauth.access: parameters in, access_response out. The call itself runs in web/call.cpp.
#include <slack/web/oauth.hpp>

#include "web/call.hpp"
#include "web/form.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <exception>

namespace slack::web {
namespace detail {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using boost::system::error_code;
using access_result = boost::system::result<access_response>;

access_result failure(error_code ec) { return access_result(boost::system::in_place_error, ec); }

// Copies a string field; false when present with another type (null counts as absent).
bool read_string(const json::object& object, std::string_view key, std::string& out)
{
    const json::value* value = object.if_contains(key);
    if (!value || value->is_null())
        return true;
    if (!value->is_string())
        return false;
    out = value->get_string();
    return true;
}

bool read_optional_string(const json::object& object, std::string_view key, std::optional<std::string>& out)
{
    const json::value* value = object.if_contains(key);
    if (!value || value->is_null())
        return true;
    if (!value->is_string())
        return false;
    out.emplace(value->get_string());
    return true;
}

// Reads an optional sub-object with `read`; false when present and not an object (or `read` fails).
template <class T, class Reader>
bool read_object(const json::object& object, std::string_view key, std::optional<T>& out, Reader read)
{
    const json::value* value = object.if_contains(key);
    if (!value || value->is_null())
        return true;
    if (!value->is_object())
        return false;
    return read(value->get_object(), out.emplace());
}

std::vector<std::string> split_scopes(std::string_view scope)
{
    std::vector<std::string> scopes;
    scopes.reserve(static_cast<std::size_t>(std::count(scope.begin(), scope.end(), ',')) + 1);
    while (!scope.empty()) {
        const auto comma = scope.find(',');
        std::string_view item = scope.substr(0, comma);
        if (!item.empty())
            scopes.emplace_back(item);
        scope = comma == std::string_view::npos ? std::string_view() : scope.substr(comma + 1);
    }
    return scopes;
}


access_result parse_access_response(json::object response, const slack::diagnostics& diag)
{
    access_response r{.raw = std::move(response)};  // move-constructed: keeps the parse arena
    const json::object& object = r.raw;
    const auto read_webhook = [](const json::object& o, incoming_webhook& w) {
        return read_string(o, "url", w.url) && read_string(o, "channel", w.channel) &&
               read_string(o, "channel_id", w.channel_id) && read_string(o, "configuration_url", w.configuration_url);
    };
    const auto read_bot = [](const json::object& o, bot_credentials& b) {
        return read_string(o, "bot_user_id", b.bot_user_id) && read_string(o, "bot_access_token", b.bot_access_token);
    };
    const bool shaped = read_string(object, "access_token", r.access_token) && read_string(object, "scope", r.scope) &&
                        read_string(object, "team_name", r.team_name) && read_string(object, "team_id", r.team_id) &&
                        read_string(object, "user_id", r.user_id) &&
                        read_optional_string(object, "enterprise_id", r.enterprise_id) &&
                        read_object(object, "incoming_webhook", r.webhook, read_webhook) &&
                        read_object(object, "bot", r.bot, read_bot);
    if (!shaped || r.access_token.empty())
        return failure(client_errc::unexpected_shape);
    r.scopes = split_scopes(r.scope);
    for (const std::string& code : split_scopes(diag.warning))
        r.warnings.push_back(code);
    r.warnings.insert(r.warnings.end(), diag.warnings.begin(), diag.warnings.end());
    return r;
}

api_request make_access_request(client_impl& client, const access_params& params)
{
    api_request request;
    request.method = "oauth.access";
    request.single_use = true;
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
    auto object = co_await run_call(*client, request, diag);
    if (!object)
        co_return failure(object.error());
    co_return parse_access_response(std::move(*object), diag);
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
}  // namespace slack::web
