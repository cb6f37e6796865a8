// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Preprocessed by light_headers.cmake: what a user of client.hpp compiles.
#include <slack/web/client.hpp>
