#pragma once
#include <string_view>
#include <type_traits>

namespace slack::web {

/// Parameters of oauth.access (classic apps). Use designated initialisers:
///   co_await oauth.access({.client_id = id, .client_secret = secret, .code = code});
/// The members are views: the strings they view must stay alive until the call is initiated,
/// which copies what it sends. With `co_await`, a callback or use_future that is the call
/// expression itself; with `deferred`, until the deferred operation is started.
/// Why views: a braced temporary whose destructor is not trivial, living across a suspension
/// point inside a `co_await` expression, is miscompiled by g++ 12 at -O2 (it frees a copy that
/// was never allocated). A trivially destructible aggregate is immune.
struct access_params {
    std::string_view client_id{};      ///< Issued with your app. Sent per client_options::credentials.
    std::string_view client_secret{};  ///< Issued with your app. Never logged.
    std::string_view code{};           ///< The single-use code from the OAuth callback (expires after 10 minutes).
    std::string_view redirect_uri{};   ///< Must equal the one in the authorization request, if one was sent; empty: not sent.
    bool single_channel = false;       ///< Legacy: workspace apps only (retired 2021). Sent only when true.
};

static_assert(std::is_trivially_destructible_v<access_params>, "see the comment above access_params");

}  // namespace slack::web
