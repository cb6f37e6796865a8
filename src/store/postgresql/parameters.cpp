// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/postgresql/parameters.hpp"

namespace slack::store::postgresql {

parameters& parameters::text(std::string value)
{
    values_.emplace_back(std::move(value));
    return *this;
}

parameters& parameters::null()
{
    values_.emplace_back();
    return *this;
}

parameters& parameters::integer(std::int64_t value) { return text(std::to_string(value)); }

parameters& parameters::boolean(bool value) { return text(value ? "true" : "false"); }

parameters& parameters::time(const std::optional<time_point>& value)
{
    return value ? integer(unix_milliseconds(*value)) : null();
}

const char* const* parameters::pointers() const
{
    pointers_.clear();
    for (const auto& value : values_)
        pointers_.push_back(value ? value->c_str() : nullptr);
    return pointers_.data();
}

std::int64_t unix_milliseconds(time_point t) noexcept
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

time_point from_unix_milliseconds(std::int64_t milliseconds) noexcept
{
    return time_point(std::chrono::milliseconds(milliseconds));
}

}  // namespace slack::store::postgresql
