// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/crypto.hpp"

#include "crypto/base64.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace slack::mock::detail {

std::string random_hex(std::size_t bytes) { return crypto::hex(crypto::random_bytes(bytes)); }

std::string base64url(std::string_view data) { return crypto::base64url(data); }

std::string pkce_s256(std::string_view verifier)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(verifier.data(), verifier.size(), digest, &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("mock: SHA-256 failed");
    return base64url(std::string_view(reinterpret_cast<const char*>(digest), size));
}

}  // namespace slack::mock::detail
