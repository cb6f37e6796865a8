#pragma once
// client.call(): the parameters of any Web API method, and its answer as received.
#include <slack/web/detail/response_storage.hpp>

#include <span>
#include <string_view>
#include <type_traits>

namespace slack::web {

/// One form field of client.call() (views, like every method's params).
struct form_field {
    std::string_view name{};
    std::string_view value{};
};

/// What client.call() sends. Views: the strings and the array must stay alive until the call is
/// initiated, which copies them (see access_params).
///   const slack::web::form_field fields[] = {{"channel", "C123"}, {"limit", "10"}};
///   auto r = co_await client.call("conversations.info", {.form = fields}, bot_token);
struct call_params {
    std::span<const form_field> form{};  ///< Sent as application/x-www-form-urlencoded.
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
