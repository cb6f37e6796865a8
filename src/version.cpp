// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/version.hpp>

namespace slack {

std::string_view version() noexcept { return SLACK_VERSION_STRING; }

}  // namespace slack
