#pragma once
// X-Slack-Request-Timestamp: whole seconds since the epoch, in decimal.
#include <cstdint>
#include <optional>
#include <string_view>

namespace slack::install::detail {

/// nullopt unless `text` is a decimal integer and nothing else.
std::optional<std::int64_t> parse_signature_timestamp(std::string_view text) noexcept;

}  // namespace slack::install::detail
