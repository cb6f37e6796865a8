// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The checks every OAuth callback makes before it exchanges the code, shared by the installer
// and Sign in with Slack so that both refuse the same requests in the same order.
#include <slack/install/state.hpp>
#include <slack/store/installation_store.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace slack::install::detail {

/// A redirect that passed every check: its state is spent, its code not yet.
struct checked_redirect {
    std::string code;
    verified_state state;  ///< Its PKCE verifier and OpenID nonce, from the cookie.
};

/// In this order: the query (code_missing), the state (state_signer::verify: state_*), its single
/// use (store.consume_nonce: state_replayed, or the store's error), then the redirect's own
/// error (access_denied, authorize_failed). A forged, expired or foreign request spends nothing.
/// The coroutine's cancellation is checked before the store's wait (operation_aborted, nothing
/// spent) and after it (operation_aborted, the state spent); the store's operation sees it too.
/// `query` and `cookie_header` must outlive the awaitable.
boost::asio::awaitable<boost::system::result<checked_redirect>> check_redirect(const state_signer& signer,
                                                                               store::installation_store& store,
                                                                               std::string_view query,
                                                                               std::string_view cookie_header);

}  // namespace slack::install::detail
