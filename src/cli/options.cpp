#include "cli/options.hpp"

#include <charconv>
#include <cstdlib>

namespace slack::cli {

std::string_view argument_reader::next_option()
{
    std::string_view arg = args_[position_++];
    if (arg.substr(0, 2) != "--")
        throw usage_error("unexpected argument '" + std::string(arg) + "'");
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
        throw usage_error(std::string(option) + " wants seconds between 0 and 86400, not '" + text + "'");
    return seconds;
}

unsigned parse_port(const std::string& text)
{
    unsigned port = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (error != std::errc() || end != text.data() + text.size() || port > 65535)
        throw usage_error("--port wants a number from 0 to 65535, not '" + text + "'");
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
