// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// PKCE (RFC 7636) for Slack's OAuth v2 and OpenID flows: a fresh verifier, and its S256
/// challenge for the authorize URL. The verifier goes to oauth.v2.access as `code_verifier`.
#include <string>
#include <string_view>

namespace slack::web {

/// A PKCE pair (RFC 7636, S256): the verifier stays with the app, the challenge goes on the authorize URL.
struct pkce_pair {
    std::string verifier;   ///< 43 characters of base64url (32 random bytes): keep it with the state, secret.
    std::string challenge;  ///< base64url(SHA-256(verifier)), no padding: `code_challenge` on the authorize URL.
    static constexpr std::string_view method = "S256";  ///< `code_challenge_method`.
};

/// A new pair from OpenSSL's random generator. Throws std::runtime_error if it has no entropy.
pkce_pair make_pkce();

/// The S256 challenge of `verifier`.
std::string pkce_challenge(std::string_view verifier);

}  // namespace slack::web
