// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The id_token's claims: the JWT split and decoded with src/crypto, its payload parsed with
// Boost.JSON, then the checks of OpenID Connect Core 3.1.3.7 that apply without a signature.
#include <slack/install/id_token.hpp>

#include "crypto/base64.hpp"
#include "crypto/hmac.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>

namespace slack::install {

namespace json = boost::json;
using boost::system::result;
using std::chrono::system_clock;

namespace {

result<id_token_claims> malformed() { return {boost::system::in_place_error, install_errc::id_token_malformed}; }

// header.payload.signature, each part non-empty base64url: the payload's JSON object.
std::optional<json::object> payload_of(std::string_view token)
{
    const std::size_t first = token.find('.');
    const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
        return std::nullopt;
    const std::string_view header = token.substr(0, first), signature = token.substr(second + 1);
    const std::string_view encoded = token.substr(first + 1, second - first - 1);
    if (header.empty() || encoded.empty() || signature.empty() || !crypto::from_base64url(header) ||
        !crypto::from_base64url(signature))
        return std::nullopt;
    const std::optional<std::string> payload = crypto::from_base64url(encoded);
    if (!payload)
        return std::nullopt;
    boost::system::error_code ec;
    json::value parsed = json::parse(*payload, ec);
    if (ec || !parsed.is_object())
        return std::nullopt;
    return std::move(parsed.as_object());
}

// Claims read as strings: absent or null leaves the member empty; any other type is malformed.
bool read_string(const json::object& claims, std::string_view key, std::string& into)
{
    const json::value* found = claims.if_contains(key);
    if (!found || found->is_null())
        return true;
    if (!found->is_string())
        return false;
    into.assign(found->as_string().data(), found->as_string().size());
    return true;
}

// A NumericDate: seconds since the epoch, a whole number or not (RFC 7519 allows fractions; the
// fraction is dropped), between 1970 and 2200: within every clock's range.
std::optional<system_clock::time_point> read_time(const json::object& claims, std::string_view key)
{
    constexpr std::int64_t year_2200 = 7258118400;
    const json::value* found = claims.if_contains(key);
    std::int64_t seconds = -1;
    if (found && found->is_int64())
        seconds = found->as_int64();
    else if (found && found->is_uint64() && found->as_uint64() <= static_cast<std::uint64_t>(year_2200))
        seconds = static_cast<std::int64_t>(found->as_uint64());
    else if (found && found->is_double() && found->as_double() >= 0 && found->as_double() <= double(year_2200))
        seconds = static_cast<std::int64_t>(found->as_double());  // finite here: NaN fails both comparisons
    if (seconds < 0 || seconds > year_2200)
        return std::nullopt;
    return system_clock::time_point(std::chrono::seconds(seconds));
}

enum class audience { ours, others, malformed };

// `aud` is a string, or an array of strings; it is ours when it names the client and no one else.
audience audience_of(const json::object& claims, std::string_view client_id)
{
    const json::value* found = claims.if_contains("aud");
    if (found && found->is_string())
        return !client_id.empty() && found->as_string() == client_id ? audience::ours : audience::others;
    if (!found || !found->is_array() || found->as_array().empty())
        return audience::malformed;
    audience verdict = client_id.empty() ? audience::others : audience::ours;
    for (const json::value& entry : found->as_array()) {
        if (!entry.is_string())
            return audience::malformed;
        if (entry.as_string() != client_id)
            verdict = audience::others;
    }
    return verdict;
}

struct string_claim {
    std::string_view key;
    std::string id_token_claims::*member;
};

constexpr string_claim profile_claims[] = {
    {"https://slack.com/team_id", &id_token_claims::team_id},
    {"https://slack.com/team_name", &id_token_claims::team_name},
    {"https://slack.com/team_domain", &id_token_claims::team_domain},
    {"https://slack.com/enterprise_id", &id_token_claims::enterprise_id},
    {"email", &id_token_claims::email},
    {"name", &id_token_claims::name},
    {"given_name", &id_token_claims::given_name},
    {"family_name", &id_token_claims::family_name},
    {"picture", &id_token_claims::picture},
    {"locale", &id_token_claims::locale},
};

}  // namespace

result<id_token_claims> check_id_token(std::string_view id_token, const id_token_expectations& expected,
                                       system_clock::time_point now)
{
    const std::optional<json::object> claims = payload_of(id_token);
    if (!claims)
        return malformed();

    // The shape first: every claim read, so that no check below meets a claim of the wrong type.
    std::string issuer, subject, nonce;
    id_token_claims out;
    const json::value* verified = claims->if_contains("email_verified");
    const std::optional<system_clock::time_point> issued = read_time(*claims, "iat"),
                                                  expires = read_time(*claims, "exp");
    const audience aud = audience_of(*claims, expected.client_id);
    bool well_typed = read_string(*claims, "iss", issuer) && read_string(*claims, "sub", subject) &&
                      read_string(*claims, "nonce", nonce) &&
                      read_string(*claims, "https://slack.com/user_id", out.user_id);
    for (const string_claim& claim : profile_claims)
        well_typed = well_typed && read_string(*claims, claim.key, out.*claim.member);
    if (!well_typed || issuer.empty() || subject.empty() || !issued || !expires || aud == audience::malformed ||
        (verified && !verified->is_bool() && !verified->is_null()))
        return malformed();
    out.email_verified = verified && verified->is_bool() && verified->as_bool();
    out.issued_at = *issued;
    out.expires_at = *expires;
    if (out.user_id.empty())
        out.user_id = subject;

    if (issuer != expected.issuer)
        return {boost::system::in_place_error, install_errc::id_token_wrong_issuer};
    if (aud != audience::ours)
        return {boost::system::in_place_error, install_errc::id_token_wrong_audience};
    if (now > out.expires_at + expected.clock_skew)
        return {boost::system::in_place_error, install_errc::id_token_expired};
    if (!crypto::constant_time_equal(nonce, expected.nonce))
        return {boost::system::in_place_error, install_errc::id_token_nonce_mismatch};
    return out;
}

}  // namespace slack::install
