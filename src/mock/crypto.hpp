// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The mock's few uses of OpenSSL: random identifiers and PKCE's S256 transform.
#include <cstddef>
#include <string>
#include <string_view>

namespace slack::mock::detail {

/// `bytes` random bytes from RAND_bytes, as lowercase hex. Throws std::runtime_error if it fails.
std::string random_hex(std::size_t bytes);
/// Base64url without padding (RFC 4648 section 5), as JWTs and PKCE use it.
std::string base64url(std::string_view data);
/// PKCE S256 (RFC 7636 4.2): base64url(SHA-256(verifier)).
std::string pkce_s256(std::string_view verifier);

}  // namespace slack::mock::detail
