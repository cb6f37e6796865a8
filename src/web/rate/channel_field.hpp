// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The `channel` a request names, for the methods a limiter counts per channel (chat.postMessage):
// the form field, or the JSON object's top-level member. Read only when a limiter is set and the
// method is per channel, so other calls pay nothing for it.
#include <string>
#include <string_view>

namespace slack::web::detail {

/// Writes the request's channel into `out` (empty when the body names none or cannot be read).
/// `content_type` tells a JSON body from a form.
void channel_field(std::string_view body, std::string_view content_type, std::string& out);

}  // namespace slack::web::detail
