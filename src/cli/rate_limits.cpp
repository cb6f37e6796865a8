// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/rate_limits.hpp"

#include "cli/options.hpp"

#if SLACK_CLI_WITH_REDIS
#include <slack/web/redis_limiter.hpp>

#include <iostream>
#endif

namespace slack::cli {

std::shared_ptr<web::rate_limiter> open_cli_limiter(boost::asio::any_io_executor executor, const call_inputs& in,
                                                    std::shared_ptr<boost::asio::ssl::context> tls)
{
    auto local = web::make_local_limiter(executor, web::rate_limits::slack_tiers());
    if (in.rate_limits == "local")
        return local;
#if SLACK_CLI_WITH_REDIS
    web::redis_limiter_options options;
    // The client id names the app in the keys, so that two apps on one Redis do not share.
    options.app = in.client_id.empty() ? "slack-oauth" : in.client_id;
    options.fallback = std::move(local);
    options.tls = std::move(tls);
    if (in.verbose)
        options.on_event = [](const web::redis_limiter_event& event) {
            if (event.what == web::redis_limiter_event::kind::fell_back)
                std::cerr << "slack-oauth: rate limits: Redis did not answer (" << event.why.message()
                          << "): paced by this process alone\n";
            else
                std::cerr << "slack-oauth: rate limits: shared through Redis again\n";
        };
    auto opened =
        web::open_limiter(in.rate_limits, std::move(executor), web::rate_limits::slack_tiers(), std::move(options));
    if (!opened)  // its message never quotes the URL
        throw usage_error("--rate-limits: " + opened.error().message());
    return *opened;
#else
    (void)tls;
    throw usage_error("--rate-limits: this slack-oauth is built without Redis (SLACK_WITH_REDIS); only local works");
#endif
}

}  // namespace slack::cli
