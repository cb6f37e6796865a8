// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "expectations.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/http/error.hpp>

#include <array>

namespace soak {

namespace {

using enum fault;
using o = outcome;

// Retried faults fail only when the budget refuses the retry; then the first answer stands.
// A lost answer is never retried (the code may be spent): exactly one request. A call
// cancelled before a byte was written never reached the mock.
constexpr std::array table{
    expectation{minted, o::success, 1, 1},
    expectation{reusable, o::success, 1, 1},
    expectation{delay, o::success, 1, 1},
    expectation{ratelimit, o::success, 2, 2},
    expectation{ratelimit, o::ratelimited, 1, 1, underlying_rule::any, true},
    expectation{status_503, o::success, 2, 2},
    expectation{status_503, o::http_status, 1, 1, underlying_rule::any, true},
    expectation{unavailable, o::success, 2, 2},
    expectation{unavailable, o::service_unavailable, 1, 1, underlying_rule::any, true},
    expectation{window, o::success, 2, 2},
    expectation{window, o::ratelimited, 1, 1, underlying_rule::any, true},
    expectation{close, o::outcome_unknown, 1, 1, underlying_rule::peer_close},
    expectation{cancel, o::success, 1, 1},
    expectation{cancel, o::operation_aborted, 0, 0},
    expectation{cancel, o::outcome_unknown, 0, 1, underlying_rule::cancelled},
};

bool is_peer_close(const boost::system::error_code& ec)
{
    namespace asio = boost::asio;
    return ec == asio::error::eof || ec == asio::ssl::error::stream_truncated || ec == asio::error::connection_reset ||
           ec == boost::beast::http::error::end_of_stream;
}

}  // namespace

std::optional<expectation> expected(fault kind, outcome result)
{
    for (const expectation& e : table)
        if (e.kind == kind && e.result == result)
            return e;
    return std::nullopt;
}

std::string check_underlying(underlying_rule rule, const slack::diagnostics& diag)
{
    const boost::system::error_code& u = diag.underlying;
    if (rule == underlying_rule::peer_close && !is_peer_close(u))
        return "underlying should be the peer's close, is " + u.to_string();
    if (rule == underlying_rule::cancelled && u != boost::asio::error::operation_aborted)
        return "underlying should be operation_aborted, is " + u.to_string();
    return {};
}

}  // namespace soak
