// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "install/cookie_header.hpp"

namespace slack::install::detail {

namespace {

std::string_view trim(std::string_view text) noexcept
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

}  // namespace

std::vector<std::string_view> cookie_values(std::string_view header, std::string_view name)
{
    std::vector<std::string_view> values;
    while (!header.empty()) {
        const std::size_t end = header.find(';');
        const std::string_view pair = trim(header.substr(0, end));
        header = end == std::string_view::npos ? std::string_view() : header.substr(end + 1);
        const std::size_t equals = pair.find('=');
        if (equals == std::string_view::npos || trim(pair.substr(0, equals)) != name)
            continue;
        std::string_view value = trim(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')  // a quoted value (RFC 6265)
            value = value.substr(1, value.size() - 2);
        values.push_back(value);
    }
    return values;
}

bool is_cookie_name(std::string_view name) noexcept
{
    constexpr std::string_view token_symbols = "!#$%&'*+-.^_`|~";
    if (name.empty())
        return false;
    for (const char c : name) {
        const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alphanumeric && token_symbols.find(c) == std::string_view::npos)
            return false;
    }
    return true;
}

}  // namespace slack::install::detail
