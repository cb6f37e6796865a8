// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Preprocessed by light_headers.cmake against a Boost that says it is 1.80: config.hpp must refuse it.
#include <slack/config.hpp>
