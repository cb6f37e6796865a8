// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// slack::web::oauth: Slack's OAuth token methods on a client.
///   auto r = co_await oauth.v2_access({.client_id = id, .client_secret = s, .code = c});
#include <slack/config.hpp>
#include <slack/diagnostics.hpp>
#include <slack/web/client.hpp>
#include <slack/web/detail/run_method.hpp>
#include <slack/web/methods/oauth_access.hpp>
#include <slack/web/methods/oauth_v2_access.hpp>
#include <slack/web/methods/oauth_v2_exchange.hpp>
#include <slack/web/methods/oauth_v2_user_access.hpp>

#include <boost/asio/async_result.hpp>

#include <memory>
#include <type_traits>
#include <utility>

namespace slack::web {

/// The completion signature of oauth::access: `void(boost::system::result<access_response>)`.
using access_signature = method_signature<oauth_access>;

/// Every operation of this class (and of auth, openid, apps) follows one contract:
/// - Completion signature `void(boost::system::result<R>)`, R the method's response. The default
///   token is `deferred`: `co_await oauth.v2_access(p)` in an `asio::awaitable` yields the
///   result; callbacks, `use_future` and `deferred` work too. Never throws for API or transport
///   errors.
/// - Executor: the call runs on the client's executor (its strand with thread_safe); the handler
///   runs on its associated executor, or the client's if it has none.
/// - Lifetimes: what `params` views is copied when the call is initiated (see access_params);
///   `diag` must stay alive until the handler runs. The client, its TLS context and its pool may
///   be destroyed while the call runs: the call keeps them alive.
/// - Cancellation: terminal, at every step (queue, rate-limit gate, lookup, connect, handshake,
///   write, read, backoff). Before a byte was written: `operation_aborted`, nothing was sent.
///   After, for a method that is not idempotent: `client_errc::outcome_unknown` with
///   `diag.underlying == operation_aborted`.
/// - Errors: `slack::api_errc` (Slack's `error` string; docs/errors.md), `slack::client_errc`
///   (invalid_argument, timeout, attempt_timeout, outcome_unknown...), Asio/Beast/SSL codes
///   for the transport. Test them through `slack::condition`. `diag` says what Slack and the
///   transport said beyond the code.
/// - A single-use credential (a code, a refresh token) is never sent again after an attempt whose
///   outcome is unknown, whatever the retry policy says: the call ends with
///   `client_errc::outcome_unknown` (the lost attempt may have spent it).
class oauth {
public:
    /// Uses `c`'s implementation (pool, TLS context, options): it keeps working after `c` is
    /// moved into another client, as long as that one lives. `c` must not be a moved-from client.
    /// A plain pointer, so that `co_await oauth(client).op(...)` holds no temporary with a
    /// destructor across the suspension (g++ 12).
    explicit oauth(const client& c) noexcept : client_(detail::client_access::impl(c).get()) {}
    /// Deleted: a temporary client would be gone before the first call.
    explicit oauth(const client&&) = delete;

    /// oauth.access (classic apps): a single-use code for a user token. Result: access_response.
    /// A code used before: `api_errc::code_already_used`.
    template <
        boost::asio::completion_token_for<method_signature<oauth_access>> CompletionToken = default_completion_token>
    auto access(access_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_access>(client_, params, &diag, std::forward<CompletionToken>(token));
    }
    /// As above, without diagnostics.
    template <
        boost::asio::completion_token_for<method_signature<oauth_access>> CompletionToken = default_completion_token>
    auto access(access_params params, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_access>(client_, params, nullptr, std::forward<CompletionToken>(token));
    }

    /// oauth.v2.access, grant authorization_code (Slack apps; PKCE with `code_verifier`, and then
    /// `client_secret` may be empty): tokens of an install, or of Sign in with Slack. Result:
    /// v2_access_response. A code used before: `api_errc::invalid_code`; a wrong verifier:
    /// `api_errc::invalid_code_verifier`.
    template <
        boost::asio::completion_token_for<method_signature<oauth_v2_access>> CompletionToken = default_completion_token>
    auto v2_access(v2_access_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_access>(client_, params, &diag, std::forward<CompletionToken>(token));
    }
    /// As above, without diagnostics.
    template <
        boost::asio::completion_token_for<method_signature<oauth_v2_access>> CompletionToken = default_completion_token>
    auto v2_access(v2_access_params params, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_access>(client_, params, nullptr, std::forward<CompletionToken>(token));
    }

    /// oauth.v2.access, grant refresh_token (token rotation): a new access token and a new refresh
    /// token, bot or user (a user token's answer is flat: access_token, token_type "user",
    /// user_id). Store both before using them: the refresh token sent is revoked after a short
    /// grace period (`api_errc::invalid_refresh_token` then). Result: v2_access_response.
    template <boost::asio::completion_token_for<method_signature<oauth_v2_refresh>> CompletionToken =
                  default_completion_token>
    auto v2_refresh(v2_refresh_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_refresh>(client_, params, &diag, std::forward<CompletionToken>(token));
    }
    /// As above, without diagnostics.
    template <boost::asio::completion_token_for<method_signature<oauth_v2_refresh>> CompletionToken =
                  default_completion_token>
    auto v2_refresh(v2_refresh_params params, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_refresh>(client_, params, nullptr, std::forward<CompletionToken>(token));
    }

    /// oauth.v2.user.access: a single-use code for a user token only. Result: v2_access_response
    /// (flat: access_token, token_type "user", user_id).
    template <boost::asio::completion_token_for<method_signature<oauth_v2_user_access>> CompletionToken =
                  default_completion_token>
    auto v2_user_access(v2_access_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_user_access>(client_, params, &diag, std::forward<CompletionToken>(token));
    }
    /// As above, without diagnostics.
    template <boost::asio::completion_token_for<method_signature<oauth_v2_user_access>> CompletionToken =
                  default_completion_token>
    auto v2_user_access(v2_access_params params, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_user_access>(client_, params, nullptr, std::forward<CompletionToken>(token));
    }

    /// oauth.v2.user.access, grant refresh_token. Result: v2_access_response.
    template <boost::asio::completion_token_for<method_signature<oauth_v2_user_refresh>> CompletionToken =
                  default_completion_token>
    auto v2_user_refresh(v2_refresh_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_user_refresh>(client_, params, &diag, std::forward<CompletionToken>(token));
    }
    /// As above, without diagnostics.
    template <boost::asio::completion_token_for<method_signature<oauth_v2_user_refresh>> CompletionToken =
                  default_completion_token>
    auto v2_user_refresh(v2_refresh_params params, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_user_refresh>(client_, params, nullptr, std::forward<CompletionToken>(token));
    }

    /// oauth.v2.exchange: a long-lived token for a rotating pair, once (then
    /// `api_errc::token_already_exchanged`; `token_rotation_not_enabled` when the app has no
    /// rotation). The token is sent as a Bearer header, the app's credentials as form fields.
    /// Result: v2_access_response.
    template <boost::asio::completion_token_for<method_signature<oauth_v2_exchange>> CompletionToken =
                  default_completion_token>
    auto v2_exchange(v2_exchange_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_exchange>(client_, params, &diag, std::forward<CompletionToken>(token));
    }
    /// As above, without diagnostics.
    template <boost::asio::completion_token_for<method_signature<oauth_v2_exchange>> CompletionToken =
                  default_completion_token>
    auto v2_exchange(v2_exchange_params params, CompletionToken&& token = {})
    {
        return detail::async_run<oauth_v2_exchange>(client_, params, nullptr, std::forward<CompletionToken>(token));
    }

private:
    detail::client_impl* client_;
};
static_assert(std::is_trivially_destructible_v<oauth>);

}  // namespace slack::web
