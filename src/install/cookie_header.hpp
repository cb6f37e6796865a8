#pragma once
// Reading one cookie out of a request's Cookie header (RFC 6265 section 5.4: "a=b; c=d").
#include <string_view>

namespace slack::install::detail {

/// Whether a cookie named `name` in `header` has the value `expected` (compared in constant
/// time). Several cookies of that name (set for different paths) are each tried.
bool has_cookie_value(std::string_view header, std::string_view name, std::string_view expected) noexcept;

/// Whether `name` can be a cookie's name: a non-empty RFC 7230 token.
bool is_cookie_name(std::string_view name) noexcept;

}  // namespace slack::install::detail
