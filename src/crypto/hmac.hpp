// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// HMAC-SHA256 (OpenSSL) and a constant-time comparison, for OAuth state and Slack's request
// signatures.
#include <openssl/types.h>

#include <array>
#include <string>
#include <string_view>

namespace slack::crypto {

/// The 32-byte HMAC-SHA256 of `message` under `key`.
std::string hmac_sha256(std::string_view key, std::string_view message);

/// HMAC-SHA256 under one key, set up once: each sign() then costs the hashing alone. HMAC()
/// looks the algorithm up and sets the key on every call (OpenSSL 3: ~23,000 instructions for a
/// 60-byte message), too much for once per API call. One thread at a time.
class hmac_sha256_signer {
public:
    /// Wipes `key` once the context holds it.
    explicit hmac_sha256_signer(std::string key);
    ~hmac_sha256_signer();
    hmac_sha256_signer(const hmac_sha256_signer&) = delete;
    hmac_sha256_signer& operator=(const hmac_sha256_signer&) = delete;

    /// The 32-byte HMAC-SHA256 of `message`, as hmac_sha256(key, message).
    std::array<unsigned char, 32> sign(std::string_view message);

private:
    EVP_MAC* mac_ = nullptr;
    EVP_MAC_CTX* context_ = nullptr;  // holds the key; restarted by each sign()
};

/// Lowercase hex of `bytes`.
std::string hex(std::string_view bytes);

/// Whether `a` equals `b`, in time that depends on their sizes only (CRYPTO_memcmp).
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

}  // namespace slack::crypto
