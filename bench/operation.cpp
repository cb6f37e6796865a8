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
    case operation::chat_post_message: return "chat.postMessage";
    }
    return "?";
}

bool parse_operation(const std::string& name, operation& op)
{
    for (operation each : {operation::oauth_access, operation::auth_test, operation::auth_test_call,
                           operation::oauth_v2_access, operation::chat_post_message})
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
    case operation::chat_post_message: {  // the first call's; the baseline changes both per call
        request_description first{"chat.postMessage", fields(workload().authorizations[0]), workload().bodies[0]};
        first.fields[1].second = "application/json; charset=utf-8";
        return first;
    }
    }
    return {};
}

namespace {

// A token of Slack's shape (xoxb-<team>-<bot>-<24 characters>), numbered.
std::string workspace_token(unsigned workspace)
{
    std::string digits = std::to_string(1000000000 + workspace);
    std::string secret = "Zq" + digits + "kR7mWb0xYc3T";
    return "xoxb-" + std::to_string(700000000000ULL + workspace) + "-" + std::to_string(5100000000000ULL + workspace) +
           "-" + secret.substr(0, 24);
}

// A Block Kit message: a header, `sections` sections of mrkdwn, a divider, a context line.
std::string block_kit_message(unsigned variant, unsigned sections)
{
    std::string text = R"({"channel":"C0)" + std::to_string(4000000 + variant) +
                       R"(","text":"Deploy report","unfurl_links":false,"blocks":[)"
                       R"({"type":"header","text":{"type":"plain_text","text":"Deploy report — build )" +
                       std::to_string(9000 + variant) + R"(","emoji":true}})";
    for (unsigned i = 0; i < sections; ++i)
        text += R"(,{"type":"section","text":{"type":"mrkdwn","text":"*Service )" + std::to_string(i) +
                R"(* rolled out to `eu-west-1`: 12 pods, p99 41 ms, errors 0.02%. <https://example.com/runs/)" +
                std::to_string(variant * 100 + i) + R"(|Run log>"}})";
    text += R"(,{"type":"divider"},{"type":"context","elements":[{"type":"mrkdwn","text":"Requested by <@U0)" +
            std::to_string(5000000 + variant) + R"(> · café ✓"}]}]})";
    return text;
}

}  // namespace

const bot_workload& workload()
{
    static const bot_workload made = [] {
        bot_workload w;
        for (unsigned i = 0; i < 1000; ++i) {
            w.tokens.push_back(workspace_token(i));
            w.authorizations.push_back(slack::web::detail::bearer_authorization(w.tokens.back()));
        }
        for (unsigned i = 0; i < 7; ++i)  // 7 bodies, 1.0 to 1.9 KB: 7 and 1,000 are coprime
            w.bodies.push_back(block_kit_message(i, 4 + i));
        return w;
    }();
    return made;
}

}  // namespace bench
