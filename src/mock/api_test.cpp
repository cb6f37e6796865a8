// api.test: Slack's echo method. No auth; answers every argument it got, from the query string
// and a form or a JSON object body; `error=X` makes it fail with X.
#include "mock/methods.hpp"

#include <boost/json/parse.hpp>

namespace slack::mock::detail {

namespace json = boost::json;

outgoing_reply api_test(mock_state&, method_call& call)
{
    json::object args;
    for (const auto& [key, value] : call.params.all())
        args[key] = value;  // the query's, then the form's: a key given twice, the last counts
    if (call.media_type == "application/json") {
        boost::system::error_code ec;
        json::value parsed = json::parse(call.body, ec);
        if (ec)
            return slack_error("invalid_json");
        if (!parsed.is_object())
            return slack_error("json_not_object");
        for (auto& [key, value] : parsed.as_object())
            args[key] = std::move(value);
    }
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
