// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/options.hpp"

#include <charconv>
#include <cstdlib>

namespace slack::cli {

bool is_plain_name(std::string_view text)
{
    constexpr std::size_t longest = 32;  // longer than any option or command we have
    if (text.empty() || text.size() > longest || text.front() == '-' || text.back() == '-')
        return false;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] >= 'a' && text[i] <= 'z') && !(text[i] == '-' && text[i + 1] != '-'))
            return false;
    return true;
}

bool is_variable_name(std::string_view text)
{
    const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (text.empty() || !letter(text.front()))
        return false;
    for (const char c : text)
        if (!letter(c) && !(c >= '0' && c <= '9'))
            return false;
    return true;
}

std::string_view argument_reader::next_option()
{
    const std::string_view arg = args_[position_++];
    const std::string_view name = arg.substr(0, arg.find('='));
    const bool option_shaped = name.substr(0, 2) == "--" && is_plain_name(name.substr(2));
    if (option_shaped && name.size() < arg.size())
        throw usage_error(std::string(name) + " takes its value as the next argument, not after '='");
    if (!option_shaped)  // e.g. a value without its option, or a mistyped one: it may be a secret
        throw usage_error("unexpected argument #" + std::to_string(position_) + " (not shown: it may be a secret)");
    return arg;
}

std::string argument_reader::value(std::string_view option)
{
    if (done())
        throw usage_error(std::string(option) + " needs a value");
    return std::string(args_[position_++]);
}

double parse_seconds(std::string_view option, const std::string& text)
{
    char* end = nullptr;
    const double seconds = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(seconds > 0) || seconds > 24 * 3600)
        throw usage_error(std::string(option) + " wants a number of seconds between 0 and 86400");
    return seconds;
}

unsigned parse_port(const std::string& text)
{
    unsigned port = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (error != std::errc() || end != text.data() + text.size() || port > 65535)
        throw usage_error("--port wants a number from 0 to 65535");
    return port;
}

std::optional<std::string> environment(const char* name)
{
    const char* value = std::getenv(name);
    if (!value || !*value)
        return std::nullopt;
    return std::string(value);
}

}  // namespace slack::cli
