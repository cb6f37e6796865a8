// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The store components of the installed package: open_store picks SQLite from a spec.
#include <slack/store/open_store.hpp>

#include <boost/asio/io_context.hpp>

#include <cstdio>

int main()
{
    boost::asio::io_context ioc;
    auto store = slack::store::open_store(ioc.get_executor(), "sqlite::memory:");
    if (!store) {
        std::printf("open_store failed: %s\n", store.error().message().c_str());
        return 1;
    }
    std::printf("opened an SQLite store through the installed package\n");
    return 0;
}
