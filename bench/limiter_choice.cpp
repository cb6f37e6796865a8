// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "limiter_choice.hpp"

#include "unwaited_limits.hpp"

#ifdef SLACK_BENCH_WITH_REDIS
#include <slack/web/redis_limiter.hpp>
#endif

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>

namespace bench {

namespace {

bool is_redis_url(const std::string& which) { return which.starts_with("redis://"); }

}  // namespace

bool is_limiter_choice(const std::string& which) { return which == "none" || which == "local" || is_redis_url(which); }

std::string limiter_label(const std::string& which) { return is_redis_url(which) ? "redis" : which; }

std::shared_ptr<slack::web::rate_limiter> make_limiter(const std::string& which,
                                                       const boost::asio::any_io_executor& executor)
{
    if (which.empty() || which == "none")
        return nullptr;
    if (which == "local")
        return slack::web::make_local_limiter(executor, unwaited_limits());
#ifdef SLACK_BENCH_WITH_REDIS
    if (auto opened = slack::web::open_limiter(which, executor, unwaited_limits()))
        return *opened;
    else
        throw std::runtime_error("--limiter: " + opened.error().message());  // the message never quotes the URL
#else
    throw std::runtime_error("--limiter redis://...: built without SLACK_WITH_REDIS");
#endif
}

void check_limiter(const std::string& which)
{
    boost::asio::io_context io;
    const auto limiter = make_limiter(which, io.get_executor());
    if (!limiter)
        return;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    std::optional<boost::system::result<slack::web::rate_grant>> answer;
    limiter->acquire({.workspace = "T0BENCH", .method = "auth.test"}, deadline, [&](auto grant) { answer = grant; });
    while (!answer && io.run_one_until(deadline) != 0) {}
    if (!answer || !*answer || (is_redis_url(which) && !(*answer)->shared))
        throw std::runtime_error("--limiter " + limiter_label(which) + ": no answer from the limiter itself");
}

}  // namespace bench
