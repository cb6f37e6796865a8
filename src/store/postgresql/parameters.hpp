// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The values of one statement's parameters ($1, $2, ...), all sent as text: the statement casts
// each where its type matters ($3::bigint). Values never enter the statement's text.
#include <slack/store/installation.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace slack::store::postgresql {

class parameters {
public:
    parameters& text(std::string value);
    parameters& null();
    parameters& integer(std::int64_t value);
    parameters& boolean(bool value);
    /// Unix milliseconds, or null.
    parameters& time(const std::optional<time_point>& value);

    int count() const noexcept { return static_cast<int>(values_.size()); }
    /// One pointer per parameter (null for SQL NULL), as PQsendQueryParams takes them. Valid
    /// until the next change.
    const char* const* pointers() const;

private:
    std::vector<std::optional<std::string>> values_;
    mutable std::vector<const char*> pointers_;
};

/// Unix milliseconds, the unit of every time column.
std::int64_t unix_milliseconds(time_point t) noexcept;
time_point from_unix_milliseconds(std::int64_t milliseconds) noexcept;

}  // namespace slack::store::postgresql
