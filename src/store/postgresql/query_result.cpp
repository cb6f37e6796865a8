// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/postgresql/query_result.hpp"

#include "store/postgresql/parameters.hpp"

#include <slack/store/store_errc.hpp>

#include <charconv>
#include <limits>

namespace slack::store::postgresql {
namespace {

boost::system::error_code corrupt() { return store_errc::corrupt_row; }

// system_clock counts nanoseconds in 64 bits: about 292 years either side of 1970.
constexpr std::int64_t max_unix_milliseconds = std::numeric_limits<std::int64_t>::max() / 1'000'000;

}  // namespace

int query_result::rows() const noexcept { return result_ ? PQntuples(result_.get()) : 0; }

std::size_t query_result::affected() const noexcept
{
    if (!result_)
        return 0;
    std::string_view count = PQcmdTuples(result_.get());  // "" for a statement that touches no rows
    std::size_t n = 0;
    std::from_chars(count.data(), count.data() + count.size(), n);
    return n;
}

bool query_result::is_null(int row, int column) const noexcept
{
    return !result_ || row >= rows() || column >= PQnfields(result_.get()) || PQgetisnull(result_.get(), row, column);
}

std::string_view query_result::text(int row, int column) const noexcept
{
    if (is_null(row, column))
        return {};
    return {PQgetvalue(result_.get(), row, column), static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

boost::system::result<std::int64_t> query_result::integer(int row, int column) const
{
    auto value = optional_integer(row, column);
    if (!value)
        return value.error();
    if (!*value)
        return corrupt();
    return **value;
}

boost::system::result<std::optional<std::int64_t>> query_result::optional_integer(int row, int column) const
{
    if (is_null(row, column))
        return std::optional<std::int64_t>();
    std::string_view digits = text(row, column);
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size())
        return corrupt();
    return std::optional<std::int64_t>(n);
}

boost::system::result<bool> query_result::boolean(int row, int column) const
{
    std::string_view value = text(row, column);  // text form of a boolean: "t" or "f"
    if (is_null(row, column) || (value != "t" && value != "f"))
        return {boost::system::in_place_error, corrupt()};  // bool converts from error_code explicitly
    return value == "t";
}

boost::system::result<std::optional<time_point>> query_result::time(int row, int column) const
{
    auto milliseconds = optional_integer(row, column);
    if (!milliseconds)
        return milliseconds.error();
    if (!*milliseconds)
        return std::optional<time_point>();
    if (**milliseconds > max_unix_milliseconds || **milliseconds < -max_unix_milliseconds)
        return corrupt();
    return std::optional<time_point>(from_unix_milliseconds(**milliseconds));
}

}  // namespace slack::store::postgresql
