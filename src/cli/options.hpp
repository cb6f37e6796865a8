#pragma once
// Command-line parsing shared by the slack-oauth commands.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace slack::cli {

/// A usage error: printed as "usage error: ...", exit status 2.
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Walks `--name value` and `--flag` arguments.
class argument_reader {
public:
    explicit argument_reader(std::vector<std::string_view> args) : args_(std::move(args)) {}

    bool done() const { return position_ >= args_.size(); }
    std::string_view next_option();              ///< The next "--name"; usage_error if not an option.
    std::string value(std::string_view option);  ///< The value after an option; usage_error if missing.

private:
    std::vector<std::string_view> args_;
    std::size_t position_ = 0;
};

/// Seconds as a positive decimal ("2.5"), for --timeout and friends.
double parse_seconds(std::string_view option, const std::string& text);
unsigned parse_port(const std::string& text);
std::optional<std::string> environment(const char* name);

}  // namespace slack::cli
