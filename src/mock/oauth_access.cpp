// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// oauth.access, the classic apps' exchange: Slack's rules as docs/mock-server.md lists them.
#include "mock/examples.hpp"
#include "mock/grants.hpp"
#include "mock/methods.hpp"

#include <boost/json/parse.hpp>

namespace slack::mock::detail {

namespace json = boost::json;

namespace {

json::object success() { return json::parse(*example_payload("oauth.access", "bot")).as_object(); }

}  // namespace

outgoing_reply oauth_access(mock_state& state, method_call& call)
{
    call.credential = call.params.get("code");
    if (auto refused = check_client(state, call))
        return *refused;
    const std::string& code = call.credential;
    if (code.empty())
        return slack_error("invalid_code");
    const magic_method magic{.name = call.method,
                             .spent_error = "code_already_used",
                             .unknown_error = "invalid_code",
                             .reusable_example = "bot",
                             .success = success};
    if (auto scripted = answer_if_magic(state, code, magic))
        return *scripted;

    const code_lookup lookup = find_unspent_code(state, call, "code_already_used");
    if (lookup.refused)
        return *lookup.refused;
    lookup.code->used = true;
    return json_reply(success());
}

}  // namespace slack::mock::detail
