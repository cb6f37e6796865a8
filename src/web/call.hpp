#pragma once
// One Web API call with its retries: rate-limit gate, attempts on the pool, interpretation,
// retry policy, budget, deadline and cancellation. Method-specific code builds the request
// before and receives the response's values through `response_fields`.
#include "web/client_impl.hpp"
#include "web/envelope.hpp"

#include <slack/diagnostics.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/system/result.hpp>

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

    std::string_view method;    ///< e.g. "oauth.access"
    std::string body;           ///< Form-encoded parameters.
    std::shared_ptr<const std::string> authorization;  ///< Authorization header value, or null.
    bool idempotent = false;    ///< Safe to run twice.
    bool single_use = false;    ///< Spends a single-use credential (a code, a refresh token).

    /// Client credentials for an HTTP Basic header, which run_call makes (and the client
    /// caches) on the client's executor: initiation may run on another thread.
    void set_basic_credentials(std::string_view client_id, std::string_view client_secret);
    bool has_basic_credentials() const noexcept { return !basic_credentials_.empty(); }
    std::string_view client_id() const noexcept { return std::string_view(basic_credentials_).substr(0, id_size_); }
    std::string_view client_secret() const noexcept { return std::string_view(basic_credentials_).substr(id_size_); }

private:
    std::string basic_credentials_;  // id then secret
    std::size_t id_size_ = 0;
};

/// Runs the call on the client's executor. On `ok: true`, the response body (JSON text), its
/// values already delivered to `fields`.
boost::asio::awaitable<boost::system::result<std::string>> run_call(client_impl& client, const api_request& request,
                                                                    slack::diagnostics& diag, response_fields& fields);

}  // namespace slack::web::detail
