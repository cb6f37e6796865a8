// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/magic.hpp"

#include "mock/examples.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <ctime>
#include <optional>
#include <vector>

namespace slack::mock::detail {

namespace json = boost::json;

namespace {

constexpr std::string_view magic_prefix = "mock-";

// Splits "mock-ratelimit-2-1-tag" at '-' into {"ratelimit", "2", "1", "tag"}.
std::vector<std::string_view> magic_words(std::string_view credential)
{
    std::vector<std::string_view> words;
    credential.remove_prefix(magic_prefix.size());
    while (true) {
        const auto dash = credential.find('-');
        words.push_back(credential.substr(0, dash));
        if (dash == std::string_view::npos)
            return words;
        credential.remove_prefix(dash + 1);
    }
}

unsigned number(const std::vector<std::string_view>& words, std::size_t index, unsigned fallback)
{
    if (index >= words.size())
        return fallback;
    unsigned value = fallback;
    std::from_chars(words[index].data(), words[index].data() + words[index].size(), value);
    return value;
}

std::string http_date_after(std::int64_t seconds)
{
    // Rounded up: a client that honours the date never comes back inside the window.
    const std::time_t at = std::time(nullptr) + seconds + 1;
    std::tm parts{};
    ::gmtime_r(&at, &parts);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &parts);
    return buffer;
}

// A 429 whose Retry-After says `seconds`, as a number or as an HTTP-date.
outgoing_reply limited_for(std::int64_t seconds, bool http_date)
{
    outgoing_reply reply = rate_limited_reply();
    reply.retry_after = http_date ? http_date_after(seconds) : std::to_string(seconds);
    return reply;
}

outgoing_reply text_reply(std::string_view body)
{
    outgoing_reply reply;
    reply.body = body;
    return reply;
}

// Slack's documented failures refuse a request before acting on it: serving one spends nothing.
bool is_failure(std::string_view payload)
{
    json::parse_options options;
    options.allow_invalid_utf8 = true;  // the latin1 example, a success
    boost::system::error_code ec;
    const json::value parsed = json::parse(payload, ec, {}, options);
    const json::value* ok = !ec && parsed.is_object() ? parsed.as_object().if_contains("ok") : nullptr;
    return ok && ok->is_bool() && !ok->as_bool();
}

}  // namespace

bool is_magic(std::string_view credential) { return credential.substr(0, magic_prefix.size()) == magic_prefix; }

outgoing_reply magic_answer(std::string_view credential, code_state& state, const magic_method& method,
                            rate_window& window)
{
    ++state.attempts;
    if (state.used && !method.spent_error.empty())
        return slack_error(method.spent_error);

    const std::vector<std::string_view> words = magic_words(credential);
    const std::string_view what = words[0];
    auto success_body = [&] {
        state.used = true;
        return method.success();
    };
    auto succeed = [&] { return json_reply(success_body()); };

    if (what == "reusable") {  // for load tests: succeeds every time, never spent, no state grows
        state.attempts = 0;
        return text_reply(example_payload(method.name, method.reusable_example).value_or(R"({"ok":true})"));
    }
    if (what == "error")
        return slack_error(words.size() > 1 ? words[1] : "unknown_error");
    if (what == "payload") {
        if (words.size() > 1)
            if (const std::optional<std::string_view> text = example_payload(method.name, words[1])) {
                state.used = !is_failure(*text);
                return text_reply(*text);
            }
        return succeed();
    }
    if (what == "warning") {
        json::object body = success_body();
        const std::string_view warning = words.size() > 1 ? words[1] : "superfluous_charset";
        body["warning"] = warning;
        body["response_metadata"] = {{"warnings", {warning}}, {"messages", {"[WARN] mock warning"}}};
        return json_reply(body);
    }
    if (what == "ratelimit" || what == "ratelimitdate" || what == "ratelimitbare") {
        if (state.attempts > number(words, 1, 1))
            return succeed();
        // Bare: no Retry-After announces a window, so none is opened, and no 429 of it has one.
        if (what == "ratelimitbare")
            return rate_limited_reply();
        // The window holds for the method and whoever asked (answer_if_magic names it).
        const unsigned seconds = number(words, 2, 1);
        window = {clock::now() + std::chrono::seconds(seconds), what == "ratelimitdate"};
        return limited_for(seconds, window.http_date);
    }
    if (what == "status") {
        if (state.attempts > number(words, 2, 1))
            return succeed();
        const unsigned status = number(words, 1, 503);
        return html_reply(status >= 100 && status <= 999 ? status : 503);  // what a status line can carry
    }
    if (what == "unavailable") {
        if (state.attempts > number(words, 1, 1))
            return succeed();
        return slack_error("service_unavailable");
    }
    if (what == "delay") {
        outgoing_reply reply = succeed();
        reply.delay = std::chrono::milliseconds(number(words, 1, 1000));
        return reply;
    }
    if (what == "chunked") {  // success, the body in chunks (no Content-Length)
        outgoing_reply reply = succeed();
        reply.chunked = true;
        return reply;
    }
    if (what == "cut") {  // a 429 with Retry-After whose body stops halfway: no usable answer
        outgoing_reply reply = rate_limited_reply();
        reply.retry_after = "7";
        reply.cut_body = true;
        return reply;
    }
    if (what == "close") {
        outgoing_reply reply = succeed();
        reply.close_without_reply = true;
        return reply;
    }
    if (what == "malformed")
        return text_reply(R"({"ok":true,"access_token":"xoxp-trunc)");
    if (what == "wrongtype")
        return json_reply(json::object{{"ok", true}, {"access_token", 42}, {"team_id", "T1"}});
    if (what == "notobject")
        return json_reply(json::array{"ok", true});
    if (what == "html")
        return html_reply(200);
    if (what == "oversized") {
        json::object body = success_body();
        const std::size_t asked = number(words, 1, 2 * 1024 * 1024);
        body["padding"] = std::string(std::min(asked, max_oversized_bytes), 'x');
        return json_reply(body);
    }
    // An unknown word: the method's answer to an unknown credential.
    return slack_error(method.unknown_error);
}

std::optional<outgoing_reply> window_answer(const rate_window& window)
{
    const auto now = clock::now();
    if (now >= window.until)
        return std::nullopt;
    return limited_for(std::chrono::ceil<std::chrono::seconds>(window.until - now).count(), window.http_date);
}

}  // namespace slack::mock::detail
