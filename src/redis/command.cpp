// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "redis/command.hpp"

#include <charconv>

namespace slack::redis {
namespace {

void append_header(std::string& out, char kind, std::size_t count)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, count).ptr;
    out += kind;
    out.append(digits, end);
    out += "\r\n";
}

}  // namespace

void append_command(std::string& out, std::initializer_list<std::string_view> args)
{
    append_header(out, '*', args.size());
    for (std::string_view arg : args) {
        append_header(out, '$', arg.size());
        out += arg;
        out += "\r\n";
    }
}

}  // namespace slack::redis
