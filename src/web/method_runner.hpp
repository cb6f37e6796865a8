// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The generic part of every typed method, instantiated once per method in its source:
//   template void detail::start_method<oauth_v2_access>(...);
// A method's source specializes method_definition<Method> with what only it knows: the checks
// of its parameters, their encoding, and its response table. Everything else comes from its
// traits (include/slack/web/methods/*.hpp) and from run_call (web/call.cpp).
#include "detail/start_operation.hpp"
#include "web/call.hpp"
#include "web/form.hpp"
#include "web/response_table.hpp"

#include <slack/web/detail/run_method.hpp>
#include <slack/web/method_traits.hpp>

#include <boost/asio/any_completion_handler.hpp>

#include <memory>

namespace slack::web::detail {

/// Specialized by each method's source:
///   static const char* check(const params&);       // why the params cannot be sent, or null
///   static void encode(const params&, std::string& body);  // its own form fields
///   static constexpr response_table<response> table{...};
template <class Method>
struct method_definition;

/// A method's response table, for tests and fuzzing: instantiated in the method's source
///   template const response_table<access_response>& table_of<oauth_access>();
/// and declared `extern template` where it is used.
template <class Method>
const response_table<typename Method::response>& table_of()
{
    return method_definition<Method>::table;
}

/// A PKCE public client has no secret: methods that allow one say so in their traits.
template <class Method>
bool public_client_allowed(const typename Method::params& p)
{
    if constexpr (requires { Method::public_client(p); })
        return Method::public_client(p);
    else
        return false;
}

/// Why the credentials the traits ask for are missing, or null.
template <class Method>
const char* credentials_problem(const typename Method::params& p)
{
    constexpr auto auth = static_cast<unsigned>(Method::auth);
    if constexpr ((auth & static_cast<unsigned>(auth_kind::bearer_token)) != 0)
        if (p.token.empty())
            return "token is empty";
    if constexpr ((auth & static_cast<unsigned>(auth_kind::client_credentials)) != 0) {
        if (p.client_id.empty())
            return "client_id is empty";
        if (p.client_secret.empty() && !public_client_allowed<Method>(p))
            return "client_secret is empty";
    }
    return nullptr;
}

/// The request of one call of `Method`: its traits, its credentials where they belong, and its
/// own fields. Copies everything `params` views.
template <class Method>
api_request make_request(const client_options& options, const typename Method::params& p)
{
    using definition = method_definition<Method>;
    api_request request;
    request.method_literal = Method::name;
    request.idempotent = Method::idempotent;
    request.spends = Method::spends(p);
    if constexpr (Method::encoding == body_encoding::json)
        request.content_type = "application/json; charset=utf-8";
    request.invalid = credentials_problem<Method>(p);
    if (!request.invalid)
        request.invalid = definition::check(p);
    if (request.invalid)
        return request;
    constexpr auto auth = static_cast<unsigned>(Method::auth);
    if constexpr ((auth & static_cast<unsigned>(auth_kind::bearer_token)) != 0)
        request.set_bearer_token(p.token);
    if constexpr ((auth & static_cast<unsigned>(auth_kind::client_credentials)) != 0) {
        // Basic unless the options say form fields, or the token holds the one Authorization
        // header, or there is no secret (a PKCE public client sends its id alone).
        if (Method::auth == auth_kind::client_credentials && options.credentials == credentials_in::basic_auth &&
            !p.client_secret.empty()) {
            request.set_basic_credentials(p.client_id, p.client_secret);
        } else {
            append_form_field(request.body, "client_id", p.client_id);
            request.form_client_id = p.client_id;
            if (!p.client_secret.empty())
                append_form_field(request.body, "client_secret", p.client_secret);
        }
    }
    if constexpr (requires { p.rate_key; })
        request.rate_key = p.rate_key;
    definition::encode(p, request.body);
    return request;
}

/// Runs `request`, the response filled by `builder`, and completes `handler` with it.
template <class Builder, class Response>
void start_with(std::shared_ptr<client_impl> client, api_request request, std::unique_ptr<Builder> builder,
                slack::diagnostics* diag,
                boost::asio::any_completion_handler<void(boost::system::result<Response>)> handler)
{
    response_fields& fields = *builder;
    const boost::asio::any_io_executor run_on = client->executor;
    // Errors are codes; an exception (a hook of the caller's: on_event, retry, random; or
    // allocation) leaves through io_context::run(), as start_operation says.
    auto finish = [builder = std::move(builder)](auto&& handler, boost::system::error_code ec) {
        using result = boost::system::result<Response>;
        if (ec)
            std::move(handler)(result(boost::system::in_place_error, ec));
        else
            std::move(handler)(result(std::move(builder->response)));
    };
    slack::detail::start_operation(run_on, call_operation(std::move(client), std::move(request), fields, diag),
                                   std::move(handler), std::move(finish));
}

template <class Method>
void start_method(std::shared_ptr<client_impl> client, const typename Method::params& params, slack::diagnostics* diag,
                  method_handler<Method> handler)
{
    using response = typename Method::response;
    api_request request = make_request<Method>(client->options, params);
    start_with(std::move(client), std::move(request),
               std::make_unique<table_builder<response>>(method_definition<Method>::table), diag, std::move(handler));
}

}  // namespace slack::web::detail
