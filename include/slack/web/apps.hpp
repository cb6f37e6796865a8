// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// slack::web::apps: apps.uninstall on a client.
///   co_await apps.uninstall({.client_id = id, .client_secret = s, .token = t});
#include <slack/config.hpp>
#include <slack/diagnostics.hpp>
#include <slack/web/client.hpp>
#include <slack/web/detail/run_method.hpp>
#include <slack/web/methods/apps_uninstall.hpp>

#include <boost/asio/async_result.hpp>

#include <memory>
#include <type_traits>
#include <utility>

namespace slack::web {

/// The contract of every operation is oauth's: see slack::web::oauth.
class apps {
public:
    /// Uses `c`'s implementation (pool, TLS context, options): it keeps working after `c` is
    /// moved into another client, as long as that one lives. `c` must not be a moved-from client.
    /// A plain pointer, so that `co_await apps(client).op(...)` holds no temporary with a
    /// destructor across the suspension (g++ 12).
    explicit apps(const client& c) noexcept : client_(detail::client_access::impl(c).get()) {}
    /// Deleted: a temporary client would be gone before the first call.
    explicit apps(const client&&) = delete;

    /// apps.uninstall: removes the app from the token's workspace; every token of that
    /// installation is revoked. The token goes in the Authorization header, the app's credentials
    /// as form fields. After an attempt whose answer was lost it is not sent again: the call ends
    /// with `client_errc::outcome_unknown`. Result: uninstall_response.
    template <
        boost::asio::completion_token_for<method_signature<apps_uninstall>> CompletionToken = default_completion_token>
    auto uninstall(uninstall_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::async_run<apps_uninstall>(client_, params, &diag, std::forward<CompletionToken>(token));
    }
    /// As above, without diagnostics.
    template <
        boost::asio::completion_token_for<method_signature<apps_uninstall>> CompletionToken = default_completion_token>
    auto uninstall(uninstall_params params, CompletionToken&& token = {})
    {
        return detail::async_run<apps_uninstall>(client_, params, nullptr, std::forward<CompletionToken>(token));
    }

private:
    detail::client_impl* client_;
};
static_assert(std::is_trivially_destructible_v<apps>);

}  // namespace slack::web
