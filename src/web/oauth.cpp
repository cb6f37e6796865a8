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

namespace slack::web {
namespace detail {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using boost::system::error_code;
using access_result = boost::system::result<access_response>;

access_result failure(error_code ec) { return access_result(boost::system::in_place_error, ec); }

// Fills an access_response from the response's values as they are parsed.
class access_fields final : public response_fields {
public:
    access_response response;
    std::string malformed;  // the first field with an unexpected type, for the caller's diagnostics

    void clear() override
    {
        response = access_response{};
        malformed.clear();
    }

    void on_value(const json_value& v) override
    {
        if (v.kind == json_kind::null)  // null counts as absent
            return;
        const auto string_into = [&](std::string& out) {
            if (v.kind == json_kind::string)
                out.assign(v.text);
            else
                mismatch(v);
        };
        const auto object_into = [&](auto& optional) {
            if (v.kind == json_kind::object)
                optional.emplace();
            else
                mismatch(v);
        };
        if (v.depth == 1) {
            if (v.key == "access_token")
                string_into(response.access_token);
            else if (v.key == "scope")
                string_into(response.scope);
            else if (v.key == "team_name")
                string_into(response.team_name);
            else if (v.key == "team_id")
                string_into(response.team_id);
            else if (v.key == "user_id")
                string_into(response.user_id);
            else if (v.key == "enterprise_id")
                string_into(response.enterprise_id.emplace());
            else if (v.key == "incoming_webhook")
                object_into(response.webhook);
            else if (v.key == "bot")
                object_into(response.bot);
        } else if (v.depth == 2 && v.parent == "incoming_webhook" && response.webhook) {
            incoming_webhook& w = *response.webhook;
            if (v.key == "url")
                string_into(w.url);
            else if (v.key == "channel")
                string_into(w.channel);
            else if (v.key == "channel_id")
                string_into(w.channel_id);
            else if (v.key == "configuration_url")
                string_into(w.configuration_url);
        } else if (v.depth == 2 && v.parent == "bot" && response.bot) {
            if (v.key == "bot_user_id")
                string_into(response.bot->bot_user_id);
            else if (v.key == "bot_access_token")
                string_into(response.bot->bot_access_token);
        }
    }

private:
    void mismatch(const json_value& v)
    {
        if (!malformed.empty())
            return;
        malformed.assign(v.parent);
        if (!malformed.empty())
            malformed += '.';
        malformed.append(v.key);
    }
};

std::vector<std::string> split_scopes(std::string_view scope)
{
    std::vector<std::string> scopes;
    if (scope.empty())
        return scopes;
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


// The typed response, once the call succeeded and its values were delivered to `fields`.
access_result finish_access_response(access_fields& fields, std::string body, slack::diagnostics& diag)
{
    access_response& r = fields.response;
    if (!fields.malformed.empty() || r.access_token.empty()) {
        diag.client_message = fields.malformed.empty() ? "oauth.access response has no access_token"
                                                       : "oauth.access response field has an unexpected type: " +
                                                             fields.malformed;
        return failure(client_errc::unexpected_shape);
    }
    r.scopes = split_scopes(r.scope);
    r.warnings = split_scopes(diag.warning);
    r.warnings.insert(r.warnings.end(), diag.warnings.begin(), diag.warnings.end());
    r.body = std::move(body);
    return std::move(r);
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
    access_fields fields;
    auto body = co_await run_call(*client, request, diag, fields);
    if (!body)
        co_return failure(body.error());
    co_return finish_access_response(fields, std::move(*body), diag);
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

boost::json::object access_response::raw() const
{
    boost::json::value parsed = boost::json::parse(body);
    return std::move(parsed.as_object());
}

}  // namespace slack::web
