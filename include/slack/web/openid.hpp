// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// slack::web::openid: Sign in with Slack (OpenID Connect) on a client.
///   auto t = co_await openid.token({.client_id = id, .client_secret = s, .code = c});
///   auto who = co_await openid.user_info({.token = t->access_token()});
#include <slack/config.hpp>
#include <slack/diagnostics.hpp>
#include <slack/web/client.hpp>
#include <slack/web/detail/run_method.hpp>
#include <slack/web/methods/openid_connect_token.hpp>
#include <slack/web/methods/openid_connect_user_info.hpp>

#include <boost/asio/async_result.hpp>

#include <memory>
#include <type_traits>
#include <utility>

namespace slack::web {

/// The contract of every operation is oauth's: see slack::web::oauth.
class openid {
public:
    /// Uses `c`'s implementation (pool, TLS context, options): it keeps working after `c` is
    /// moved into another client, as long as that one lives. `c` must not be a moved-from client.
    /// A plain pointer, so that `co_await openid(client).op(...)` holds no temporary with a
    /// destructor across the suspension (g++ 12).
    explicit openid(const client& c) noexcept : client_(detail::client_access::impl(c).get()) {}
    /// Deleted: a temporary client would be gone before the first call.
    explicit openid(const client&&) = delete;

    /// openid.connect.token, grant authorization_code (PKCE optional): a user token and an
    /// id_token. A code used before: `api_errc::invalid_code`. Result: openid_token_response.
    template <boost::asio::completion_token_for<method_signature<openid_connect_token>> CompletionToken =
                  default_completion_token>
    auto token(v2_access_params params, slack::diagnostics& diag, CompletionToken&& completion = {})
    {
        return detail::async_run<openid_connect_token>(client_, params, &diag,
                                                       std::forward<CompletionToken>(completion));
    }
    /// As above, without diagnostics.
    template <boost::asio::completion_token_for<method_signature<openid_connect_token>> CompletionToken =
                  default_completion_token>
    auto token(v2_access_params params, CompletionToken&& completion = {})
    {
        return detail::async_run<openid_connect_token>(client_, params, nullptr,
                                                       std::forward<CompletionToken>(completion));
    }

    /// openid.connect.token, grant refresh_token. Result: openid_token_response.
    template <boost::asio::completion_token_for<method_signature<openid_connect_refresh>> CompletionToken =
                  default_completion_token>
    auto refresh(v2_refresh_params params, slack::diagnostics& diag, CompletionToken&& completion = {})
    {
        return detail::async_run<openid_connect_refresh>(client_, params, &diag,
                                                         std::forward<CompletionToken>(completion));
    }
    /// As above, without diagnostics.
    template <boost::asio::completion_token_for<method_signature<openid_connect_refresh>> CompletionToken =
                  default_completion_token>
    auto refresh(v2_refresh_params params, CompletionToken&& completion = {})
    {
        return detail::async_run<openid_connect_refresh>(client_, params, nullptr,
                                                         std::forward<CompletionToken>(completion));
    }

    /// openid.connect.userInfo: the signed-in user's claims, for the token of token(). Idempotent.
    /// Result: user_info_response. Errors as auth.test's.
    template <boost::asio::completion_token_for<method_signature<openid_connect_user_info>> CompletionToken =
                  default_completion_token>
    auto user_info(token_params params, slack::diagnostics& diag, CompletionToken&& completion = {})
    {
        return detail::async_run<openid_connect_user_info>(client_, params, &diag,
                                                           std::forward<CompletionToken>(completion));
    }
    /// As above, without diagnostics.
    template <boost::asio::completion_token_for<method_signature<openid_connect_user_info>> CompletionToken =
                  default_completion_token>
    auto user_info(token_params params, CompletionToken&& completion = {})
    {
        return detail::async_run<openid_connect_user_info>(client_, params, nullptr,
                                                           std::forward<CompletionToken>(completion));
    }

private:
    detail::client_impl* client_;
};
static_assert(std::is_trivially_destructible_v<openid>);

}  // namespace slack::web
