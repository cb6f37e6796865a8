// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// HMAC-SHA256 (OpenSSL) and a constant-time comparison, for OAuth state and Slack's request
// signatures.
#include <string>
#include <string_view>

namespace slack::crypto {

/// The 32-byte HMAC-SHA256 of `message` under `key`.
std::string hmac_sha256(std::string_view key, std::string_view message);

/// Lowercase hex of `bytes`.
std::string hex(std::string_view bytes);

/// Whether `a` equals `b`, in time that depends on their sizes only (CRYPTO_memcmp).
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

}  // namespace slack::crypto
