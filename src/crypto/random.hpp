// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Random bytes from OpenSSL's generator (a CSPRNG), for nonces, PKCE verifiers and owner ids.
#include <string>

namespace slack::crypto {

/// `count` random bytes. Throws std::runtime_error if OpenSSL's generator fails (it does not
/// fail once seeded; a failure means the process cannot make secrets at all).
std::string random_bytes(std::size_t count);

/// `count` random bytes as base64url (unpadded): for nonces carried in URLs and cookies.
std::string random_token(std::size_t count);

}  // namespace slack::crypto
