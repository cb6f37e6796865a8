// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Slack's authorize pages, played by the mock without a user: GET /oauth/v2/authorize and
// GET /openid/connect/authorize approve at once (or decline, when told to) and send the browser
// to redirect_uri (else the configured Redirect URL) with a freshly minted code and the state.
#include "mock/method_context.hpp"

#include <optional>
#include <string_view>

namespace slack::mock::detail {

enum class authorize_flow {
    oauth_v2,  ///< /oauth/v2/authorize: codes for oauth.v2.access
    openid,    ///< /openid/connect/authorize: codes for openid.connect.token
};

/// Which authorize page `path` is, if it is one.
std::optional<authorize_flow> authorize_flow_of(std::string_view path);

/// The page's answer to `query` (the target after '?'): 302 to redirect_uri with `code` and
/// `state` (or `error=access_denied` and `state`), or 400 with an HTML page for a missing or
/// unknown client_id, an unparsable redirect_uri (or none, with no server_options::redirect_url
/// to fall back to), a code_challenge_method other than S256, or (OpenID) a response_type other
/// than code.
outgoing_reply authorize_page(mock_state& state, authorize_flow flow, std::string_view query);

}  // namespace slack::mock::detail
