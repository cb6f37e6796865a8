// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "crypto/fingerprint.hpp"

#include "crypto/random.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <stdexcept>

namespace slack::crypto {

fingerprint::fingerprint() : fingerprint(random_bytes(16)) {}

fingerprint::fingerprint(std::string key)
    : mac_(EVP_MAC_fetch(nullptr, "SIPHASH", nullptr)), context_(mac_ ? EVP_MAC_CTX_new(mac_) : nullptr)
{
    std::size_t size = value().size();  // SipHash's default output is 8 bytes
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_size_t("size", &size), OSSL_PARAM_construct_end()};
    const bool ready = key.size() == 16 && context_ &&
                       EVP_MAC_init(context_, reinterpret_cast<const unsigned char*>(key.data()), key.size(), params);
    OPENSSL_cleanse(key.data(), key.size());
    if (!ready) {
        EVP_MAC_CTX_free(context_);
        EVP_MAC_free(mac_);
        throw std::invalid_argument("a fingerprint needs OpenSSL's SipHash and a 16-byte key");
    }
}

fingerprint::~fingerprint()
{
    EVP_MAC_CTX_free(context_);  // wipes the key
    EVP_MAC_free(mac_);
}

fingerprint::value fingerprint::of(std::string_view message)
{
    value out{};
    std::size_t size = 0;
    // A null key restarts the context with the key it holds.
    if (!EVP_MAC_init(context_, nullptr, 0, nullptr) ||
        !EVP_MAC_update(context_, reinterpret_cast<const unsigned char*>(message.data()), message.size()) ||
        !EVP_MAC_final(context_, out.data(), &size, out.size()) || size != out.size())
        throw std::runtime_error("OpenSSL's SipHash failed");
    return out;
}

}  // namespace slack::crypto
