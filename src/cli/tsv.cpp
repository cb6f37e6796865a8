// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/tsv.hpp"

namespace slack::cli {

namespace {

bool continuation(unsigned char c) { return (c & 0xc0) == 0x80; }

// The length of the well-formed UTF-8 sequence `text` starts with (RFC 3629: no overlong forms,
// no surrogates, nothing past U+10FFFF), 0 if it does not start with one.
std::size_t utf8_length(std::string_view text)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xbf;  // the second byte's range
    if (lead >= 0xc2 && lead <= 0xdf)
        length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        low = lead == 0xe0 ? 0xa0 : 0x80;
        high = lead == 0xed ? 0x9f : 0xbf;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        low = lead == 0xf0 ? 0x90 : 0x80;
        high = lead == 0xf4 ? 0x8f : 0xbf;
    }
    if (length == 0 || text.size() < length || byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (!continuation(byte(i)))
            return 0;
    return length;
}

void append_hex(std::string& out, std::string_view prefix, unsigned char value)
{
    constexpr std::string_view digits = "0123456789abcdef";
    out += prefix;
    out += digits[value >> 4];
    out += digits[value & 0xf];
}

void append_ascii(std::string& out, unsigned char c)
{
    switch (c) {
    case '\\': out += "\\\\"; break;
    case '\t': out += "\\t"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    default:
        if (c < 0x20 || c == 0x7f)
            append_hex(out, "\\x", c);
        else
            out += static_cast<char>(c);
    }
}

}  // namespace

std::string printable(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    while (!value.empty()) {
        const auto c = static_cast<unsigned char>(value.front());
        if (c < 0x80) {
            append_ascii(out, c);
            value.remove_prefix(1);
            continue;
        }
        const std::size_t length = utf8_length(value);
        if (length == 0)  // not UTF-8: a lone byte, which an 8-bit terminal may take for a C1 control
            append_hex(out, "\\x", c);
        else if (c == 0xc2 && static_cast<unsigned char>(value[1]) < 0xa0)  // U+0080 to U+009F: C1 controls
            append_hex(out, "\\u00", static_cast<unsigned char>(value[1]));
        else
            out += value.substr(0, length);
        value.remove_prefix(length == 0 ? 1 : length);
    }
    return out;
}

std::string tsv_field(std::string_view value) { return value.empty() ? "-" : printable(value); }

}  // namespace slack::cli
