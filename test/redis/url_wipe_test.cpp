// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// redis::server_address wipes its password when destroyed: a short password lives inside the
// object (the string's small buffer), so the object's own bytes are read back after its end.
#include "redis/url.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <new>
#include <string_view>

namespace redis = slack::redis;

BOOST_AUTO_TEST_SUITE(redis_url)

BOOST_AUTO_TEST_CASE(a_destroyed_address_leaves_no_password_in_its_memory)
{
    constexpr std::string_view password = "pw4wipe";  // short: stored in the object itself
    alignas(redis::server_address) unsigned char storage[sizeof(redis::server_address)] = {};
    auto* address = ::new (storage) redis::server_address(*redis::parse_url("redis://app:pw4wipe@127.0.0.1:6380"));
    BOOST_TEST((address->password == password));
    std::destroy_at(address);
    const bool left =
        std::search(std::begin(storage), std::end(storage), password.begin(), password.end()) != std::end(storage);
    BOOST_TEST(!left, "the password is still in the destroyed address's memory");
}

BOOST_AUTO_TEST_SUITE_END()
