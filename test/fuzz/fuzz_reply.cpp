// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Fuzz target: an HTTP response as it arrives, read the way exchange.cpp reads it (the reduced
// Beast parser of web/reply_parser.hpp, interim 1xx responses skipped), then its Retry-After
// through parse_retry_after.
//
// Input: the bytes the server sent. Each input is parsed twice, all bytes at once and a few at a
// time: the outcome must not depend on how the bytes were split into reads. An input that does
// not start with "HTTP/" is also given to parse_retry_after as a bare header value, so that
// both of its forms are fuzzed directly.
#include "check.hpp"

#include "web/envelope.hpp"
#include "web/reply_parser.hpp"

#include <boost/beast/http/error.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string_view>

namespace {

namespace http = boost::beast::http;
using boost::system::error_code;
using slack::web::detail::attempt_result;

constexpr std::size_t body_limit = 64 * 1024;
constexpr unsigned max_interim_responses = 8;       // as in exchange.cpp
constexpr long long max_delay = 366ll * 24 * 3600;  // parse_retry_after's cap, for both forms

struct outcome {
    attempt_result reply;
    error_code error;
    bool keep_alive = false;
    std::size_t used = 0;  // bytes consumed, the rest stays in the connection's buffer
};

// One message from `input[used...]`, `step` more bytes arriving whenever the parser needs them
// (0: everything has arrived). Like http::read: put() until done, put_eof() when input ends.
bool read_one(std::string_view input, std::size_t step, outcome& out)
{
    slack::web::detail::reply_parser parser(out.reply, body_limit);
    parser.eager(true);  // http::read parses the body in the same put() as the header
    std::size_t arrived = step == 0 ? input.size() : std::min(input.size(), out.used + step);
    while (!parser.is_done()) {
        error_code ec;
        const std::size_t n = parser.put(boost::asio::const_buffer(input.data() + out.used, arrived - out.used), ec);
        FUZZ_CHECK(n <= arrived - out.used);
        out.used += n;
        if (ec && ec != http::error::need_more) {
            out.error = ec;
            return false;
        }
        if (ec || n == 0) {  // needs more bytes than have arrived
            if (arrived == input.size()) {
                if (!parser.got_some()) {  // as http::read: put_eof() wants a started message
                    out.error = http::error::end_of_stream;
                    return false;
                }
                parser.put_eof(ec);
                if (ec) {
                    out.error = ec;
                    return false;
                }
                break;
            }
            arrived = std::min(input.size(), arrived + std::max<std::size_t>(step, 1));
        }
    }
    FUZZ_CHECK(parser.is_done());
    out.keep_alive = parser.keep_alive();
    // A body of Content-Length bytes, except where a response has none (1xx, 204, 304).
    const unsigned status = out.reply.status;
    const bool bodiless = (status >= 100 && status < 200) || status == 204 || status == 304;
    if (const auto length = parser.content_length(); length && !parser.chunked() && !bodiless)
        FUZZ_CHECK(out.reply.body.size() == *length);
    return true;
}

// exchange_on's loop over the messages of one answer.
outcome read_answer(std::string_view input, std::size_t step)
{
    outcome out;
    for (unsigned interim = 0;; ++interim) {
        if (!read_one(input, step, out))
            return out;
        const unsigned status = out.reply.status;
        FUZZ_CHECK(status <= 999);
        FUZZ_CHECK(out.reply.body.size() <= body_limit);
        if (status >= 200 || status < 100)
            return out;
        FUZZ_CHECK(out.reply.body.empty());  // a 1xx has no body
        out.reply.retry_after.clear();
        if (status == 101 || interim >= max_interim_responses)
            return out;
    }
}

// What exchange.cpp makes of a read error. Beast's own codes may differ with the split: bytes
// that are not a header are refused at once, or only once a whole header could have arrived; and
// Beast 1.81 takes a chunk's size off the body limit each time it re-reads an unfinished chunk
// header (a quoted extension running past the line end), so a broken chunked body read in small
// pieces can fail as body_limit rather than as a parse error. Both are bad answers.
enum class failure { none, connection_closed, bad_answer };

failure failure_of(error_code ec)
{
    if (!ec)
        return failure::none;
    if (ec == http::error::end_of_stream)
        return failure::connection_closed;
    return failure::bad_answer;
}

void check_retry_after(std::string_view value)
{
    // A fixed "now" (2025-01-01T00:00:00Z) keeps runs reproducible.
    const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1735689600));
    const auto delay = slack::web::detail::parse_retry_after(value, now);
    if (!delay)
        return;
    FUZZ_CHECK(delay->count() >= 0 && delay->count() <= max_delay);
    // delta-seconds (digits between optional blanks) are exact up to the cap
    const auto first = value.find_first_not_of(" \t");
    const auto last = value.find_last_not_of(" \t");
    if (first == std::string_view::npos)
        return;
    const std::string_view digits = value.substr(first, last - first + 1);
    if (digits.find_first_not_of("0123456789") != std::string_view::npos)
        return;
    long long expected = 0;
    for (char c : digits)
        expected = std::min(max_delay, expected * 10 + (c - '0'));
    FUZZ_CHECK(delay->count() == expected);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const outcome whole = read_answer(input, 0);
    const outcome pieces = read_answer(input, 1 + size % 7);
    FUZZ_CHECK(failure_of(whole.error) == failure_of(pieces.error));
    if (!whole.error) {
        FUZZ_CHECK(whole.used == pieces.used);
        FUZZ_CHECK(whole.reply.status == pieces.reply.status);
        FUZZ_CHECK(whole.reply.body == pieces.reply.body);
        FUZZ_CHECK(whole.reply.retry_after == pieces.reply.retry_after);
        FUZZ_CHECK(whole.keep_alive == pieces.keep_alive);
    }
    if (!whole.reply.retry_after.empty())
        check_retry_after(whole.reply.retry_after);
    if (input.substr(0, 5) != "HTTP/")
        check_retry_after(input);
    return 0;
}
