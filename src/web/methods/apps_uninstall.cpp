// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// apps.uninstall: nothing of its own to send (the runner sends the token and the app's
// credentials); the answer's one field.
#include "web/method_runner.hpp"

#include <slack/web/methods/apps_uninstall.hpp>

namespace slack::web {
namespace detail {
namespace {

enum field : std::uint8_t { uninstalled, count };
static_assert(field::count == uninstall_response::field_count);

constexpr field_spec fields[] = {{"", "uninstalled", json_kind::boolean, uninstalled}};

}  // namespace

template <>
struct method_definition<apps_uninstall> {
    static const char* check(const uninstall_params&) { return nullptr; }
    static void encode(const uninstall_params&, std::string&) {}
    static constexpr response_table<uninstall_response> table{apps_uninstall::name, fields};
};

template void start_method<apps_uninstall>(std::shared_ptr<client_impl>, const uninstall_params&, slack::diagnostics*,
                                           method_handler<apps_uninstall>);

}  // namespace detail

std::optional<bool> uninstall_response::uninstalled() const noexcept
{
    return boolean(slot(detail::field::uninstalled));
}

}  // namespace slack::web
