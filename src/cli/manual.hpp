// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// docs/cli.md and the man page, both made from the commands' --help texts: one source.
#include "cli/commands.hpp"

#include <string>
#include <vector>

namespace slack::cli {

/// What `slack-oauth --help` prints before and after the command list: the exit statuses.
extern const char* const exit_statuses_help;

/// docs/cli.md: `overview` (slack-oauth --help), then each command's help, verbatim.
std::string manual_markdown(const std::string& overview, const std::vector<listed_command>& commands);

/// The man page slack-oauth(1), troff, from the same texts.
std::string manual_troff(const std::string& overview, const std::vector<listed_command>& commands);

}  // namespace slack::cli
