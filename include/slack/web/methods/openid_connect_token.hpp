// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// openid.connect.token (Sign in with Slack, OpenID Connect): a code, or a refresh token, for a
/// user token and an id_token. Run it with slack::web::openid::token / refresh.
#include <slack/web/detail/response_storage.hpp>
#include <slack/web/method_traits.hpp>
#include <slack/web/methods/oauth_v2_access.hpp>  // v2_access_params, v2_refresh_params

#include <chrono>
#include <optional>
#include <string_view>

namespace slack::web {

/// An openid.connect.token answer.
class openid_token_response : public detail::response_fields_of<6> {
public:
    std::string_view access_token() const noexcept;  ///< A user token (xoxp-), for openid.connect.userInfo.
    std::string_view token_type() const noexcept;    ///< "Bearer"
    /// The OpenID Connect ID token (a JWT). install::check_id_token reads its claims and checks
    /// them (issuer, audience, expiry, nonce) without verifying its signature, which OpenID
    /// Connect allows for a token taken, as here, straight from the token endpoint over TLS.
    std::string_view id_token() const noexcept;
    std::string_view refresh_token() const noexcept;  ///< The refresh token (xoxe-1-), with token rotation.
    std::optional<std::chrono::seconds> expires_in()
        const noexcept;  ///< The access token's lifetime, with token rotation.
    std::optional<std::chrono::system_clock::time_point> expires_at() const noexcept;  ///< received_at() + expires_in.
    std::string_view state() const noexcept;  ///< `state`, when Slack sends one back.
};

/// grant authorization_code (PKCE's code_verifier optional).
struct openid_connect_token : code_grant<openid_token_response> {
    static constexpr std::string_view name = "openid.connect.token";  ///< The method's name in the URL.
};

/// grant refresh_token.
struct openid_connect_refresh : refresh_grant<openid_token_response> {
    static constexpr std::string_view name = "openid.connect.token";  ///< The method's name in the URL.
};

}  // namespace slack::web
