// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Beast's HTTP/1 response parser, reduced to what an attempt needs: the status, Retry-After,
// keep-alive (Beast tracks it) and the body. Other fields are read and dropped, not stored:
// Beast's response_parser would allocate a node per field. Included by exchange.cpp only.
#include "web/transport.hpp"

#include <boost/beast/http/basic_parser.hpp>

#include <algorithm>

namespace slack::web::detail {

class reply_parser final : public boost::beast::http::basic_parser<false> {
public:
    /// Fills `out` (status, retry_after, body); refuses bodies over `body_limit` bytes.
    reply_parser(attempt_result& out, std::size_t limit) : out_(out), limit_(limit) { body_limit(limit); }

private:
    using string_view = boost::beast::string_view;
    using error_code = boost::system::error_code;

    void on_request_impl(boost::beast::http::verb, string_view, string_view, int, error_code&) override {}
    void on_response_impl(int code, string_view, int, error_code&) override
    {
        out_.status = static_cast<unsigned>(code);
    }
    void on_field_impl(boost::beast::http::field name, string_view, string_view value, error_code&) override
    {
        if (name == boost::beast::http::field::retry_after)
            out_.retry_after.assign(value.data(), value.size());
    }
    void on_header_impl(error_code&) override {}
    void on_body_init_impl(const boost::optional<std::uint64_t>& length, error_code&) override
    {
        out_.body.clear();
        if (length)  // already checked against the limit by Beast
            out_.body.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(*length, limit_)));
    }
    std::size_t on_body_impl(string_view data, error_code&) override
    {
        out_.body.append(data.data(), data.size());
        return data.size();
    }
    void on_chunk_header_impl(std::uint64_t, string_view, error_code&) override {}
    std::size_t on_chunk_body_impl(std::uint64_t, string_view data, error_code&) override
    {
        out_.body.append(data.data(), data.size());
        return data.size();
    }
    void on_finish_impl(error_code&) override {}

    attempt_result& out_;
    std::size_t limit_;
};

}  // namespace slack::web::detail
