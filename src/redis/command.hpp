// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A command in Redis's wire form (RESP): an array of bulk strings.
#include <initializer_list>
#include <string>
#include <string_view>

namespace slack::redis {

// Appends the command whose words are `args` to `out`.
void append_command(std::string& out, std::initializer_list<std::string_view> args);

}  // namespace slack::redis
