// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The Redis limiter component of the installed package (and hiredis, found through it): with no
// server at the URL, a paced request is answered by the local fallback within its deadline.
#include <slack/web/redis_limiter.hpp>

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdio>
#include <optional>

int main()
{
    namespace web = slack::web;
    boost::asio::io_context ioc;
    web::rate_limits limits;
    limits.set("auth.test", {.per_minute = 60, .burst = 1});
    auto limiter = web::open_limiter("redis://127.0.0.1:1", ioc.get_executor(), limits,
                                     {.fallback = web::make_local_limiter(ioc.get_executor(), limits)});
    if (!limiter) {
        std::printf("open_limiter failed: %s\n", limiter.error().message().c_str());
        return 1;
    }
    std::optional<boost::system::result<web::rate_grant>> grant;
    (*limiter)->acquire({.workspace = "T1", .method = "auth.test"},
                        std::chrono::steady_clock::now() + std::chrono::seconds(5),
                        [&](boost::system::result<web::rate_grant> g) { grant.emplace(g); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!grant && ioc.run_one_until(deadline) != 0) {}
    if (!grant || !*grant || (*grant)->shared || !(*grant)->reserved) {
        std::printf("no local answer from the limiter without Redis\n");
        return 1;
    }
    std::printf("paced by the fallback while Redis is out of reach, through the installed package\n");
    return 0;
}
