// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The answer as people read it on a terminal: indented `key: value` lines instead of one line of JSON.
#include <string>
#include <string_view>

namespace slack::cli {

/// `json_text` as lines: an object's members as `key: value`, nested objects and arrays indented
/// two spaces under their key, array items as `- value`, strings without quotes. Every string goes
/// through printable() (tsv.hpp): an answer cannot move the cursor or add lines. Text that is not
/// JSON is returned printable() as it is.
std::string human_form(std::string_view json_text);

}  // namespace slack::cli
