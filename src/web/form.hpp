#pragma once
// Request encoding: application/x-www-form-urlencoded bodies and HTTP Basic credentials.
#include <string>
#include <string_view>

namespace slack::web::detail {

/// Appends `key=value` (with a leading '&' unless `body` is empty), both form-encoded
/// with Boost.URL: unreserved characters kept, space as '+', everything else %XX. When `body`
/// grows, its old buffer is wiped first (it may hold a code or a secret).
void append_form_field(std::string& body, std::string_view key, std::string_view value);

/// "Basic " + base64(form-encoded id ":" form-encoded secret), per RFC 6749 section 2.3.1.
std::string basic_authorization(std::string_view client_id, std::string_view client_secret);

/// "Bearer " + token.
std::string bearer_authorization(std::string_view token);

}  // namespace slack::web::detail
