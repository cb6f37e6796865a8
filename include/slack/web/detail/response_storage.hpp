// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What every typed response is made of: the body as received, plus where each documented field
// sits in it. Filled by the library's one response parse (src/web/response_table.cpp).
#include <boost/json/fwd.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slack::web::detail {

struct response_table_builder;

/// Where one field's value sits, and what Slack sent for it.
struct value_slot {
    enum class state : std::uint8_t {
        absent,   ///< not sent (or sent with a type the table does not expect)
        null,     ///< sent as null
        in_body,  ///< text at [offset, offset+size) of the body: a string without escapes, a number
        in_text,  ///< text at [offset, offset+size) of the unescaped-text buffer
        yes,      ///< true
        no,       ///< false
        object,   ///< an object (its members have slots of their own)
    };
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
    state what = state::absent;
};

/// A string whose text never sits inline (small-string storage), so that views into it survive
/// a move of the response, also after a copy: a short string would otherwise be copied into the
/// moved-to object's own inline buffer.
struct heap_text {
    std::string text;
    heap_text() = default;
    heap_text(const heap_text& other);
    heap_text& operator=(const heap_text& other);
    heap_text(heap_text&&) noexcept = default;
    heap_text& operator=(heap_text&&) noexcept = default;
    /// Takes `s`, first moved out of its inline buffer if it sits there.
    void assign(std::string&& s);
    /// Room enough that the text never sits inline.
    static constexpr std::size_t least_capacity = 32;
};

/// The part of a response that does not depend on its fields.
class response_base {
public:
    /// The response body as received: a JSON object, fields added by Slack later included.
    std::string_view body() const noexcept { return body_.text; }
    /// `body()` parsed (on each call). To use it, include <boost/json/object.hpp>.
    boost::json::object raw() const;
    /// `warning` codes and `response_metadata.warnings`.
    const std::vector<std::string>& warnings() const noexcept { return warnings_; }
    /// `response_metadata.messages`: details in words (e.g. of a warning).
    const std::vector<std::string>& messages() const noexcept { return messages_; }
    /// When the answer arrived (system clock): expiry times are counted from it.
    std::chrono::system_clock::time_point received_at() const noexcept { return received_at_; }

protected:
    std::string_view text(const value_slot& s) const noexcept;
    std::optional<std::string_view> optional_text(const value_slot& s) const noexcept;
    std::optional<bool> boolean(const value_slot& s) const noexcept;
    std::optional<std::int64_t> integer(const value_slot& s) const noexcept;
    static bool present(const value_slot& s) noexcept { return s.what == value_slot::state::object; }
    /// A comma-separated list's items (empty ones skipped), as views.
    static std::vector<std::string_view> comma_list(std::string_view list);
    /// The integer in `s` as a duration in seconds, when there is one.
    std::optional<std::chrono::seconds> seconds(const value_slot& s) const noexcept;
    /// received_at() + the integer in `seconds`, when there is one.
    std::optional<std::chrono::system_clock::time_point> expiry(const value_slot& seconds) const noexcept;

private:
    friend struct response_table_builder;

    heap_text body_;  // never inline, also in a copy: moves keep body() and the slots' views valid
    heap_text text_;  // values that had escapes, unescaped, one after another (usually empty)
    std::vector<std::string> warnings_;
    std::vector<std::string> messages_;
    std::chrono::system_clock::time_point received_at_{};
};

/// A response with `Count` documented fields.
template <std::size_t Count>
class response_fields_of : public response_base {
public:
    static constexpr std::size_t field_count = Count;

protected:
    const value_slot& slot(std::size_t i) const noexcept { return slots_[i]; }

private:
    friend struct response_table_builder;
    std::array<value_slot, Count> slots_{};
};

}  // namespace slack::web::detail
