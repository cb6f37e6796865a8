// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// The id_token of Sign in with Slack (OpenID Connect): its claims, read and checked.
///
/// The RS256 signature is not verified, on purpose: the id_token is taken from the answer of
/// openid.connect.token, which this client received from Slack's token endpoint over TLS with a
/// verified certificate. OpenID Connect Core 1.0, section 3.1.3.7 (item 6), lets a client of the
/// code flow rely on that TLS validation instead of the signature. An id_token that came any other
/// way (from a browser, another service, a log) must not be passed here.
#include <slack/install/install_errc.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace slack::install {

/// Slack's issuer; GovSlack's is "https://slack-gov.com".
inline constexpr std::string_view slack_issuer = "https://slack.com";

/// What the id_token must say. Views: nothing is kept.
struct id_token_expectations {
    std::string_view client_id{};  ///< `aud` must be this (and only this).
    std::string_view nonce{};      ///< `nonce` must be this (verified_state::nonce); empty: none sent, none accepted.
    std::string_view issuer = slack_issuer;  ///< `iss` must be this.
    std::chrono::seconds clock_skew{60};     ///< `exp` may be this far past.
};

/// The signed-in user, from the id_token's claims. Empty strings for claims the token lacks
/// (email needs the `email` scope; names, picture and locale need `profile`).
struct id_token_claims {
    std::string user_id{};                               ///< https://slack.com/user_id, else `sub`.
    std::string team_id{};                               ///< https://slack.com/team_id
    std::string team_name{};                             ///< https://slack.com/team_name
    std::string team_domain{};                           ///< https://slack.com/team_domain
    std::string enterprise_id{};                         ///< https://slack.com/enterprise_id (Enterprise Grid only)
    std::string email{};                                 ///< `email` (scope `email`).
    bool email_verified = false;                         ///< `email_verified`; false when absent.
    std::string name{};                                  ///< `name` (scope `profile`).
    std::string given_name{};                            ///< `given_name`
    std::string family_name{};                           ///< `family_name`
    std::string picture{};                               ///< `picture`: the URL of the user's image.
    std::string locale{};                                ///< `locale`, e.g. "en-US".
    std::chrono::system_clock::time_point issued_at{};   ///< `iat`
    std::chrono::system_clock::time_point expires_at{};  ///< `exp`
};

/// Reads the claims of `id_token` (three base64url parts; the middle one a JSON object) and
/// checks them, stopping at the first failure, in this order: the shape (not three parts, bad
/// base64url, not a JSON object, `iss`/`aud`/`sub`/`exp`/`iat` missing or of the wrong type, any
/// other claim read here of the wrong type: install_errc::id_token_malformed); `iss`
/// (id_token_wrong_issuer); `aud`, a string or an array of strings (id_token_wrong_audience
/// unless it names the client_id and nothing else); `exp` not before `now - clock_skew`
/// (id_token_expired); `nonce`, compared in constant time (id_token_nonce_mismatch). The
/// signature is not verified: see the top of this header.
boost::system::result<id_token_claims> check_id_token(
    std::string_view id_token, const id_token_expectations& expected,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace slack::install
