// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// auth.test, auth.revoke and apps.uninstall: what a bearer token is, and ending it.
#include "mock/answers.hpp"
#include "mock/methods.hpp"

namespace slack::mock::detail {

namespace json = boost::json;

namespace {

// Slack's output schema for apps.uninstall requires `uninstalled`.
json::object uninstalled() { return {{"ok", true}, {"uninstalled", true}}; }

}  // namespace

outgoing_reply auth_test(mock_state& state, method_call& call)
{
    std::string token;
    const magic_method magic{.name = call.method,
                             .spent_error = {},
                             .unknown_error = "invalid_auth",
                             .reusable_example = "success_with_bot_token",
                             .success = [&] {
                                 return auth_test_answer(state, *state.tokens.install(), token_kind::bot,
                                                         clock::time_point::max());
                             }};
    if (auto refused = check_bearer(state, call, magic, token))
        return *refused;
    const token_record* found = state.tokens.find(token);
    return json_reply(auth_test_answer(state, *found->owner, found->kind, found->expires));
}

outgoing_reply auth_revoke(mock_state& state, method_call& call)
{
    std::string token;
    const std::string_view test = call.params.get("test");
    const bool only_testing = test == "true" || test == "1";
    const magic_method magic{.name = call.method,
                             .spent_error = "token_revoked",
                             .unknown_error = "invalid_auth",
                             .reusable_example = "success",
                             .success = [&] {
                                 return json::object{{"ok", true}, {"revoked", !only_testing}};
                             }};
    if (auto refused = check_bearer(state, call, magic, token))
        return *refused;
    if (!only_testing)
        state.tokens.find(token)->revoked = true;
    return json_reply(json::object{{"ok", true}, {"revoked", !only_testing}});
}

outgoing_reply apps_uninstall(mock_state& state, method_call& call)
{
    // The Authorization header may carry the bearer token; the client credentials then come as fields.
    if (auto refused = check_client(state, call, secret_rule::required, true))
        return *refused;
    std::string token;
    const magic_method magic{.name = call.method,
                             .spent_error = "token_revoked",
                             .unknown_error = "invalid_auth",
                             .reusable_example = "success",
                             .success = [] { return uninstalled(); }};
    if (auto refused = check_bearer(state, call, magic, token))
        return *refused;
    state.tokens.find(token)->owner->uninstalled = true;  // every token of it, access and refresh
    return json_reply(uninstalled());
}

}  // namespace slack::mock::detail
