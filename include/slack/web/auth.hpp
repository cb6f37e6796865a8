// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// slack::web::auth: auth.test and auth.revoke on a client.
///   auto who = co_await auth.test({.token = bot_token});
#include <slack/config.hpp>
#include <slack/diagnostics.hpp>
#include <slack/web/client.hpp>
#include <slack/web/detail/run_method.hpp>
#include <slack/web/methods/auth_revoke.hpp>
#include <slack/web/methods/auth_test.hpp>

#include <boost/asio/async_result.hpp>

#include <memory>
#include <type_traits>
#include <utility>

namespace slack::web {

/// The contract of every operation (signature, executor, lifetimes, cancellation, errors) is
/// oauth's: see slack::web::oauth.
class auth {
public:
    /// Uses `c`'s implementation (pool, TLS context, options): it keeps working after `c` is
    /// moved into another client, as long as that one lives. `c` must not be a moved-from client.
    /// A plain pointer, so that `co_await auth(client).op(...)` holds no temporary with a
    /// destructor across the suspension (g++ 12).
    explicit auth(const client& c) noexcept : client_(detail::client_access::impl(c).get()) {}
    /// Deleted: a temporary client would be gone before the first call.
    explicit auth(const client&&) = delete;

    /// auth.test: checks a token and says whose it is. Idempotent (retried like any safe call).
    /// Result: auth_test_response. Errors: `not_authed`, `invalid_auth`, `token_expired` (refresh
    /// it), `token_revoked`, `account_inactive`.
    template <boost::asio::completion_token_for<method_signature<auth_test>> CompletionToken = default_completion_token>
    auto test(token_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::async_run<auth_test>(client_, params, &diag, std::forward<CompletionToken>(token));
    }
    /// As above, without diagnostics.
    template <boost::asio::completion_token_for<method_signature<auth_test>> CompletionToken = default_completion_token>
    auto test(token_params params, CompletionToken&& token = {})
    {
        return detail::async_run<auth_test>(client_, params, nullptr, std::forward<CompletionToken>(token));
    }

    /// auth.revoke: revokes the token (unless `test`). It spends the token: after an attempt
    /// whose answer was lost it is not sent again, and the call ends with
    /// `client_errc::outcome_unknown`. Result: revoke_response.
    template <
        boost::asio::completion_token_for<method_signature<auth_revoke>> CompletionToken = default_completion_token>
    auto revoke(revoke_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::async_run<auth_revoke>(client_, params, &diag, std::forward<CompletionToken>(token));
    }
    /// As above, without diagnostics.
    template <
        boost::asio::completion_token_for<method_signature<auth_revoke>> CompletionToken = default_completion_token>
    auto revoke(revoke_params params, CompletionToken&& token = {})
    {
        return detail::async_run<auth_revoke>(client_, params, nullptr, std::forward<CompletionToken>(token));
    }

private:
    detail::client_impl* client_;
};
static_assert(std::is_trivially_destructible_v<auth>);

}  // namespace slack::web
