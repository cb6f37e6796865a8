// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A rate key's name in Redis: slack:rl:{APP:WORKSPACE}:METHOD[:CHANNEL]. The braces are Redis
// Cluster's hash tag: one workspace's keys live on one node. A part longer than 64 bytes, or
// holding ':', '{', '}' or '#', is replaced by '#' and a digest of it (redis_key.cpp).
#include <slack/web/rate_limiter.hpp>

#include <string>
#include <string_view>

namespace slack::web::detail {

std::string redis_key(std::string_view app, const rate_key& key);

}  // namespace slack::web::detail
