// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "operation.hpp"

#include "load.hpp"
#include "web/form.hpp"  // the same Basic and Bearer headers the SDK sends

namespace bench {

const char* to_string(operation op)
{
    switch (op) {
    case operation::oauth_access: return "oauth.access";
    case operation::auth_test: return "auth.test";
    case operation::auth_test_call: return "auth.test/call";
    case operation::oauth_v2_access: return "oauth.v2.access";
    }
    return "?";
}

bool parse_operation(const std::string& name, operation& op)
{
    for (operation each :
         {operation::oauth_access, operation::auth_test, operation::auth_test_call, operation::oauth_v2_access})
        if (name == to_string(each)) {
            op = each;
            return true;
        }
    return false;
}

request_description describe_request(operation op, const target& where)
{
    // What src/web/request_header.cpp writes: User-Agent, Content-Type, Authorization (a form
    // body even when it is empty, as for auth.test).
    auto fields = [](std::string authorization) {
        return std::vector<std::pair<std::string, std::string>>{{"User-Agent", "slack-asio/0.1"},
                                                                {"Content-Type", "application/x-www-form-urlencoded"},
                                                                {"Authorization", std::move(authorization)}};
    };
    const std::string basic = slack::web::detail::basic_authorization(where.client_id, where.client_secret);
    switch (op) {
    case operation::oauth_access: return {"oauth.access", fields(basic), "code=" + where.code};
    case operation::oauth_v2_access: return {"oauth.v2.access", fields(basic), "code=" + where.code};
    case operation::auth_test:
    case operation::auth_test_call:
        return {"auth.test", fields(slack::web::detail::bearer_authorization(where.token)), ""};
    }
    return {};
}

}  // namespace bench
