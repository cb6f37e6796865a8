// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// The two ends of a browser's trip to Slack and back, as installer and sign_in take them: where to
/// send it (install_start) and what its redirect brought (install_callback).
#include <slack/diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace slack::install {

/// Where to send the browser, and the cookie that binds the attempt to it.
struct install_start {
    std::string location{};    ///< The authorize URL: answer 302 with it as `Location`.
    std::string set_cookie{};  ///< A `Set-Cookie` header value for that same answer.
};

/// What the redirect to `redirect_uri` brought. Views, copied when complete() is initiated.
struct install_callback {
    std::string_view query{};          ///< The redirect's query string (after '?').
    std::string_view cookie_header{};  ///< The request's whole `Cookie` header.
};
static_assert(std::is_trivially_destructible_v<install_callback>);

namespace detail {

/// Runs the callback of `impl` (installer_impl, sign_in_impl) and completes `handler`: compiled
/// in src/install/ (flow_parts.hpp), instantiated in each flow's source. `diag` may be null.
template <class Impl, class Signature>
void start_callback(const std::shared_ptr<Impl>& impl, std::string query, std::string cookie_header,
                    slack::diagnostics* diag, boost::asio::any_completion_handler<Signature> handler);

/// The initiation of installer::complete and sign_in::complete: the callback's views copied into
/// strings, then handed with the type-erased handler to start_callback.
template <class Signature, class Impl, class CompletionToken>
auto initiate_callback(const std::shared_ptr<Impl>& impl, install_callback callback, slack::diagnostics* diag,
                       CompletionToken&& token)
{
    return boost::asio::async_initiate<CompletionToken, Signature>(
        [impl](auto handler, std::string query, std::string cookies, slack::diagnostics* diag) {
            start_callback<Impl, Signature>(impl, std::move(query), std::move(cookies), diag,
                                            boost::asio::any_completion_handler<Signature>(std::move(handler)));
        },
        token, std::string(callback.query), std::string(callback.cookie_header), diag);
}

}  // namespace detail

}  // namespace slack::install
