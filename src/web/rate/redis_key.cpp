// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/rate/redis_key.hpp"

namespace slack::web::detail {

std::string redis_key(std::string_view app, const rate_key& key)
{
    std::string out;
    out.reserve(12 + app.size() + key.workspace.size() + key.method.size() + key.channel.size());
    out += "slack:rl:{";
    out += app;
    out += ':';
    out += key.workspace;
    out += "}:";
    out += key.method;
    if (!key.channel.empty()) {
        out += ':';
        out += key.channel;
    }
    return out;
}

}  // namespace slack::web::detail
