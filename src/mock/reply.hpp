// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the mock sends back, independent of sockets, and the shapes every method shares.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace slack::mock::detail {

using clock = std::chrono::steady_clock;

struct outgoing_reply {
    unsigned status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::string retry_after;             ///< Retry-After header, empty for none.
    std::string location;                ///< Location header (a redirect), empty for none.
    std::chrono::milliseconds delay{0};  ///< Wait this long before answering.
    bool close_without_reply = false;    ///< Process, then drop the connection.
    bool cut_body = false;               ///< Send the header and half the body, then drop the connection.
    bool chunked = false;                ///< Send the body with Transfer-Encoding: chunked.
};

outgoing_reply json_reply(const boost::json::value& body, unsigned status = 200);
/// `{"ok":false,"error":error}`; missing_scope adds needed/provided like Slack.
outgoing_reply slack_error(std::string_view error);
/// An HTML page with `status`, what a proxy in front of Slack sends.
outgoing_reply html_reply(unsigned status);
/// HTTP 429 with `ratelimited`; Retry-After is the caller's.
outgoing_reply rate_limited_reply();

}  // namespace slack::mock::detail
