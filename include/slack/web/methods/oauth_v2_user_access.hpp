// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// oauth.v2.user.access: the user-token-only code exchange, and its refresh. Parameters and the
/// answer are those of oauth.v2.access (the answer in its flat user shape).
/// Run them with slack::web::oauth::v2_user_access / v2_user_refresh.
#include <slack/web/method_traits.hpp>
#include <slack/web/methods/oauth_v2_access.hpp>

namespace slack::web {

/// oauth.v2.user.access, grant authorization_code: a code for a user token alone.
struct oauth_v2_user_access : code_grant<v2_access_response> {
    static constexpr std::string_view name = "oauth.v2.user.access";  ///< The method's name in the URL.
};

/// oauth.v2.user.access, grant refresh_token: a user token's new pair.
struct oauth_v2_user_refresh : refresh_grant<v2_access_response> {
    static constexpr std::string_view name = "oauth.v2.user.access";  ///< The method's name in the URL.
};

}  // namespace slack::web
