// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// A Boost too old for slack-asio, as far as slack/config.hpp can tell (light_headers.cmake).
#pragma once
#define BOOST_VERSION 108000
