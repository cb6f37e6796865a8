#pragma once
// The OAuth `state`: signed, bound to the browser by a cookie, short-lived, and single use
// through the installation store. Nothing is kept per attempt: any replica that shares the
// secret verifies any state, and derives the attempt's PKCE verifier from it.
//
// Format: base64url(payload) "." base64url(HMAC-SHA256(secret, payload)), where payload is a
// version byte (1), the creation time (seconds since the epoch, 8 bytes big-endian) and a
// 16-byte random nonce. The cookie holds the nonce (base64url, 22 characters).
#include <slack/install/install_errc.hpp>
#include <slack/web/pkce.hpp>

#include <boost/system/result.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace slack::install {

using time_point = std::chrono::system_clock::time_point;

/// A new state, and the cookie that ties it to the browser that starts the install.
struct issued_state {
    std::string state;       ///< The `state` of the authorize URL.
    std::string set_cookie;  ///< The value of a `Set-Cookie` header for the response that redirects to Slack.
    std::string nonce;       ///< The attempt's nonce (base64url): also fit for OpenID Connect's `nonce`.
};

/// A state that passed every check verify() makes. It is not yet spent: consume `replay_key`
/// with installation_store::consume_nonce(replay_key, expires_at) before using the code.
struct verified_state {
    std::string replay_key;  ///< hex(HMAC(secret, "replay:" + nonce)): what the store keeps, not the nonce itself.
    time_point expires_at;   ///< Creation time + lifetime: after it, the state is refused anyway.
    std::string nonce;       ///< As in issued_state: compare it with the id_token's `nonce` claim (OpenID).
};

class state_signer {
public:
    /// `secret`: at least 32 bytes, from configuration (every replica behind one redirect URL
    /// uses the same; never one made per process, or replicas refuse each other's states).
    /// Throws std::invalid_argument when the secret is shorter, `lifetime` is not positive, or
    /// `cookie_name` is not a cookie name. The message names the problem, never the secret.
    explicit state_signer(std::string secret, std::chrono::seconds lifetime = std::chrono::minutes(10),
                          std::string cookie_name = "slack_oauth_state");
    state_signer(const state_signer&) = default;
    state_signer(state_signer&&) noexcept = default;
    state_signer& operator=(const state_signer&) = default;
    state_signer& operator=(state_signer&&) noexcept = default;
    ~state_signer();  ///< Wipes the secret.

    /// A fresh state and its cookie (Max-Age = the lifetime; Secure, HttpOnly, SameSite=Lax so
    /// that it comes back on Slack's redirect). Throws std::runtime_error if the system has no
    /// randomness.
    issued_state issue(time_point now = std::chrono::system_clock::now()) const;

    /// Checks, in this order: `state` empty (state_missing); its format (state_malformed); its
    /// MAC, in constant time (state_forged); its age: over the lifetime, or more than a minute
    /// ahead of `now` (state_expired); a cookie named cookie_name() in `cookie_header` (the
    /// request's whole Cookie header) equal to its nonce (state_browser_mismatch). Does not
    /// spend it: see verified_state.
    boost::system::result<verified_state> verify(std::string_view state, std::string_view cookie_header,
                                                 time_point now = std::chrono::system_clock::now()) const;

    /// A `Set-Cookie` value that deletes the state cookie (Max-Age=0): send it on the callback's answer.
    std::string clearing_cookie() const;

    /// The attempt's PKCE pair, derived from its nonce: verifier base64url(HMAC(secret, "pkce:" +
    /// nonce)) (43 characters), challenge its S256. The same for the issued and the verified
    /// state, so nothing needs storing between the redirect and the callback.
    web::pkce_pair pkce_for(const issued_state& state) const;
    web::pkce_pair pkce_for(const verified_state& state) const;

    std::chrono::seconds lifetime() const noexcept { return lifetime_; }
    const std::string& cookie_name() const noexcept { return cookie_name_; }

private:
    web::pkce_pair pkce_for_nonce(std::string_view nonce) const;
    std::string cookie_with(std::string_view value, std::chrono::seconds max_age) const;

    std::string secret_;
    std::chrono::seconds lifetime_;
    std::string cookie_name_;
};

}  // namespace slack::install
