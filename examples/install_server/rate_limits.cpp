// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rate_limits.hpp"

#if SLACK_EXAMPLE_WITH_REDIS
#include <slack/web/redis_limiter.hpp>
#endif

#include <stdexcept>
#include <string>

namespace example {

std::shared_ptr<slack::web::rate_limiter> open_rate_limits(boost::asio::any_io_executor executor, std::string_view url,
                                                           std::string_view app,
                                                           std::shared_ptr<boost::asio::ssl::context> tls)
{
    using slack::web::rate_limits;
    if (url.empty())
        return nullptr;
    auto local = slack::web::make_local_limiter(executor, rate_limits::slack_tiers());
    if (url == "local")
        return local;
#if SLACK_EXAMPLE_WITH_REDIS
    auto opened =
        slack::web::open_limiter(url, std::move(executor), rate_limits::slack_tiers(),
                                 {.app = std::string(app), .fallback = std::move(local), .tls = std::move(tls)});
    if (!opened)  // its message never quotes the URL
        throw std::invalid_argument("--rate-limits: " + opened.error().message());
    return *opened;
#else
    (void)app;
    (void)tls;
    throw std::invalid_argument("--rate-limits: built without Redis (SLACK_WITH_REDIS); only local works");
#endif
}

}  // namespace example
