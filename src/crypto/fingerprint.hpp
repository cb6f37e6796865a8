// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A keyed fingerprint that tells secrets apart without revealing them: SipHash-2-4 with a 128-bit
// output (OpenSSL), under a key of its own. The client keys its rate-limit gates by the
// fingerprint of a call's token, once per call: SipHash costs ~1,100 instructions for a 60-byte
// token where HMAC-SHA256, even keyed once, costs ~6,200.
#include <openssl/types.h>

#include <array>
#include <string>
#include <string_view>

namespace slack::crypto {

class fingerprint {
public:
    /// 16 bytes of SipHash-128 output.
    using value = std::array<unsigned char, 16>;

    /// Under a random key: the fingerprints mean nothing outside this object.
    fingerprint();
    /// Under `key` (16 bytes, else std::invalid_argument), which is wiped once the context holds it.
    explicit fingerprint(std::string key);
    ~fingerprint();  ///< Wipes the key.
    fingerprint(const fingerprint&) = delete;
    fingerprint& operator=(const fingerprint&) = delete;

    /// The fingerprint of `message`. One thread at a time.
    value of(std::string_view message);

private:
    EVP_MAC* mac_ = nullptr;
    EVP_MAC_CTX* context_ = nullptr;  // holds the key; restarted by each of()
};

}  // namespace slack::crypto
