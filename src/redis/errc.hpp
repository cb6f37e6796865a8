// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The errors of the Redis connection are the public redis_errc (open_limiter's).
#include <slack/web/redis_limiter.hpp>

namespace slack::redis {

using errc = web::redis_errc;

}  // namespace slack::redis
