// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/user_methods.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace slack::mock {

namespace json = boost::json;

method_answer method_answer::ok(const json::object& fields)
{
    json::object body{{"ok", true}};
    for (const auto& [key, value] : fields)
        body[key] = value;
    return {.body = json::serialize(body)};
}

method_answer method_answer::error(std::string_view error)
{
    return {.body = json::serialize(json::object{{"ok", false}, {"error", error}})};
}

method_answer method_answer::rate_limited(std::chrono::seconds retry_after)
{
    method_answer answer = error("ratelimited");
    answer.status = 429;
    answer.retry_after = std::to_string(retry_after.count());
    return answer;
}

namespace detail {

std::optional<outgoing_reply> read_arguments(const method_call& call, json::object& arguments)
{
    for (const auto& [key, value] : call.params.all())
        arguments[key] = value;  // the query's, then the form's: a key given twice, the last counts
    if (call.media_type != "application/json")
        return std::nullopt;
    boost::system::error_code ec;
    json::value parsed = json::parse(call.body, ec);
    if (ec)
        return slack_error("invalid_json");
    if (!parsed.is_object())
        return slack_error("json_not_object");
    for (auto& [key, value] : parsed.as_object())
        arguments[key] = std::move(value);
    return std::nullopt;
}

void user_methods::add(std::string_view method, method_handler handler, token_check check)
{
    handlers_.insert_or_assign(std::string(method), entry{std::move(handler), check});
}

outgoing_reply user_methods::answer(mock_state& state, method_call& call) const
{
    const entry& registered = handlers_.find(call.method)->second;
    const std::string token = bearer_token(call.authorization, call.params);
    call.credential = token;
    if (registered.check == token_check::required) {
        if (token.empty())
            return slack_error("not_authed");
        if (!is_magic(token))
            switch (state.tokens.status(token)) {
            case token_status::active: break;
            case token_status::expired: return slack_error("token_expired");
            case token_status::revoked: return slack_error("token_revoked");
            case token_status::unknown: return slack_error("invalid_auth");
            }
    }
    json::object arguments;
    if (auto refused = read_arguments(call, arguments))
        return *refused;
    const method_request request{.method = call.method,
                                 .token = token,
                                 .content_type = call.media_type,
                                 .body = call.body,
                                 .arguments = arguments};
    method_answer answer;
    try {
        answer = registered.handler(request);
    } catch (...) {
        return html_reply(500);  // the user's handler failed: a server error, as Slack's would be
    }
    outgoing_reply reply;
    reply.status = answer.status >= 100 && answer.status <= 999 ? answer.status : 500;
    reply.body = std::move(answer.body);
    reply.retry_after = std::move(answer.retry_after);
    return reply;
}

}  // namespace detail
}  // namespace slack::mock
