// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One Web API call with its retries: the I/O (gate and backoff timers, attempts on the pool,
// interpretation) around call_algorithm, which makes every decision (call_algorithm.hpp).
// Method-specific code builds the request before and receives the response's values through
// `response_fields`.
#include "web/client_impl.hpp"
#include "web/envelope.hpp"

#include <slack/diagnostics.hpp>
#include <slack/web/method_traits.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/system/result.hpp>

#include <exception>
#include <memory>
#include <string>
#include <string_view>

namespace slack::web::detail {

/// One call's request, made at initiation from the caller's parameters (which are views).
struct api_request {
    api_request() = default;
    api_request(api_request&&) = default;
    api_request& operator=(api_request&&) = default;
    ~api_request();  ///< Wipes `body` and the credentials: they may hold a code, a secret or a token.

    /// e.g. "oauth.access": a typed method's name (static), or the name given to client.call().
    std::string_view method() const noexcept { return method_name.empty() ? method_literal : method_name; }
    std::string_view method_literal;  ///< A typed method's name, which outlives every call.
    std::string method_name;          ///< client.call()'s, owned.
    std::string body;                 ///< Form-encoded parameters, or a JSON object.
    std::string_view content_type = "application/x-www-form-urlencoded";
    bool idempotent = false;  ///< Safe to run twice.
    spend_rule spends{};      ///< The single-use credential it spends, if any.
    /// The caller's name for whose rate limit this counts against (a workspace), if given: see
    /// client_impl::rate_subject().
    std::string rate_key;
    /// The client id when it travels as a form field (no Basic header): the app, for the rate subject.
    std::string form_client_id;
    /// Set when the parameters are unusable: the call then fails with invalid_argument, and
    /// sends nothing.
    const char* invalid = nullptr;

    /// Client credentials for an HTTP Basic header, or a bearer token: run_call makes the header
    /// (and the client caches it) on the client's executor, as initiation may run on another thread.
    void set_basic_credentials(std::string_view client_id, std::string_view client_secret);
    void set_bearer_token(std::string_view token);
    enum class credentials_kind { none, basic, bearer };
    credentials_kind credentials() const noexcept { return kind_; }
    std::string_view client_id() const noexcept { return std::string_view(credentials_).substr(0, id_size_); }
    std::string_view client_secret() const noexcept { return std::string_view(credentials_).substr(id_size_); }
    std::string_view bearer_token() const noexcept { return credentials_; }

private:
    std::string credentials_;  // id then secret, or the token
    std::size_t id_size_ = 0;
    credentials_kind kind_ = credentials_kind::none;
};

/// Runs the call on the client's executor. On success, the response is in `fields` (which
/// received its values and its body).
boost::asio::awaitable<boost::system::error_code> run_call(client_impl& client, const api_request& request,
                                                           slack::diagnostics& diag, response_fields& fields);

/// One whole call, run by slack::detail::start_operation on the client's executor: checks what
/// only the request can tell (a header-unsafe method or token), then run_call. Ends with an error
/// code, or success (the response is then in `fields`). `fields` must stay alive until it ends;
/// `diag` (may be null) too.
boost::asio::awaitable<boost::system::error_code> call_operation(std::shared_ptr<client_impl> client,
                                                                 api_request request, response_fields& fields,
                                                                 slack::diagnostics* external_diag);

}  // namespace slack::web::detail
