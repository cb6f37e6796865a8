// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Request encoding: application/x-www-form-urlencoded bodies, HTTP Basic credentials, header words.
#include <string>
#include <string_view>

namespace slack::web::detail {

/// Appends `key=value` (with a leading '&' unless `body` is empty), both form-encoded
/// with Boost.URL: unreserved characters kept, space as '+', everything else %XX. When `body`
/// grows, its old buffer is wiped first (it may hold a code or a secret).
void append_form_field(std::string& body, std::string_view key, std::string_view value);

/// "Basic " + base64(form-encoded id ":" form-encoded secret), per RFC 6749 section 2.3.1.
std::string basic_authorization(std::string_view client_id, std::string_view client_secret);

/// No space, no control byte (below 0x21, or 0x7f): what may go into a request line or header
/// value as one word. A CR or LF there would end the header and start a request of the caller's
/// making on a connection other tenants share.
constexpr bool is_header_token(std::string_view text) noexcept
{
    for (const char c : text)
        if (static_cast<unsigned char>(c) < 0x21 || c == 0x7f)
            return false;
    return true;
}

/// "Bearer " + token.
std::string bearer_authorization(std::string_view token);

}  // namespace slack::web::detail
