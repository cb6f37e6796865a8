#pragma once
// slack::web::oauth: Slack's OAuth methods on a client.
//   auto r = co_await oauth.access({.client_id = id, .client_secret = s, .code = c});
#include <slack/diagnostics.hpp>
#include <slack/error.hpp>
#include <slack/web/access_params.hpp>
#include <slack/web/access_response.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <memory>
#include <utility>

namespace slack::web {

using access_signature = void(boost::system::result<access_response>);
using access_handler = boost::asio::any_completion_handler<access_signature>;

namespace detail {
// Compiled in src/web/oauth.cpp: copies what `params` views, then runs the call. `diag` may be null.
void start_access(std::shared_ptr<client_impl> client, const access_params& params, slack::diagnostics* diag,
                  access_handler handler);

struct initiate_access {
    std::shared_ptr<client_impl> client;
    template <class Handler>
    void operator()(Handler&& handler, access_params params, slack::diagnostics* diag) const
    {
        start_access(client, params, diag, access_handler(std::forward<Handler>(handler)));
    }
};
}  // namespace detail

class oauth {
public:
    explicit oauth(client& c) noexcept : client_(&c) {}

    /// oauth.access: exchanges a single-use verifier code for an access token.
    ///
    /// Handler signature: `void(boost::system::result<access_response>)`. The default token is
    /// `deferred`: `co_await oauth.access(p, diag)` in an `asio::awaitable` yields the result;
    /// callbacks, `use_future` and `deferred` work too. Never throws for API or transport errors.
    /// Executor: the call runs on the client's executor (its strand with thread_safe); the
    /// handler runs on its associated executor, or the client's if it has none.
    /// Lifetimes: what `params` views is copied when the call is initiated (see access_params);
    /// `diag` must stay alive until the handler runs. The client, its TLS context and the
    /// client object's pool may be destroyed while the call runs: the call keeps them alive.
    /// Cancellation: terminal, at every step (queue, rate-limit gate, lookup, connect, handshake,
    /// write, read, backoff). Cancelled before a byte was written: `operation_aborted`, and the
    /// code was not sent. Cancelled after: `client_errc::outcome_unknown` (the code may be spent)
    /// with `diag.underlying == operation_aborted`.
    /// Errors: `slack::api_errc` (Slack's `error` string; docs/errors.md), `slack::client_errc`
    /// (invalid_argument, timeout, outcome_unknown, code_probably_consumed...), Asio/Beast/SSL
    /// codes for the transport (connection_refused, certificate verification...). Test them
    /// through `slack::condition`. `diag` says what Slack and the transport said beyond the code.
    template <boost::asio::completion_token_for<access_signature> CompletionToken = default_token>
    auto access(access_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return boost::asio::async_initiate<CompletionToken, access_signature>(
            detail::initiate_access{client_->impl()}, token, params, &diag);
    }

    /// oauth.access without diagnostics: as above.
    template <boost::asio::completion_token_for<access_signature> CompletionToken = default_token>
    auto access(access_params params, CompletionToken&& token = {})
    {
        return boost::asio::async_initiate<CompletionToken, access_signature>(
            detail::initiate_access{client_->impl()}, token, params, nullptr);
    }

private:
    client* client_;
};

}  // namespace slack::web
