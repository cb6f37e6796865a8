// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Slack's documented example answers (methods.json examples_docs_all, "ok" added where the
// docs leave it out), served by `mock-payload-NAME`, plus a few of the mock's own for
// oauth.access that test parsers (escaped, repeated keys, not UTF-8).
#include <optional>
#include <string_view>

namespace slack::mock::detail {

/// Example `name` of `method` as JSON text (not always valid UTF-8); nullopt if there is none.
std::optional<std::string_view> example_payload(std::string_view method, std::string_view name);

}  // namespace slack::mock::detail
