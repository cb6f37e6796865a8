// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slack::cli {

// Each returns the process exit status.
int run_access(const std::vector<std::string_view>& args);
int run_mock(const std::vector<std::string_view>& args);
int run_demo(const std::vector<std::string_view>& args);
int run_authorize_url(const std::vector<std::string_view>& args);
int run_installations(const std::vector<std::string_view>& args);
int run_token(const std::vector<std::string_view>& args);

// Their help (authorize_command.cpp, installations_command.cpp, token_command.cpp).
std::string authorize_url_help();
std::string installations_help();
std::string token_help();

// installations reseal (reseal_command.cpp): its run, its paragraph of installations --help, and
// the options it takes that the other installations actions do not.
int run_installations_reseal(const std::vector<std::string_view>& args);
std::string reseal_help();
std::span<const std::string_view> reseal_only_options();

/// A command as `slack-oauth` lists and runs it.
struct listed_command {
    std::string_view name;
    std::string_view summary;  ///< Its line in `slack-oauth --help`.
    std::string help;          ///< `slack-oauth NAME --help`.
    std::function<int(const std::vector<std::string_view>&)> run;
};

/// The commands that run one Slack method each (method_commands.cpp), in the order listed.
std::vector<listed_command> method_commands();

}  // namespace slack::cli
