// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/install/request_signature.hpp>

#include <slack/install/install_errc.hpp>

#include "crypto/hmac.hpp"
#include "install/signature_timestamp.hpp"

#include <charconv>
#include <cstdint>
#include <optional>

namespace slack::install {

std::optional<std::int64_t> detail::parse_signature_timestamp(std::string_view text) noexcept
{
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end)
        return std::nullopt;
    return value;
}

std::string sign_request(std::string_view signing_secret, std::string_view timestamp, std::string_view body)
{
    std::string base;
    base.reserve(4 + timestamp.size() + body.size());
    base.append("v0:").append(timestamp).append(":").append(body);
    return "v0=" + crypto::hex(crypto::hmac_sha256(signing_secret, base));
}

boost::system::error_code verify_request_signature(std::string_view signing_secret, std::string_view timestamp_header,
                                                   std::string_view body, std::string_view signature_header,
                                                   std::chrono::system_clock::time_point now,
                                                   std::chrono::seconds window)
{
    if (signing_secret.empty())
        return install_errc::secret_too_short;
    if (timestamp_header.empty() || signature_header.empty())
        return install_errc::signature_missing;
    const std::optional<std::int64_t> sent = detail::parse_signature_timestamp(timestamp_header);
    const std::int64_t current = std::chrono::floor<std::chrono::seconds>(now.time_since_epoch()).count();
    // Compared as a difference of seconds, both ways: a replay is late, a skewed clock may be early.
    if (!sent || *sent < current - window.count() || *sent > current + window.count())
        return install_errc::signature_stale;
    if (!crypto::constant_time_equal(sign_request(signing_secret, timestamp_header, body), signature_header))
        return install_errc::signature_mismatch;
    return {};
}

}  // namespace slack::install
