// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/rate/redis_key.hpp"

#include "crypto/hmac.hpp"

namespace slack::web::detail {
namespace {

constexpr std::size_t longest_plain_part = 64;

// `part` as it goes into a key name: as it is when it is short and holds none of the characters
// that give the name its shape (':' between parts, the hash tag's braces, '#' of a digest);
// else '#' and 32 hex digits of a digest of it, the same in every replica. So no two keys
// share a name, a '}' cannot end the hash tag early, and a huge channel makes no huge key.
void append_part(std::string& out, std::string_view part)
{
    if (part.size() <= longest_plain_part && part.find_first_of(":{}#") == std::string_view::npos) {
        out += part;
        return;
    }
    const std::string digest = crypto::hmac_sha256("slack:rl", part);
    out += '#';
    out += crypto::hex(std::string_view(digest).substr(0, 16));
}

}  // namespace

std::string redis_key(std::string_view app, const rate_key& key)
{
    std::string out;
    out.reserve(12 + app.size() + key.workspace.size() + key.method.size() + key.channel.size());
    out += "slack:rl:{";
    append_part(out, app);
    out += ':';
    append_part(out, key.workspace);
    out += "}:";
    append_part(out, key.method);
    if (!key.channel.empty()) {
        out += ':';
        append_part(out, key.channel);
    }
    return out;
}

}  // namespace slack::web::detail
