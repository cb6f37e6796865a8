// Signed OAuth states. The MAC covers the whole payload; the replay key and the PKCE verifier
// are MACs of the nonce under labels ("replay:", "pkce:"), so neither can be computed from the
// state without the secret, and none equals another (a payload starts with byte 1, not a letter).
#include <slack/install/state.hpp>

#include "crypto/base64.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "install/cookie_header.hpp"

#include <openssl/crypto.h>

#include <cstdint>
#include <optional>
#include <stdexcept>

namespace slack::install {

namespace {

constexpr unsigned char format_version = 1;
constexpr std::size_t nonce_bytes = 16;
constexpr std::size_t payload_bytes = 1 + 8 + nonce_bytes;
constexpr std::size_t mac_bytes = 32;  // HMAC-SHA256
constexpr std::size_t min_secret_bytes = 32;
constexpr std::chrono::seconds allowed_clock_skew = std::chrono::minutes(1);
// base64url of the payload (34) + '.' + base64url of the MAC (43); anything longer is not ours.
constexpr std::size_t max_state_size = 128;

std::int64_t seconds_since_epoch(time_point t)
{
    return std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count();
}

std::string make_payload(std::int64_t created, std::string_view nonce)
{
    std::string payload(1, static_cast<char>(format_version));
    const auto bits = static_cast<std::uint64_t>(created);
    for (int shift = 56; shift >= 0; shift -= 8)
        payload += static_cast<char>((bits >> shift) & 0xff);
    payload += nonce;
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
    const std::string nonce = crypto::random_bytes(nonce_bytes);
    const std::string payload = make_payload(seconds_since_epoch(now), nonce);
    issued_state issued;
    issued.state = crypto::base64url(payload) + '.' + crypto::base64url(crypto::hmac_sha256(secret_, payload));
    issued.nonce = crypto::base64url(nonce);
    issued.set_cookie = cookie_with(issued.nonce, lifetime_);
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
    if (current - created > lifetime_.count() || created - current > allowed_clock_skew.count())
        return refuse(install_errc::state_expired);

    verified_state verified;
    verified.nonce = crypto::base64url(std::string_view(*payload).substr(1 + 8));
    if (!detail::has_cookie_value(cookie_header, cookie_name_, verified.nonce))
        return refuse(install_errc::state_browser_mismatch);
    verified.replay_key = crypto::hex(crypto::hmac_sha256(secret_, "replay:" + verified.nonce));
    verified.expires_at = time_point(std::chrono::seconds(created)) + lifetime_;
    return verified;
}

std::string state_signer::clearing_cookie() const { return cookie_with("", std::chrono::seconds(0)); }

std::string state_signer::cookie_with(std::string_view value, std::chrono::seconds max_age) const
{
    return cookie_name_ + '=' + std::string(value) + "; Path=/; Max-Age=" + std::to_string(max_age.count()) +
           "; Secure; HttpOnly; SameSite=Lax";
}

web::pkce_pair state_signer::pkce_for(const issued_state& state) const { return pkce_for_nonce(state.nonce); }
web::pkce_pair state_signer::pkce_for(const verified_state& state) const { return pkce_for_nonce(state.nonce); }

web::pkce_pair state_signer::pkce_for_nonce(std::string_view nonce) const
{
    web::pkce_pair pair;
    pair.verifier = crypto::base64url(crypto::hmac_sha256(secret_, "pkce:" + std::string(nonce)));
    pair.challenge = web::pkce_challenge(pair.verifier);
    return pair;
}

}  // namespace slack::install
