// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// X-Slack-Request-Timestamp: whole seconds since the epoch, in decimal.
#include <cstdint>
#include <optional>
#include <string_view>

namespace slack::install::detail {

/// nullopt unless `text` is a decimal integer and nothing else.
std::optional<std::int64_t> parse_signature_timestamp(std::string_view text) noexcept;

}  // namespace slack::install::detail
