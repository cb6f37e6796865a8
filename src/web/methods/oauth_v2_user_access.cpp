// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// oauth.v2.user.access, both grants: the oauth.v2.access answer's table, the same fields sent.
#include "web/method_runner.hpp"
#include "web/methods/v2_access_table.hpp"

#include <slack/web/methods/oauth_v2_user_access.hpp>

namespace slack::web::detail {

template <>
struct method_definition<oauth_v2_user_access> {
    static const char* check(const v2_access_params& p) { return check_code_grant(p); }
    static void encode(const v2_access_params& p, std::string& body) { encode_code_grant(p, body); }
    static inline const response_table<v2_access_response> table =
        v2_access_table(oauth_v2_user_access::name, without_access_token);
};

template <>
struct method_definition<oauth_v2_user_refresh> {
    static const char* check(const v2_refresh_params& p) { return check_refresh_grant(p); }
    static void encode(const v2_refresh_params& p, std::string& body) { encode_refresh_grant(p, body); }
    static inline const response_table<v2_access_response> table =
        v2_access_table(oauth_v2_user_refresh::name, without_access_token);
};

template void start_method<oauth_v2_user_access>(std::shared_ptr<client_impl>, const v2_access_params&,
                                                 slack::diagnostics*, method_handler<oauth_v2_user_access>);
template void start_method<oauth_v2_user_refresh>(std::shared_ptr<client_impl>, const v2_refresh_params&,
                                                  slack::diagnostics*, method_handler<oauth_v2_user_refresh>);

}  // namespace slack::web::detail
