// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// The OAuth `state`: signed, bound to the browser by a cookie, short-lived, and single use
/// through the installation store. Nothing is kept per attempt: any replica that shares the
/// secret verifies any state, and derives the attempt's PKCE verifier from its cookie.
///
/// The cookie holds a random secret of its own (32 bytes, base64url: 43 characters) that never
/// appears in a URL. The state is base64url(payload) "." base64url(HMAC-SHA256(secret, payload)),
/// where payload is a version byte (2), the creation time (seconds since the epoch, 8 bytes
/// big-endian) and the cookie's binding: the first 16 bytes of HMAC(secret, "cookie:" + cookie
/// secret). Who sees the state (or the whole authorize URL) cannot make its cookie; the PKCE
/// verifier, the OpenID nonce and the replay key are MACs of the cookie secret.
#include <slack/install/install_errc.hpp>
#include <slack/web/pkce.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace slack::install {

/// The signer's clock.
using time_point = std::chrono::system_clock::time_point;

/// A new state, and the cookie that ties it to the browser that starts the install.
struct issued_state {
    std::string state;       ///< The `state` of the authorize URL.
    std::string set_cookie;  ///< The value of a `Set-Cookie` header for the response that redirects to Slack.
    /// OpenID Connect's `nonce` for the authorize URL: base64url(HMAC(secret, "nonce:" + cookie
    /// secret)), 43 characters. Public (it travels in the URL and the id_token).
    std::string nonce;
    /// The attempt's PKCE pair: verifier base64url(HMAC(secret, "pkce:" + cookie secret)) (43
    /// characters), challenge its S256. Put only the challenge in the URL.
    web::pkce_pair pkce;
};

/// A state that passed every check verify() makes, with what its cookie gives. It is not yet
/// spent: consume `replay_key` with installation_store::consume_nonce(replay_key, expires_at)
/// before using the code.
struct verified_state {
    std::string replay_key;  ///< hex(HMAC(secret, "replay:" + cookie secret)): what the store keeps.
    /// Until when the store must remember it spent: creation time + lifetime + 1 s (verify()
    /// accepts it until then, as it counts whole seconds) + a minute (the clock skew allowed
    /// between replicas and the store). Never earlier: a record that goes first lets it be replayed.
    time_point expires_at;
    std::string nonce;    ///< As issued: compare it with the id_token's `nonce` claim (OpenID).
    web::pkce_pair pkce;  ///< As issued: send its verifier with the code.
};

/// The `__Host-` prefix makes browsers keep the cookie only if it is Secure, for Path=/ and
/// without Domain (so a sibling subdomain cannot plant or overwrite it), as every cookie the
/// signer writes is.
inline constexpr std::string_view default_state_cookie = "__Host-slack_oauth_state";

/// Issues and checks the OAuth `state` of an install (or a Sign in with Slack) without storing
/// anything: the state is HMAC-signed under the app's state secret, expires after the lifetime,
/// and is bound to a `__Host-` cookie holding a random secret that no URL carries. It also
/// derives the attempt's PKCE pair and OpenID nonce from that cookie secret. Copyable; its
/// functions are const and may be called from several threads at once.
class state_signer {
public:
    /// `secret`: at least 32 bytes, from configuration (every replica behind one redirect URL
    /// uses the same; never one made per process, or replicas refuse each other's states).
    /// Throws std::invalid_argument when the secret is shorter, `lifetime` is not positive, or
    /// `cookie_name` is not a cookie name. The message names the problem, never the secret.
    explicit state_signer(std::string secret, std::chrono::seconds lifetime = std::chrono::minutes(10),
                          std::string cookie_name = std::string(default_state_cookie));
    state_signer(const state_signer&) = default;                 ///< Copies the secret.
    state_signer(state_signer&&) noexcept = default;             ///< Moves the secret.
    state_signer& operator=(const state_signer&) = default;      ///< Copies the secret.
    state_signer& operator=(state_signer&&) noexcept = default;  ///< Moves the secret.
    ~state_signer();                                             ///< Wipes the secret.

    /// A fresh state and its cookie: a new random cookie secret (Max-Age = the lifetime; Path=/,
    /// Secure, HttpOnly, SameSite=Lax so that it comes back on Slack's top-level redirect; no
    /// Domain). Throws std::runtime_error if the system has no randomness.
    issued_state issue(time_point now = std::chrono::system_clock::now()) const;

    /// Checks, in this order: `state` empty (state_missing); its format (state_malformed); its
    /// MAC, in constant time (state_forged); its age: over the lifetime, or more than a minute
    /// ahead of `now` (state_expired); a cookie named cookie_name() in `cookie_header` (the
    /// request's whole Cookie header) whose secret the state's binding names, checked in constant
    /// time (state_browser_mismatch: no such cookie, or another attempt's). Does not spend it:
    /// see verified_state.
    boost::system::result<verified_state> verify(std::string_view state, std::string_view cookie_header,
                                                 time_point now = std::chrono::system_clock::now()) const;

    /// A `Set-Cookie` value that deletes the state cookie (Max-Age=0): send it on the callback's answer.
    std::string clearing_cookie() const;

    std::chrono::seconds lifetime() const noexcept { return lifetime_; }  ///< How long an issued state is accepted.
    const std::string& cookie_name() const noexcept
    {
        return cookie_name_;
    }  ///< The cookie's name (default_state_cookie unless given).

private:
    std::string derived(std::string_view label, std::string_view cookie_secret) const;
    std::string binding_of(std::string_view cookie_secret) const;
    std::optional<std::string> bound_cookie(std::string_view cookie_header, std::string_view binding) const;
    std::string cookie_with(std::string_view value, std::chrono::seconds max_age) const;

    std::string secret_;
    std::chrono::seconds lifetime_;
    std::string cookie_name_;
};

}  // namespace slack::install
