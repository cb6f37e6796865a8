// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Base64 (RFC 4648 section 4) and base64url without padding (section 5), with OpenSSL's codec.
#include <optional>
#include <string>
#include <string_view>

namespace slack::crypto {

std::string base64(std::string_view bytes);
std::string base64url(std::string_view bytes);
/// nullopt when `text` is not base64.
std::optional<std::string> from_base64(std::string_view text);
/// nullopt when `text` is not unpadded base64url.
std::optional<std::string> from_base64url(std::string_view text);

}  // namespace slack::crypto
