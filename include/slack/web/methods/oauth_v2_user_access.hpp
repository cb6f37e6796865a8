#pragma once
// oauth.v2.user.access: the user-token-only code exchange, and its refresh. Parameters and the
// answer are those of oauth.v2.access (the answer in its flat user shape).
// Run them with slack::web::oauth::v2_user_access / v2_user_refresh.
#include <slack/web/method_traits.hpp>
#include <slack/web/methods/oauth_v2_access.hpp>

namespace slack::web {

struct oauth_v2_user_access {
    using params = v2_access_params;
    using response = v2_access_response;
    static constexpr std::string_view name = "oauth.v2.user.access";
    static constexpr auth_kind auth = auth_kind::client_credentials;
    static constexpr body_encoding encoding = body_encoding::form;
    static constexpr bool idempotent = false;
    static constexpr spend_rule spends(const params&) noexcept { return {single_use::code, api_errc::invalid_code}; }
    static constexpr bool public_client(const params& p) noexcept { return !p.code_verifier.empty(); }
};

struct oauth_v2_user_refresh {
    using params = v2_refresh_params;
    using response = v2_access_response;
    static constexpr std::string_view name = "oauth.v2.user.access";
    static constexpr auth_kind auth = auth_kind::client_credentials;
    static constexpr body_encoding encoding = body_encoding::form;
    static constexpr bool idempotent = false;
    static constexpr spend_rule spends(const params&) noexcept
    {
        return {single_use::refresh_token, api_errc::invalid_refresh_token};
    }
    static constexpr bool public_client(const params&) noexcept { return true; }
};

}  // namespace slack::web
