// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Signed OAuth states bound to a cookie secret. The state's MAC covers its whole payload; the
// cookie's binding, the replay key, the PKCE verifier and the OpenID nonce are MACs of the cookie
// secret under labels ("cookie:", "replay:", "pkce:", "nonce:"), so none can be computed without
// both secrets, nor from another (and no payload, which starts with byte 2, looks like a label).
#include <slack/install/state.hpp>

#include "crypto/base64.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "install/cookie_header.hpp"
#include "install/replay_window.hpp"

#include <openssl/crypto.h>

#include <cstdint>
#include <optional>
#include <stdexcept>

namespace slack::install {

namespace {

constexpr unsigned char format_version = 2;  // 1 carried a nonce that was also the cookie
constexpr std::size_t cookie_secret_bytes = 32;
constexpr std::size_t cookie_text_size = 43;  // base64url of 32 bytes
constexpr std::size_t binding_bytes = 16;     // 128 bits of MAC: the state keeps its 78 characters
constexpr std::size_t payload_bytes = 1 + 8 + binding_bytes;
constexpr std::size_t mac_bytes = 32;  // HMAC-SHA256
constexpr std::size_t min_secret_bytes = 32;
// base64url of the payload (34) + '.' + base64url of the MAC (43); anything longer is not ours.
constexpr std::size_t max_state_size = 128;

std::int64_t seconds_since_epoch(time_point t)
{
    return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string make_payload(std::int64_t created, std::string_view binding)
{
    std::string payload(1, static_cast<char>(format_version));
    const auto bits = static_cast<std::uint64_t>(created);
    for (int shift = 56; shift >= 0; shift -= 8)
        payload += static_cast<char>((bits >> shift) & 0xff);
    payload += binding;
    return payload;
}

std::int64_t created_of(std::string_view payload)
{
    std::uint64_t bits = 0;
    for (std::size_t i = 1; i <= 8; ++i)
        bits = (bits << 8) | static_cast<unsigned char>(payload[i]);
    return static_cast<std::int64_t>(bits);
}

// Decodes one part, refusing every spelling but the canonical one, so a state has one text.
std::optional<std::string> decode_part(std::string_view part)
{
    std::optional<std::string> bytes = crypto::from_base64url(part);
    if (bytes && crypto::base64url(*bytes) != part)
        return std::nullopt;
    return bytes;
}

boost::system::result<verified_state> refuse(install_errc e) { return {boost::system::in_place_error, e}; }

// The PKCE pair whose verifier is base64url(`mac`) (43 characters, as RFC 7636 allows).
web::pkce_pair pkce_of(std::string_view mac)
{
    web::pkce_pair pair;
    pair.verifier = crypto::base64url(mac);
    pair.challenge = web::pkce_challenge(pair.verifier);
    return pair;
}

}  // namespace

state_signer::state_signer(std::string secret, std::chrono::seconds lifetime, std::string cookie_name)
    : secret_(std::move(secret)), lifetime_(lifetime), cookie_name_(std::move(cookie_name))
{
    if (secret_.size() < min_secret_bytes)
        throw std::invalid_argument("state_signer: the state secret is shorter than 32 bytes");
    if (lifetime_.count() <= 0)
        throw std::invalid_argument("state_signer: the state lifetime must be positive");
    if (!detail::is_cookie_name(cookie_name_))
        throw std::invalid_argument("state_signer: the cookie name is not a valid cookie name");
}

state_signer::~state_signer() { OPENSSL_cleanse(secret_.data(), secret_.size()); }

issued_state state_signer::issue(time_point now) const
{
    std::string cookie_secret = crypto::random_bytes(cookie_secret_bytes);
    const std::string payload = make_payload(seconds_since_epoch(now), binding_of(cookie_secret));
    issued_state issued;
    issued.state = crypto::base64url(payload) + '.' + crypto::base64url(crypto::hmac_sha256(secret_, payload));
    issued.nonce = crypto::base64url(derived("nonce:", cookie_secret));
    issued.pkce = pkce_of(derived("pkce:", cookie_secret));
    std::string cookie = crypto::base64url(cookie_secret);
    issued.set_cookie = cookie_with(cookie, lifetime_);
    OPENSSL_cleanse(cookie_secret.data(), cookie_secret.size());
    OPENSSL_cleanse(cookie.data(), cookie.size());
    return issued;
}

boost::system::result<verified_state> state_signer::verify(std::string_view state, std::string_view cookie_header,
                                                           time_point now) const
{
    if (state.empty())
        return refuse(install_errc::state_missing);
    const std::size_t dot = state.find('.');
    if (state.size() > max_state_size || dot == std::string_view::npos)
        return refuse(install_errc::state_malformed);
    const std::optional<std::string> payload = decode_part(state.substr(0, dot));
    const std::optional<std::string> mac = decode_part(state.substr(dot + 1));
    if (!payload || !mac || payload->size() != payload_bytes || mac->size() != mac_bytes ||
        static_cast<unsigned char>((*payload)[0]) != format_version)
        return refuse(install_errc::state_malformed);
    if (!crypto::constant_time_equal(crypto::hmac_sha256(secret_, *payload), *mac))
        return refuse(install_errc::state_forged);

    const std::int64_t created = created_of(*payload);
    const std::int64_t current = seconds_since_epoch(now);
    if (current - created > lifetime_.count() || created - current > detail::clock_skew_allowance.count())
        return refuse(install_errc::state_expired);

    std::optional<std::string> cookie_secret = bound_cookie(cookie_header, std::string_view(*payload).substr(1 + 8));
    if (!cookie_secret)
        return refuse(install_errc::state_browser_mismatch);
    verified_state verified;
    verified.replay_key = crypto::hex(derived("replay:", *cookie_secret));
    verified.expires_at = detail::remember_until(created, lifetime_);
    verified.nonce = crypto::base64url(derived("nonce:", *cookie_secret));
    verified.pkce = pkce_of(derived("pkce:", *cookie_secret));
    OPENSSL_cleanse(cookie_secret->data(), cookie_secret->size());
    return verified;
}

std::string state_signer::clearing_cookie() const { return cookie_with("", std::chrono::seconds(0)); }

// Secure, Path=/ and no Domain: what a `__Host-` name asks for.
std::string state_signer::cookie_with(std::string_view value, std::chrono::seconds max_age) const
{
    return cookie_name_ + '=' + std::string(value) + "; Path=/; Max-Age=" + std::to_string(max_age.count()) +
           "; Secure; HttpOnly; SameSite=Lax";
}

std::string state_signer::derived(std::string_view label, std::string_view cookie_secret) const
{
    std::string message(label);
    message += cookie_secret;
    std::string mac = crypto::hmac_sha256(secret_, message);
    OPENSSL_cleanse(message.data(), message.size());
    return mac;
}

std::string state_signer::binding_of(std::string_view cookie_secret) const
{
    return derived("cookie:", cookie_secret).substr(0, binding_bytes);
}

std::optional<std::string> state_signer::bound_cookie(std::string_view cookie_header, std::string_view binding) const
{
    for (const std::string_view value : detail::cookie_values(cookie_header, cookie_name_)) {
        if (value.size() != cookie_text_size)
            continue;
        std::optional<std::string> cookie_secret = decode_part(value);
        if (cookie_secret && crypto::constant_time_equal(binding_of(*cookie_secret), binding))
            return cookie_secret;
    }
    return std::nullopt;
}

}  // namespace slack::install
