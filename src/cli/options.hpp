// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
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

/// Whether `text` may appear in a message: a short lower-case word or words joined by '-',
/// a shape no secret, code or token has (they carry digits, dots or capitals).
bool is_plain_name(std::string_view text);

/// Whether `text` is an environment variable's name: letters, digits and '_', not starting with a digit.
bool is_variable_name(std::string_view text);

/// Walks `--name value` and `--flag` arguments. Its errors never show an argument that is not
/// a plain option name: a mistyped one may be a secret.
class argument_reader {
public:
    explicit argument_reader(std::vector<std::string_view> args) : args_(std::move(args)) {}

    bool done() const { return position_ >= args_.size(); }
    /// The next "--name", safe to show in a message; usage_error if it is not shaped like one.
    std::string_view next_option();
    std::string value(std::string_view option);  ///< The value after an option; usage_error if missing.
    /// Whether the next argument is a word rather than an option (it does not start with '-').
    bool next_is_word() const { return !done() && !args_[position_].starts_with('-'); }
    std::string word() { return std::string(args_[position_++]); }
    /// The next argument without taking it; empty when there is none.
    std::string_view peek() const { return done() ? std::string_view() : args_[position_]; }

private:
    std::vector<std::string_view> args_;
    std::size_t position_ = 0;
};

/// Seconds as a positive decimal ("2.5"), for --timeout and friends. Errors do not show `text`.
double parse_seconds(std::string_view option, const std::string& text);
unsigned parse_port(const std::string& text);
std::optional<std::string> environment(const char* name);

}  // namespace slack::cli
