// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// auth.revoke: the token, and `test` when asked; the answer's one field.
#include "web/method_runner.hpp"

#include <slack/web/methods/auth_revoke.hpp>

namespace slack::web {
namespace detail {
namespace {

enum field : std::uint8_t { revoked, count };
static_assert(field::count == revoke_response::field_count);

constexpr field_spec fields[] = {{"", "revoked", json_kind::boolean, revoked}};

}  // namespace

template <>
struct method_definition<auth_revoke> {
    static const char* check(const revoke_params&) { return nullptr; }
    static void encode(const revoke_params& p, std::string& body)
    {
        if (p.test)
            append_form_field(body, "test", "true");
    }
    static constexpr response_table<revoke_response> table{auth_revoke::name, fields};
};

template void start_method<auth_revoke>(std::shared_ptr<client_impl>, const revoke_params&, slack::diagnostics*,
                                        method_handler<auth_revoke>);

}  // namespace detail

std::optional<bool> revoke_response::revoked() const noexcept { return boolean(slot(detail::field::revoked)); }

}  // namespace slack::web
