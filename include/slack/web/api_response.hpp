#pragma once
// client.call(): the parameters of any Web API method, and its answer as received.
#include <slack/web/detail/response_storage.hpp>

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

namespace slack::web {

/// One form field of client.call() (views, like every method's params).
struct form_field {
    std::string_view name{};
    std::string_view value{};
};

/// The form fields of client.call(): a view of fields from a braced list, an array, a vector
/// or a span. A view (trivially destructible, see call_params): a braced list's fields live until
/// the end of the full-expression, which is long enough, since initiation copies them, also when
/// a deferred operation is awaited in that same expression.
class form_fields {
public:
    constexpr form_fields() noexcept = default;
    constexpr form_fields(std::initializer_list<form_field> fields) noexcept : fields_(fields.begin(), fields.size()) {}
    template <class Fields>
        requires std::convertible_to<Fields&&, std::span<const form_field>>
    constexpr form_fields(Fields&& fields) noexcept : fields_(std::forward<Fields>(fields))
    {
    }

    constexpr const form_field* begin() const noexcept { return fields_.data(); }
    constexpr const form_field* end() const noexcept { return fields_.data() + fields_.size(); }
    constexpr std::size_t size() const noexcept { return fields_.size(); }
    constexpr bool empty() const noexcept { return fields_.empty(); }

private:
    std::span<const form_field> fields_{};
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
