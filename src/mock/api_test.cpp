// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// api.test: Slack's echo method. No auth; answers every argument it got, from the query string
// and a form or a JSON object body; `error=X` makes it fail with X.
#include "mock/methods.hpp"
#include "mock/user_methods.hpp"

namespace slack::mock::detail {

namespace json = boost::json;

outgoing_reply api_test(mock_state&, method_call& call)
{
    json::object args;
    if (auto refused = read_arguments(call, args))
        return *refused;
    json::object out;
    const json::value* error = args.if_contains("error");
    if (error && error->is_string()) {
        out = {{"ok", false}, {"error", *error}};
    } else {
        out = {{"ok", true}};
    }
    out["args"] = std::move(args);
    return json_reply(out);
}

}  // namespace slack::mock::detail
