#pragma once
// One field of the CLI's tab-separated output: a value from a store (a workspace's name, say)
// must not add a column or a line.
#include <string>
#include <string_view>

namespace slack::cli {

/// "-" for an empty value; else the value with backslash, tab, newline and carriage return
/// written as \\, \t, \n and \r.
std::string tsv_field(std::string_view value);

}  // namespace slack::cli
