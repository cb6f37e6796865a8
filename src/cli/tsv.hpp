// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Text from a store, printed by the CLI: a value (a workspace's name, say) must not add a column
// or a line, nor reach the terminal as a control sequence (ESC, CSI...) that rewrites the screen.
#include <string>
#include <string_view>

namespace slack::cli {

/// `value` with every control character written out: backslash, tab, newline and carriage return
/// as \\, \t, \n and \r; the other C0 controls and DEL as \xHH; the C1 controls (U+0080 to
/// U+009F) as \u00HH; a byte that is not part of valid UTF-8 as \xHH. Other UTF-8 text is kept.
std::string printable(std::string_view value);

/// A field of tab-separated output: "-" for an empty value, else printable(value).
std::string tsv_field(std::string_view value);

}  // namespace slack::cli
