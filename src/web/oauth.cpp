// oauth.access: parameters in, access_response out. Initiation copies the parameters into the
// request; the call itself runs in web/call.cpp; the mapping is web/access_response.cpp.
#include <slack/web/oauth.hpp>

#include "web/access_response_builder.hpp"
#include "web/call.hpp"
#include "web/form.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>

#include <exception>

namespace slack::web::detail {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;
using access_result = boost::system::result<access_response>;

access_result failure(error_code ec) { return access_result(boost::system::in_place_error, ec); }

const char* check_params(const access_params& params)
{
    return params.client_id.empty()       ? "client_id is empty"
           : params.client_secret.empty() ? "client_secret is empty"
           : params.code.empty()          ? "code is empty"
                                          : nullptr;
}

// Copies what the caller's params view into the request, so that nothing of theirs is read
// after initiation.
api_request make_access_request(const client_options& options, const access_params& params)
{
    api_request request;
    request.method = "oauth.access";
    request.single_use = true;
    // Room for the worst case (every byte percent-encoded): the body never reallocates, so no
    // freed copy of the code or the secret is left behind (the request wipes its one buffer).
    request.body.reserve(3 * (params.client_id.size() + params.client_secret.size() + params.code.size() +
                              params.redirect_uri.size()) +
                         80);
    if (options.credentials == credentials_in::basic_auth) {
        request.set_basic_credentials(params.client_id, params.client_secret);
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

asio::awaitable<access_result> access_operation(std::shared_ptr<client_impl> client, api_request request,
                                                const char* invalid_params, slack::diagnostics* external_diag)
{
    co_await asio::this_coro::throw_if_cancelled(false);
    slack::diagnostics local_diag;
    slack::diagnostics& diag = external_diag ? *external_diag : local_diag;
    diag.clear();
    if (invalid_params) {
        diag.client_message = invalid_params;
        co_return failure(client_errc::invalid_argument);
    }
    access_response_builder fields;
    auto body = co_await run_call(*client, request, diag, fields);
    if (!body)
        co_return failure(body.error());
    co_return fields.finish(std::move(*body), diag);
}

}  // namespace

void start_access(std::shared_ptr<client_impl> client, const access_params& params, slack::diagnostics* diag,
                  access_handler handler)
{
    const char* invalid = check_params(params);
    api_request request = invalid ? api_request{} : make_access_request(client->options, params);
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
    asio::co_spawn(run_on, access_operation(std::move(client), std::move(request), invalid, diag),
                   asio::bind_cancellation_slot(slot, asio::bind_executor(executor, std::move(complete))));
}

}  // namespace slack::web::detail
