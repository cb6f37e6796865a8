// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "crypto/hmac.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>

#include <stdexcept>

namespace slack::crypto {

std::string hmac_sha256(std::string_view key, std::string_view message)
{
    std::string out(EVP_MAX_MD_SIZE, '\0');
    unsigned int size = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(message.data()), message.size(),
              reinterpret_cast<unsigned char*>(out.data()), &size))
        throw std::runtime_error("OpenSSL's HMAC-SHA256 failed");
    out.resize(size);
    return out;
}

hmac_sha256_signer::hmac_sha256_signer(std::string key)
    : mac_(EVP_MAC_fetch(nullptr, "HMAC", nullptr)), context_(mac_ ? EVP_MAC_CTX_new(mac_) : nullptr)
{
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
    const bool ready =
        context_ && EVP_MAC_init(context_, reinterpret_cast<const unsigned char*>(key.data()), key.size(), params);
    OPENSSL_cleanse(key.data(), key.size());
    if (!ready) {
        EVP_MAC_CTX_free(context_);
        EVP_MAC_free(mac_);
        throw std::runtime_error("OpenSSL's HMAC-SHA256 failed");
    }
}

hmac_sha256_signer::~hmac_sha256_signer()
{
    EVP_MAC_CTX_free(context_);  // wipes the key
    EVP_MAC_free(mac_);
}

std::array<unsigned char, 32> hmac_sha256_signer::sign(std::string_view message)
{
    std::array<unsigned char, 32> out{};
    std::size_t size = 0;
    // A null key restarts the context with the key it holds.
    if (!EVP_MAC_init(context_, nullptr, 0, nullptr) ||
        !EVP_MAC_update(context_, reinterpret_cast<const unsigned char*>(message.data()), message.size()) ||
        !EVP_MAC_final(context_, out.data(), &size, out.size()) || size != out.size())
        throw std::runtime_error("OpenSSL's HMAC-SHA256 failed");
    return out;
}

std::string hex(std::string_view bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * bytes.size());
    for (unsigned char byte : bytes) {
        out += digits[byte >> 4];
        out += digits[byte & 15];
    }
    return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) noexcept
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace slack::crypto
