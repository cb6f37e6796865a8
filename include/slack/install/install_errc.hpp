// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Errors of the install flow and of Slack's signed requests: a redirect whose state, cookie or
/// code is wrong, a request whose signature does not hold, an event that is replayed or not
/// Slack's shape, an id_token that does not hold. Messages never quote a state, code, signature,
/// token, nonce or secret.
#include <boost/system/error_code.hpp>
#include <type_traits>

namespace slack {

/// Errors of the install flow, the state, Sign in with Slack and the Events API checks.
enum class install_errc {
    /// The redirect carries no `state`.
    state_missing = 1,
    /// The state is not in this SDK's format (wrong length, encoding or version).
    state_malformed,
    /// The state's MAC does not hold: altered, or signed with another secret.
    state_forged,
    /// The state is older than its lifetime, or dated more than a minute ahead.
    state_expired,
    /// The state was used before (installation_store::consume_nonce said so).
    state_replayed,
    /// The state cookie is missing, or names another install attempt.
    state_browser_mismatch,
    /// The user declined: the redirect carries `error=access_denied`.
    access_denied,
    /// The redirect carries another `error`.
    authorize_failed,
    /// The redirect carries neither a code nor an error (or is not a query string).
    code_missing,
    /// A state secret under 32 bytes, or an empty signing secret.
    secret_too_short,
    /// No X-Slack-Signature or X-Slack-Request-Timestamp header.
    signature_missing,
    /// The signature does not match the body under the signing secret.
    signature_mismatch,
    /// The timestamp is unreadable or outside the accepted window.
    signature_stale,
    /// This signed request was received before.
    event_replayed,
    /// The event body is not the JSON shape Slack documents.
    event_malformed,
    /// The id_token is not a JWT whose claims are a JSON object with the claims it needs.
    id_token_malformed,
    /// The id_token's `iss` is not the expected issuer.
    id_token_wrong_issuer,
    /// The id_token's `aud` is not (only) this app's client_id.
    id_token_wrong_audience,
    /// The id_token's `exp` is past (beyond a minute's clock skew).
    id_token_expired,
    /// The id_token's `nonce` is not the one the sign-in's state sent.
    id_token_nonce_mismatch,
};

/// The category of install_errc: its message() names the problem, never a secret.
const boost::system::error_category& install_category() noexcept;

/// Makes `e` an error code, so that `ec == slack::install_errc::state_expired` compiles.
inline boost::system::error_code make_error_code(install_errc e) noexcept
{
    return {static_cast<int>(e), install_category()};
}

/// The enumerator's name, e.g. "state_forged".
const char* to_string(install_errc e) noexcept;

namespace install {
using slack::install_errc;  // also reachable as slack::install::install_errc
}  // namespace install

}  // namespace slack

template <>
struct boost::system::is_error_code_enum<slack::install_errc> : std::true_type {};
