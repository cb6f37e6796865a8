// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// call's JSON body: key=value strings and key:=JSON values (as HTTPie takes them), or a whole
// object from `--json @FILE` or `--json -`.
#include "cli/inputs.hpp"

#include <cstddef>
#include <string>

namespace slack::cli {

/// The most `--json @FILE` / `--json -` reads: Slack's own bodies are far smaller.
inline constexpr std::size_t max_json_body_bytes = 1024 * 1024;

/// Whether the words after METHOD make a JSON body: --json-body, a key:=JSON word, or --json @FILE/-.
bool wants_json_body(const call_inputs& in);

/// The body as JSON text. usage_error naming the key (or the word's position, when the key may
/// be a secret) for a key:=JSON that does not parse, and naming the file for a body that is not
/// one JSON object or is too large. Messages never show values.
std::string json_body(const call_inputs& in);

}  // namespace slack::cli
