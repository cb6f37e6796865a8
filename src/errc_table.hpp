// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the four generated error tables (scripts/gen-errors: api, client, install and store errc)
// share: a row's shape, the lookups by value, and the error category over a table. Each generated
// source holds only its table and its category's id and name.
#include <slack/condition.hpp>

#include <boost/system/error_category.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace slack::detail::errc_table {

// Condition numbers as the tables store them: slack::condition values, 0 for none.
inline constexpr int c_rate_limited = static_cast<int>(condition::rate_limited);
inline constexpr int c_transient = static_cast<int>(condition::transient);
inline constexpr int c_auth = static_cast<int>(condition::auth);
inline constexpr int c_invalid_request = static_cast<int>(condition::invalid_request);
inline constexpr int c_outcome_unknown = static_cast<int>(condition::outcome_unknown);

struct error_info {
    std::string_view name;     // the enumerator's name (for api_errc: the exact string Slack sends)
    std::string_view message;  // empty: the name serves as the message
    int condition;             // 0, or a slack::condition value
};

// Row i of a table describes the error with value i + 1. Every string is a literal, so data() is
// NUL-terminated (the category's message() and to_string() rely on that).
using table_view = std::span<const error_info>;

constexpr const error_info* find(table_view table, int value) noexcept
{
    if (value < 1 || static_cast<std::size_t>(value) > table.size())
        return nullptr;
    return &table[static_cast<std::size_t>(value) - 1];
}

// The enumerator's name; "" (still a C string) outside the table.
constexpr std::string_view name_of(table_view table, int value) noexcept
{
    const error_info* info = find(table, value);
    return info == nullptr ? std::string_view("") : info->name;
}

constexpr int condition_of(table_view table, int value) noexcept
{
    const error_info* info = find(table, value);
    return info == nullptr ? 0 : info->condition;
}

// One enum's category: its fixed id (categories stay equal even if the object is duplicated
// across shared objects), its name, and its table.
class category final : public boost::system::error_category {
public:
    constexpr category(unsigned long long id, const char* name, table_view table,
                       std::string_view unknown_value_message) noexcept
        : error_category(id), name_(name), table_(table), unknown_(unknown_value_message)
    {
    }

    const char* name() const noexcept override { return name_; }

    std::string message(int ev) const override { return std::string(message_of(ev)); }

    const char* message(int ev, char*, std::size_t) const noexcept override
    {
        return message_of(ev).data();  // NUL-terminated literal, see error_info
    }

private:
    std::string_view message_of(int value) const noexcept
    {
        const error_info* info = find(table_, value);
        if (info == nullptr)
            return unknown_;
        return info->message.empty() ? info->name : info->message;
    }

    const char* name_;
    table_view table_;
    std::string_view unknown_;
};

}  // namespace slack::detail::errc_table
