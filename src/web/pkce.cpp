// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// PKCE with OpenSSL: random bytes, SHA-256, base64url without padding (RFC 7636 appendix A).
#include <slack/web/pkce.hpp>

#include "crypto/base64.hpp"
#include "crypto/random.hpp"

#include <openssl/sha.h>

#include <array>

namespace slack::web {

std::string pkce_challenge(std::string_view verifier)
{
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest.data());
    return crypto::base64url(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

pkce_pair make_pkce()
{
    pkce_pair pair;
    pair.verifier = crypto::random_token(32);
    pair.challenge = pkce_challenge(pair.verifier);
    return pair;
}

}  // namespace slack::web
