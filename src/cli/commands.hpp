#pragma once
#include <string_view>
#include <vector>

namespace slack::cli {

// Each returns the process exit status.
int run_access(const std::vector<std::string_view>& args);
int run_mock(const std::vector<std::string_view>& args);
int run_demo(const std::vector<std::string_view>& args);

}  // namespace slack::cli
