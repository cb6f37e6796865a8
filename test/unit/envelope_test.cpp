// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Response interpretation, Retry-After parsing and request encoding, without sockets.
#include "web/envelope.hpp"
#include "web/form.hpp"

#include <slack/error.hpp>

#include <boost/test/unit_test.hpp>
#include <boost/json/parse.hpp>
#include <boost/url/params_view.hpp>

#include <ctime>

using namespace slack::web::detail;
using std::chrono::seconds;

namespace {

attempt_result reply(unsigned status, std::string body, std::string retry_after = {})
{
    attempt_result r;
    r.response_received = true;
    r.request_written = true;
    r.status = status;
    r.body = std::move(body);
    r.retry_after = std::move(retry_after);
    return r;
}

// Records every value delivered, as "depth parent|key kind text" lines.
struct recorded_fields final : response_fields {
    std::vector<std::string> values;
    void clear(std::string_view) override { values.clear(); }
    boost::system::error_code finish(std::string, std::string&) override { return {}; }
    void on_value(const json_value& v) override
    {
        static const char* const kinds[] = {"string", "number", "boolean", "null", "object", "array"};
        values.push_back(std::to_string(v.depth) + " " + std::string(v.parent) + "|" + std::string(v.key) + " " +
                         kinds[static_cast<int>(v.kind)] + " " + std::string(v.text));
    }
};

// One attempt's outcome, as interpret_reply gives it.
attempt_outcome outcome_of(attempt_result& r, slack::diagnostics& diag, response_fields& fields)
{
    attempt_outcome out;
    interpret_reply(r, diag, fields, out);
    return out;
}

// As the call loop does: the outcome's status and Retry-After reach the caller's diagnostics.
boost::system::error_code interpret(attempt_result r, slack::diagnostics& diag)
{
    recorded_fields fields;
    const attempt_outcome summary = outcome_of(r, diag, fields);
    diag.http_status = summary.http_status;
    diag.retry_after = summary.retry_after;
    return summary.error;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(envelope)

BOOST_AUTO_TEST_CASE(ok_true_delivers_every_value_with_its_path)
{
    slack::diagnostics diag;
    recorded_fields fields;
    fields.values.push_back("left over from an earlier attempt");
    attempt_result r = reply(200, R"({"ok":true,"access_token":"xoxp-1","url":"https:\/\/x\u00e9","n":-1.5e3,)"
                                  R"("future":{"x":[1,{"y":null}],"b":false},"e":[]})");
    const attempt_outcome summary = outcome_of(r, diag, fields);
    BOOST_TEST(!summary.error);
    const std::vector<std::string> expected = {
        "1 |ok boolean true",
        "1 |access_token string xoxp-1",
        "1 |url string https://x\xc3\xa9",
        "1 |n number -1.5e3",
        "1 |future object ",
        "2 future|x array ",
        "3 future.x|[] number 1",
        "3 future.x|[] object ",
        "4 future.x[]|y null ",
        "2 future|b boolean false",
        "1 |e array ",
    };
    BOOST_TEST(fields.values == expected, boost::test_tools::per_element());
    BOOST_TEST(summary.http_status == 200u);
}

BOOST_AUTO_TEST_CASE(long_strings_and_keys_arrive_whole)
{
    // Longer than the parser's internal buffer, with escapes: delivered in parts inside Boost.JSON.
    std::string long_text(20000, 'a');
    long_text += "\\n";
    const std::string long_key(9001, 'k');
    slack::diagnostics diag;
    recorded_fields fields;
    attempt_result r = reply(200, R"({"ok":true,")" + std::string(9000, 'k') + R"(\u006b":")" + long_text +
                                      R"(","n":12345678901234567890})");
    BOOST_TEST(!outcome_of(r, diag, fields).error);
    BOOST_REQUIRE(fields.values.size() == 3u);
    // (Double parentheses: a failure does not print 30 kB.)
    BOOST_TEST((fields.values[1] == "1 |" + long_key + " string " + std::string(20000, 'a') + "\n"));
    BOOST_TEST(fields.values[2] == "1 |n number 12345678901234567890");
}

BOOST_AUTO_TEST_CASE(known_and_unknown_error_strings)
{
    slack::diagnostics diag;
    BOOST_TEST(
        (interpret(reply(200, R"({"ok":false,"error":"invalid_code"})"), diag) == slack::api_errc::invalid_code));
    BOOST_TEST(diag.error == "invalid_code");
    BOOST_TEST((interpret(reply(200, R"({"ok":false,"error":"brand_new_error_2031"})"), diag) ==
                slack::api_errc::unknown_error));
    BOOST_TEST(diag.error == "brand_new_error_2031");
}

BOOST_AUTO_TEST_CASE(warnings_needed_and_provided_are_surfaced)
{
    slack::diagnostics diag;
    auto ec = interpret(reply(200, R"({"ok":false,"error":"missing_scope","needed":"chat:write","provided":"identify",
        "warning":"superfluous_charset","response_metadata":{"warnings":["superfluous_charset"],"messages":["[WARN] x"]}})"),
                        diag);
    BOOST_TEST((ec == slack::api_errc::missing_scope));
    BOOST_TEST((ec == slack::condition::auth));
    BOOST_TEST(diag.needed == "chat:write");
    BOOST_TEST(diag.provided == "identify");
    BOOST_TEST(diag.warning == "superfluous_charset");
    BOOST_TEST(diag.warnings.size() == 1u);
    BOOST_TEST(diag.messages.at(0) == "[WARN] x");
}

BOOST_AUTO_TEST_CASE(each_attempt_replaces_the_previous_diagnostics)
{
    slack::diagnostics diag;
    interpret(reply(200, R"({"ok":false,"error":"missing_scope","needed":"a","response_metadata":{"warnings":["w"]}})"),
              diag);
    interpret(reply(200, R"({"ok":false,"error":"invalid_code"})"), diag);
    BOOST_TEST(diag.needed.empty());
    BOOST_TEST(diag.warnings.empty());
    BOOST_TEST(diag.error == "invalid_code");
}

BOOST_AUTO_TEST_CASE(bodies_that_are_not_slack_envelopes)
{
    slack::diagnostics diag;
    BOOST_TEST((interpret(reply(200, "{\"ok\":tru"), diag) == slack::client_errc::invalid_json));
    BOOST_TEST((interpret(reply(200, "<html>oops</html>"), diag) == slack::client_errc::invalid_json));
    BOOST_TEST((interpret(reply(200, "[1,2]"), diag) == slack::client_errc::unexpected_shape));
    BOOST_TEST((interpret(reply(200, "true"), diag) == slack::client_errc::unexpected_shape));
    BOOST_TEST((interpret(reply(200, R"({"ok":true} {})"), diag) == slack::client_errc::invalid_json));
    BOOST_TEST((interpret(reply(200, R"({"ok":true,"x":1,})"), diag) == slack::client_errc::invalid_json));
    BOOST_TEST((interpret(reply(200, R"({"ok":true} )"), diag) == boost::system::error_code()));
    BOOST_TEST((interpret(reply(200, std::string(40, '[') + std::string(40, ']')), diag) ==
                slack::client_errc::invalid_json));  // deeper than Boost.JSON's default limit (32)
    BOOST_TEST((interpret(reply(200, R"({"ok":true,"error":"x","needed":"y"})"), diag) == boost::system::error_code()));
    BOOST_TEST(diag.error.empty());  // only failures carry error and needed
    BOOST_TEST(diag.needed.empty());
    // A key given twice keeps its last value; warnings count only as an array of strings.
    BOOST_TEST(
        (interpret(reply(200, R"({"ok":true,"warning":"a","warning":7,"response_metadata":{"warnings":{"x":"w"}}})"),
                   diag) == boost::system::error_code()));
    BOOST_TEST(diag.warning.empty());
    BOOST_TEST(diag.warnings.empty());
    BOOST_TEST((interpret(reply(200, R"({"ok":"yes"})"), diag) == slack::client_errc::unexpected_shape));
    BOOST_TEST((interpret(reply(200, R"({"ok":false,"error":7})"), diag) == slack::client_errc::unexpected_shape));
    BOOST_TEST((interpret(reply(503, "<html>down</html>"), diag) == slack::client_errc::http_status));
    BOOST_TEST(diag.http_status == 503u);
    BOOST_TEST((interpret(reply(502, ""), diag) == slack::client_errc::http_status));
    // A 429 is a rate limit whatever its body says.
    BOOST_TEST((interpret(reply(429, "", "3"), diag) == slack::api_errc::ratelimited));
    BOOST_TEST(diag.retry_after.value() == seconds(3));
}

BOOST_AUTO_TEST_CASE(lone_surrogate_escapes_become_replacement_characters)
{
    // Boost.JSON 1.81 refuses these; Slack's answer (its code perhaps spent) must still count.
    slack::diagnostics diag;
    recorded_fields fields;
    attempt_result r = reply(200, R"({"ok":true,"a":"caf\ud83d","b":"\udc00x","c":"\ud83d\ude00",)"
                                  R"("d":"\\ud83d","e":"\ud83d\ud83d","\ud800":"\u00e9\udbff"})");
    BOOST_TEST(!outcome_of(r, diag, fields).error);
    const std::vector<std::string> expected = {
        "1 |ok boolean true",
        "1 |a string caf\xef\xbf\xbd",
        "1 |b string \xef\xbf\xbdx",
        "1 |c string \xf0\x9f\x98\x80",  // a pair stays a pair
        "1 |d string \\ud83d",           // an escaped backslash, not an escape
        "1 |e string \xef\xbf\xbd\xef\xbf\xbd",
        "1 |\xef\xbf\xbd string \xc3\xa9\xef\xbf\xbd",
    };
    BOOST_TEST(fields.values == expected, boost::test_tools::per_element());
    // The body kept is the one parsed: it parses again (raw()), positions unchanged.
    BOOST_TEST(r.body == R"({"ok":true,"a":"caf\ufffd","b":"\ufffdx","c":"\ud83d\ude00",)"
                         R"("d":"\\ud83d","e":"\ufffd\ufffd","\ufffd":"\u00e9\ufffd"})");
    boost::system::error_code ec;
    boost::json::parse(r.body, ec, {}, body_parse_options());
    BOOST_TEST(!ec);
    // An error answer is read as one, not as invalid JSON.
    BOOST_TEST((interpret(reply(200, R"({"ok":false,"error":"invalid_code","x":"\udfff"})"), diag) ==
                slack::api_errc::invalid_code));
    // Still invalid: a surrogate escape with bad digits, and JSON broken elsewhere.
    BOOST_TEST((interpret(reply(200, R"({"ok":true,"a":"\ud83d\uzzzz"})"), diag) == slack::client_errc::invalid_json));
    BOOST_TEST((interpret(reply(200, R"({"ok":true,"a":"\ud83d",})"), diag) == slack::client_errc::invalid_json));
}

BOOST_AUTO_TEST_CASE(transport_errors_pass_through)
{
    slack::diagnostics diag;
    attempt_result r;
    r.error = boost::asio::error::connection_refused;
    BOOST_TEST((interpret(r, diag) == boost::asio::error::connection_refused));
    BOOST_TEST(diag.http_status == 0u);
}

BOOST_AUTO_TEST_CASE(retry_after_forms)
{
    const auto now = std::chrono::system_clock::from_time_t(784111777);  // Sun, 06 Nov 1994 08:49:37 GMT
    BOOST_TEST(parse_retry_after("5", now).value() == seconds(5));
    BOOST_TEST(parse_retry_after(" 0 ", now).value() == seconds(0));
    BOOST_TEST(parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now).value() == seconds(10));
    BOOST_TEST(parse_retry_after("Sun, 06 Nov 1994 08:40:00 GMT", now).value() == seconds(0));  // in the past
    BOOST_TEST(!parse_retry_after("", now));
    BOOST_TEST(!parse_retry_after("-1", now));
    BOOST_TEST(!parse_retry_after("soon", now));
    BOOST_TEST(!parse_retry_after("1.5", now));
    // Absurd values are capped, not overflowed.
    BOOST_TEST(parse_retry_after("99999999999999999999999", now).value() == seconds(366 * 24 * 3600));
    // So are far dates: year 9999 does not fit system_clock's nanoseconds (it overflowed, UB, and
    // wrapped to an immediate retry).
    BOOST_TEST(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now).value() == seconds(366 * 24 * 3600));
    BOOST_TEST(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", std::chrono::system_clock::now()).value() ==
               seconds(366 * 24 * 3600));
    // A fractional now: the wait is rounded up to whole seconds, as before.
    BOOST_TEST(parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now + std::chrono::milliseconds(300)).value() ==
               seconds(10));
}

BOOST_AUTO_TEST_CASE(form_fields_round_trip_through_a_form_parser)
{
    const std::string tricky = "a+b&c=d%e f/é✓?#";
    std::string body;
    append_form_field(body, "redirect_uri", tricky);
    append_form_field(body, "code", "1.2.3");
    BOOST_TEST(body.find(' ') == std::string::npos);
    BOOST_TEST(body.find("a%2Bb%26c%3Dd%25e+f") != std::string::npos);
    boost::urls::params_view params(body, boost::urls::encoding_opts(true));
    auto it = params.find("redirect_uri");
    BOOST_REQUIRE(it != params.end());
    BOOST_TEST((*it).value == tricky);
    BOOST_TEST((*params.find("code")).value == "1.2.3");
}

BOOST_AUTO_TEST_CASE(basic_authorization_is_rfc6749_encoded)
{
    // base64("id%2B1:s+e") : the parts are form-encoded before base64 (RFC 6749 2.3.1).
    BOOST_TEST(basic_authorization("id+1", "s e") == "Basic aWQlMkIxOnMrZQ==");
    BOOST_TEST(basic_authorization("123.456", "abc") == "Basic MTIzLjQ1NjphYmM=");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(a_reply_never_sent_keeps_no_verdict_of_the_previous_answer)
{
    // The same outcome is reused from attempt to attempt: an ok:true answer, then a request the
    // gate stopped before it was sent. The second must not read as ok, or an empty body would
    // reach the response's finish().
    slack::diagnostics diag;
    recorded_fields fields;
    attempt_outcome out;
    attempt_result answered = reply(200, R"({"ok":true})");
    interpret_reply(answered, diag, fields, out);
    BOOST_TEST(out.ok);
    attempt_result stopped;
    stopped.gate_closed = true;
    interpret_reply(stopped, diag, fields, out);
    BOOST_TEST(out.gate_closed);
    BOOST_TEST(!out.ok);
    BOOST_TEST(!out.error);
}

BOOST_AUTO_TEST_CASE(diagnostics_clear_resets_every_field_and_keeps_the_buffers)
{
    slack::diagnostics diag;
    diag.error = "invalid_auth";
    diag.warning = "superfluous_charset";
    diag.warnings = {"missing_charset"};
    diag.messages = {"[ERROR] bad"};
    diag.needed = "chat:write";
    diag.provided = "users:read";
    diag.http_status = 429;
    diag.retry_after = std::chrono::seconds(3);
    diag.attempts = 2;
    diag.underlying = make_error_code(boost::system::errc::timed_out);
    diag.client_message = std::string(200, 'x');
    const std::size_t kept = diag.client_message.capacity();
    diag.clear();
    BOOST_TEST(diag.error.empty());
    BOOST_TEST(diag.warning.empty());
    BOOST_TEST(diag.warnings.empty());
    BOOST_TEST(diag.messages.empty());
    BOOST_TEST(diag.needed.empty());
    BOOST_TEST(diag.provided.empty());
    BOOST_TEST(diag.http_status == 0u);
    BOOST_TEST(!diag.retry_after);
    BOOST_TEST(diag.attempts == 0u);
    BOOST_TEST(!diag.underlying);
    BOOST_TEST(diag.client_message.empty());
    BOOST_TEST(diag.client_message.capacity() == kept);  // a reused diagnostics does not allocate again
}
