// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// client.call(): the parameters of any Web API method, and its answer as received.
#include <slack/web/detail/response_storage.hpp>

#include <concepts>
#include <cstddef>
#include <ranges>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

namespace slack::web {

/// One form field of client.call() (views, like every method's params).
struct form_field {
    std::string_view name{};   ///< The field's name.
    std::string_view value{};  ///< Its value, sent form-encoded.
};

/// The form fields of client.call(): up to max_braced written in the call,
/// `{.form = {{"channel", "C1"}, {"text", "hi"}}}`, or a view of an array, a vector or a span.
/// Trivially destructible, like every parameter (see call_params). Not an initializer_list: g++ 12
/// cannot keep an initializer_list's array in a coroutine frame ("array used as initializer"), so
/// braced fields are copied in here, one constructor per count.
class form_fields {
public:
    /// The most fields a call may brace; more: name an array and pass it.
    static constexpr std::size_t max_braced = 8;

    /// No fields.
    constexpr form_fields() noexcept = default;
    /// One field, braced in the call.
    constexpr form_fields(form_field a) noexcept : braced_{a}, braced_size_(1) {}
    /// Two fields, braced in the call.
    constexpr form_fields(form_field a, form_field b) noexcept : braced_{a, b}, braced_size_(2) {}
    /// Three fields, braced in the call.
    constexpr form_fields(form_field a, form_field b, form_field c) noexcept : braced_{a, b, c}, braced_size_(3) {}
    /// Four fields, braced in the call.
    constexpr form_fields(form_field a, form_field b, form_field c, form_field d) noexcept
        : braced_{a, b, c, d}, braced_size_(4)
    {
    }
    /// Five fields, braced in the call.
    constexpr form_fields(form_field a, form_field b, form_field c, form_field d, form_field e) noexcept
        : braced_{a, b, c, d, e}, braced_size_(5)
    {
    }
    /// Six fields, braced in the call.
    constexpr form_fields(form_field a, form_field b, form_field c, form_field d, form_field e, form_field f) noexcept
        : braced_{a, b, c, d, e, f}, braced_size_(6)
    {
    }
    /// Seven fields, braced in the call.
    constexpr form_fields(form_field a, form_field b, form_field c, form_field d, form_field e, form_field f,
                          form_field g) noexcept
        : braced_{a, b, c, d, e, f, g}, braced_size_(7)
    {
    }
    /// Eight fields, braced in the call.
    constexpr form_fields(form_field a, form_field b, form_field c, form_field d, form_field e, form_field f,
                          form_field g, form_field h) noexcept
        : braced_{a, b, c, d, e, f, g, h}, braced_size_(8)
    {
    }
    /// A view of fields kept elsewhere: they must stay alive until the call is initiated.
    /// Not another form_fields (its copy must see its own braced fields), and not a temporary
    /// container (it would be gone, and inside co_await g++ 12 miscompiles it): name it first.
    template <class Fields>
        requires(!std::same_as<std::remove_cvref_t<Fields>, form_fields> &&
                 (std::is_lvalue_reference_v<Fields> || std::ranges::borrowed_range<Fields>) &&
                 std::convertible_to<Fields &&, std::span<const form_field>>)
    constexpr form_fields(Fields&& fields) noexcept : viewed_(std::forward<Fields>(fields))
    {
    }

    /// Where the fields are: braced ones in this object, so that a copy sees its own.
    constexpr std::span<const form_field> fields() const noexcept
    {
        return braced_size_ != 0 ? std::span<const form_field>(braced_, braced_size_) : viewed_;
    }
    /// The first field.
    constexpr const form_field* begin() const noexcept { return fields().data(); }
    /// Past the last field.
    constexpr const form_field* end() const noexcept { return fields().data() + fields().size(); }
    /// How many fields.
    constexpr std::size_t size() const noexcept { return fields().size(); }
    /// No fields.
    constexpr bool empty() const noexcept { return size() == 0; }

private:
    form_field braced_[max_braced]{};
    std::size_t braced_size_ = 0;
    std::span<const form_field> viewed_{};
};

/// What client.call() sends. Views: the strings and the fields must stay alive until the call is
/// initiated, which copies them (see access_params).
///   auto r = co_await client.call("chat.postMessage", {.form = {{"channel", "C123"}, {"text", "hi"}}}, bot_token);
///   const slack::web::form_field fields[] = {{"channel", "C123"}, {"limit", "10"}};
///   auto info = co_await client.call("conversations.info", {.form = fields}, bot_token);
struct call_params {
    form_fields form{};  ///< Sent as application/x-www-form-urlencoded.
    /// A JSON object, sent as application/json instead, for methods that accept it (form must
    /// then be empty).
    std::string_view json{};
    /// The call may be run twice with no harm (it reads, or its effect is the same): it is then
    /// retried after an unknown outcome. Only the caller knows; the default is not idempotent.
    bool idempotent = false;
    /// Whose rate limit this call counts against: a workspace's id (team or enterprise), or any
    /// name of yours for it. Empty: a fingerprint of the token (never the token itself).
    std::string_view rate_key{};
};
static_assert(std::is_trivially_destructible_v<form_fields>);
static_assert(std::is_trivially_destructible_v<call_params>);

/// The answer of client.call(): `ok: true` (a failure is an error code, as for every method),
/// its warnings and messages, the body as received, and the body parsed on demand.
class api_response : public detail::response_fields_of<1> {
public:
    /// The body's `ok` (true: a call that failed completes with an error code instead).
    bool ok() const noexcept { return boolean(slot(0)).value_or(false); }
    /// `body()` parsed into a JSON object (each call parses). Include <boost/json/object.hpp>.
    boost::json::object json() const;
};

}  // namespace slack::web
