// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// The URLs that send a user to Slack to install the app (OAuth v2) or to sign in (OpenID
/// Connect). Every value is percent-encoded; empty ones are left out.
///   std::string url = slack::install::authorize_url({.client_id = id, .scope = "chat:write,commands",
///                                                     .redirect_uri = callback, .state = issued.state});
#include <string>
#include <string_view>

namespace slack::install {

/// Slack's host; GovSlack is "https://slack-gov.com", the mock server's is mock::server::base_url().
inline constexpr std::string_view slack_base_url = "https://slack.com";

/// The query of `/oauth/v2/authorize`. Views: nothing is kept.
struct authorize_params {
    std::string_view client_id{};       ///< The app's client id.
    std::string_view scope{};           ///< Bot scopes, comma-separated.
    std::string_view user_scope{};      ///< User scopes, comma-separated.
    std::string_view redirect_uri{};    ///< Send the same one to oauth.v2.access.
    std::string_view state{};           ///< state_signer::issue().state
    std::string_view team{};            ///< A workspace id to preselect.
    std::string_view code_challenge{};  ///< PKCE S256 challenge; adds code_challenge_method=S256.
};

/// The query of `/openid/connect/authorize` (Sign in with Slack). Views: nothing is kept.
struct openid_authorize_params {
    std::string_view client_id{};       ///< The app's client id.
    std::string_view scope = "openid";  ///< e.g. "openid,email,profile"
    std::string_view nonce{};           ///< Comes back in the id_token's `nonce` claim.
    std::string_view redirect_uri{};    ///< Send the same one to openid.connect.token.
    std::string_view state{};           ///< state_signer::issue().state
    std::string_view team{};            ///< A workspace id to preselect.
    std::string_view code_challenge{};  ///< PKCE S256 challenge; adds code_challenge_method=S256.
};

/// `base` + "/oauth/v2/authorize?client_id=...". `base` is an absolute http(s) URL without a
/// query (a trailing '/' is fine). Throws std::invalid_argument when it is not.
std::string authorize_url(const authorize_params& params, std::string_view base = slack_base_url);

/// `base` + "/openid/connect/authorize?response_type=code&client_id=...". Throws like authorize_url.
std::string openid_authorize_url(const openid_authorize_params& params, std::string_view base = slack_base_url);

}  // namespace slack::install
