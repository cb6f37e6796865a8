// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Reading one cookie out of a request's Cookie header (RFC 6265 section 5.4: "a=b; c=d").
#include <string_view>
#include <vector>

namespace slack::install::detail {

/// The values of the cookies named `name` in `header`, unquoted, in order: a browser may send
/// several of one name (set for different paths), and each is worth trying.
std::vector<std::string_view> cookie_values(std::string_view header, std::string_view name);

/// Whether `name` can be a cookie's name: a non-empty RFC 7230 token.
bool is_cookie_name(std::string_view name) noexcept;

}  // namespace slack::install::detail
