// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// How the rotation worker reports a token and the test recognises it: the first 8 bytes of its
// SHA-256 in hex, never the token itself.
#include <openssl/sha.h>

#include <cstdio>
#include <string>

inline std::string token_fingerprint(const std::string& token)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest);
    char hex[17];
    for (int i = 0; i < 8; ++i)
        std::snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    return hex;
}
