// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// oauth.v2.exchange: nothing of its own to send (the runner sends the token and the app's
// credentials); the answer is oauth.v2.access's.
#include "web/method_runner.hpp"
#include "web/methods/v2_access_table.hpp"

#include <slack/web/methods/oauth_v2_exchange.hpp>

namespace slack::web::detail {

template <>
struct method_definition<oauth_v2_exchange> {
    static const char* check(const v2_exchange_params&) { return nullptr; }
    static void encode(const v2_exchange_params&, std::string&) {}
    static inline const response_table<v2_access_response> table =
        v2_access_table(oauth_v2_exchange::name, without_access_token);
};

template void start_method<oauth_v2_exchange>(std::shared_ptr<client_impl>, const v2_exchange_params&,
                                              slack::diagnostics*, method_handler<oauth_v2_exchange>);

}  // namespace slack::web::detail
