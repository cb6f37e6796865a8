// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// slack_bench --limiter: the rate limiter the SDK's client asks before each call.
#include <slack/web/rate_limiter.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <memory>
#include <string>

namespace bench {

/// Whether `which` names a limiter: none, local or a redis:// URL.
bool is_limiter_choice(const std::string& which);

/// The row's name for `which` (never the URL, which may hold a password).
std::string limiter_label(const std::string& which);

/// none: null; local: make_local_limiter(); redis://...: open_limiter(); each pacing by
/// unwaited_limits(). Throws when a Redis limiter cannot be made.
std::shared_ptr<slack::web::rate_limiter> make_limiter(const std::string& which,
                                                       const boost::asio::any_io_executor& executor);

/// Throws unless `which`'s limiter answers (a Redis one from Redis, not its local fallback)
/// within 3 s: a row measured against a Redis that is not there would measure the fallback.
void check_limiter(const std::string& which);

}  // namespace bench
