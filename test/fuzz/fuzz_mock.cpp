// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Fuzz target: the mock server's request handling (mock/behaviour.cpp): the Basic header, the
// content type and the form body of an oauth.access request, magic codes included.
//
// Input: authorization '\n' content type '\n' body (the body may hold further '\n's). Each input
// gets a fresh oauth_app, so that no state carries over from one input to the next.
#include "check.hpp"
#include "form_decode.hpp"

#include "mock/behaviour.hpp"
#include "web/envelope.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

std::string_view take_line(std::string_view& rest)
{
    const auto at = rest.find('\n');
    const std::string_view line = rest.substr(0, at);
    rest = at == std::string_view::npos ? std::string_view() : rest.substr(at + 1);
    return line;
}

// The last `code` of a form body, decoded: what handle() reports in `code`.
std::string code_of(std::string_view content_type, std::string_view body)
{
    std::string code;
    if (content_type.substr(0, content_type.find(';')) != "application/x-www-form-urlencoded")
        return code;
    if (const auto fields = slack_fuzz::decode_form(body))
        for (const slack_fuzz::form_field& field : *fields)
            if (field.key == "code")
                code = field.value;
    return code;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    const std::string_view authorization = take_line(rest);
    const std::string_view content_type = take_line(rest);
    // The body as server.cpp passes it: in a std::string. behaviour.cpp's parse_query (Boost
    // 1.81) reads up to a NUL, past the end of a view that has none.
    const std::string body(rest);
    const slack::mock::detail::incoming_request request{.method = "POST",
                                                        .target = "/api/oauth.access",
                                                        .authorization = authorization,
                                                        .content_type = content_type,
                                                        .body = body};

    static const slack::mock::server_options options;
    slack::mock::detail::oauth_app app(options);
    std::string code;
    const slack::mock::detail::outgoing_reply reply = app.handle(request, code);

    FUZZ_CHECK(code == code_of(content_type, body));
    FUZZ_CHECK(reply.status >= 100 && reply.status <= 999);
    // A JSON answer is a Slack envelope, an object with a boolean "ok", unless it is broken on
    // purpose (the magic codes mock-malformed and mock-notobject).
    const std::string_view magic = std::string_view(code).substr(0, code.find('-', 5));
    if (reply.content_type.starts_with("application/json") && magic != "mock-malformed" && magic != "mock-notobject") {
        boost::system::error_code error;
        const boost::json::value answer =
            boost::json::parse(reply.body, error, {}, slack::web::detail::body_parse_options());
        FUZZ_CHECK(!error && answer.is_object());
        const boost::json::value* ok = answer.as_object().if_contains("ok");
        FUZZ_CHECK(ok && ok->is_bool());
    }
    // Whatever Retry-After the mock sends, the client must understand.
    if (!reply.retry_after.empty())
        FUZZ_CHECK(slack::web::detail::parse_retry_after(reply.retry_after, std::chrono::system_clock::now()));
    return 0;
}
