// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/reply.hpp"

#include <boost/json/serialize.hpp>

namespace slack::mock::detail {

namespace json = boost::json;

outgoing_reply json_reply(const json::value& body, unsigned status)
{
    outgoing_reply reply;
    reply.status = status;
    reply.body = json::serialize(body);
    return reply;
}

outgoing_reply slack_error(std::string_view error)
{
    json::object body{{"ok", false}, {"error", error}};
    if (error == "missing_scope") {
        body["needed"] = "channels:read";
        body["provided"] = "identify,bot";
    }
    return json_reply(body);
}

outgoing_reply html_reply(unsigned status)
{
    outgoing_reply reply;
    reply.status = status;
    reply.content_type = "text/html; charset=utf-8";
    reply.body = "<html><head><title>" + std::to_string(status) +
                 "</title></head><body><h1>Slack is having trouble</h1><p>Please try again.</p></body></html>";
    return reply;
}

outgoing_reply rate_limited_reply()
{
    outgoing_reply reply = slack_error("ratelimited");
    reply.status = 429;
    return reply;
}

}  // namespace slack::mock::detail
