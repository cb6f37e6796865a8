// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "crypto/random.hpp"

#include "crypto/base64.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace slack::crypto {

std::string random_bytes(std::size_t count)
{
    std::string out(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
        throw std::runtime_error("OpenSSL's random generator failed");
    return out;
}

std::string random_token(std::size_t count)
{
    std::string bytes = random_bytes(count);
    std::string out = base64url(bytes);
    OPENSSL_cleanse(bytes.data(), bytes.size());
    return out;
}

}  // namespace slack::crypto
