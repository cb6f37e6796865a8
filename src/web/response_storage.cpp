// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The accessors every typed response shares: a slot's text, boolean, integer, expiry.
#include <slack/web/detail/response_storage.hpp>

#include "web/envelope.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <charconv>

namespace slack::web::detail {

heap_text::heap_text(const heap_text& other)
{
    if (!other.text.empty()) {
        text.reserve(std::max(other.text.size(), least_capacity));
        text.assign(other.text);
    }
}

void heap_text::assign(std::string&& s)
{
    if (s.capacity() < least_capacity)
        s.reserve(least_capacity);
    text = std::move(s);
}

heap_text& heap_text::operator=(const heap_text& other)
{
    if (this != &other) {
        heap_text copy(other);
        text = std::move(copy.text);
    }
    return *this;
}

std::string_view response_base::text(const value_slot& s) const noexcept
{
    using state = value_slot::state;
    if (s.what != state::in_body && s.what != state::in_text)
        return {};
    const std::string& in = s.what == state::in_body ? body_.text : text_.text;
    if (s.offset > in.size())
        return {};
    return {in.data() + s.offset, std::min<std::size_t>(s.size, in.size() - s.offset)};
}

std::optional<std::string_view> response_base::optional_text(const value_slot& s) const noexcept
{
    if (s.what != value_slot::state::in_body && s.what != value_slot::state::in_text)
        return std::nullopt;
    return text(s);
}

std::optional<bool> response_base::boolean(const value_slot& s) const noexcept
{
    if (s.what == value_slot::state::yes)
        return true;
    if (s.what == value_slot::state::no)
        return false;
    return std::nullopt;
}

std::optional<std::int64_t> response_base::integer(const value_slot& s) const noexcept
{
    const std::string_view digits = text(s);
    std::int64_t value = 0;
    const auto [end, status] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || status != std::errc() || end != digits.data() + digits.size())
        return std::nullopt;  // absent, or not an integer (43200.5, 1e3, out of range)
    return value;
}

std::optional<std::chrono::seconds> response_base::seconds(const value_slot& s) const noexcept
{
    const std::optional<std::int64_t> in = integer(s);
    if (!in)
        return std::nullopt;
    return std::chrono::seconds(*in);
}

std::optional<std::chrono::system_clock::time_point> response_base::expiry(const value_slot& seconds) const noexcept
{
    const std::optional<std::int64_t> in = integer(seconds);
    // Ten years at most: a wild value must not overflow the clock.
    constexpr std::int64_t longest = 10ll * 366 * 24 * 3600;
    if (!in || *in < 0)
        return std::nullopt;
    return received_at_ + std::chrono::seconds(std::min(*in, longest));
}

std::vector<std::string_view> response_base::comma_list(std::string_view list)
{
    std::vector<std::string_view> items;
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (const std::string_view item = list.substr(0, comma); !item.empty())
            items.push_back(item);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
    return items;
}

boost::json::object response_base::raw() const
{
    boost::json::value parsed = boost::json::parse(body_.text, {}, body_parse_options());
    return std::move(parsed.as_object());
}

}  // namespace slack::web::detail
