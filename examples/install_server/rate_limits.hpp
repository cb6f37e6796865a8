// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The install server's --rate-limits: how its client paces calls by Slack's tiers.
#include <slack/web/rate_limiter.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <memory>
#include <string_view>

namespace example {

/// "local": paced by this process alone. redis[s]://[user:password@]host:port[/db]: shared by every
/// replica of the app `app` (its client id), paced locally while Redis does not answer. Empty:
/// none (only 429s hold calls back). Throws std::invalid_argument naming the problem, never the
/// URL (it may hold a password).
std::shared_ptr<slack::web::rate_limiter> open_rate_limits(boost::asio::any_io_executor executor, std::string_view url,
                                                           std::string_view app);

}  // namespace example
