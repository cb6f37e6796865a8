// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#define BOOST_TEST_MODULE slack_asio
#include <boost/test/unit_test.hpp>
