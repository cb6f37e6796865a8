// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// paginate(): one client.call() per page, the cursor of each answer sent with the next call.
// A coroutine on the client's executor, so that each page honours the call's gates and retries.
#include <slack/web/paginate.hpp>

#include <slack/client_errc.hpp>

#include "detail/start_operation.hpp"
#include "web/client_impl.hpp"

#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <vector>

namespace slack::web::detail {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;
using pages_result = boost::system::result<pages_read>;

// What a walk sends, owned: the caller's views are gone after initiation.
struct walk_request {
    std::string method, token, json, rate_key;
    std::vector<std::pair<std::string, std::string>> form;
    bool idempotent = false;
    std::size_t max_pages = 0;
    std::string cursor;
};

// Why the walk cannot start, or null (what client.call() refuses it says itself, on page 1).
const char* check(const page_params& params, const page_handler& on_page)
{
    if (params.max_pages == 0)
        return "max_pages is 0: a walk reads at least one page";
    if (!on_page)
        return "the page handler is empty";
    for (const form_field& f : params.call.form)
        if (f.name == "cursor")
            return "a form field named cursor: pass it as page_params::cursor";
    if (!params.call.json.empty()) {
        boost::system::error_code ec;
        const json::value body = json::parse(params.call.json, ec);
        if (!ec && body.is_object() && body.as_object().contains("cursor"))
            return "json has a top-level cursor key: pass it as page_params::cursor";
    }
    return nullptr;
}

// The JSON body with the cursor set (an unreadable body is sent as it is: client.call() refuses it).
std::string with_cursor(const std::string& body, const std::string& cursor)
{
    boost::system::error_code ec;
    json::value parsed = json::parse(body, ec);
    if (ec || !parsed.is_object())
        return body;
    parsed.as_object()["cursor"] = cursor;
    return json::serialize(parsed);
}

// `response_metadata.next_cursor` of a page, empty when there is none.
std::string next_cursor_of(const api_response& page)
{
    const json::object body = page.json();
    const json::value* metadata = body.if_contains("response_metadata");
    if (!metadata || !metadata->is_object())
        return {};
    const json::value* next = metadata->as_object().if_contains("next_cursor");
    return next && next->is_string() ? std::string(next->as_string()) : std::string();
}

asio::awaitable<pages_result> walk(std::shared_ptr<client_impl> client, walk_request request, page_handler on_page,
                                   slack::diagnostics* diag)
{
    pages_read read{.pages = 0, .next_cursor = request.cursor};
    std::vector<form_field> fields;
    std::string json_body;
    // Named, not braced in the co_await: g++ 12 miscompiles temporaries with destructors there.
    const initiate_api_call initiate{std::move(client)};
    const std::string_view method = request.method, token = request.token;
    do {
        fields.clear();
        for (const auto& [name, value] : request.form)
            fields.push_back({name, value});
        if (!read.next_cursor.empty() && request.json.empty())
            fields.push_back({"cursor", read.next_cursor});
        json_body = read.next_cursor.empty() || request.json.empty() ? request.json
                                                                     : with_cursor(request.json, read.next_cursor);
        const call_params params{
            .form = fields, .json = json_body, .idempotent = request.idempotent, .rate_key = request.rate_key};
        boost::system::result<api_response> page =
            co_await asio::async_initiate<decltype(asio::use_awaitable), call_signature>(initiate, asio::use_awaitable,
                                                                                         method, params, token, diag);
        if (!page)
            co_return page.error();
        read.next_cursor = next_cursor_of(*page);
        ++read.pages;
        if (!on_page(*page))
            break;
        if ((co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none)
            co_return boost::system::error_code(asio::error::operation_aborted);
    } while (!read.next_cursor.empty() && read.pages < request.max_pages);
    co_return read;
}

}  // namespace

void start_paginate(std::shared_ptr<client_impl> client, std::string_view method, const page_params& params,
                    std::string_view token, page_handler on_page, slack::diagnostics* diag, paginate_handler handler)
{
    if (const char* invalid = check(params, on_page)) {
        if (diag)
            diag->client_message = invalid;
        const pages_result refused = make_error_code(client_errc::invalid_argument);
        slack::detail::complete_posted(client->executor, std::move(handler), refused);
        return;
    }
    walk_request request{.method = std::string(method),
                         .token = std::string(token),
                         .json = std::string(params.call.json),
                         .rate_key = std::string(params.call.rate_key),
                         .form = {},
                         .idempotent = params.call.idempotent,
                         .max_pages = params.max_pages,
                         .cursor = std::string(params.cursor)};
    for (const form_field& f : params.call.form)
        request.form.emplace_back(f.name, f.value);
    const asio::any_io_executor where = client->executor;
    // An exception from the page handler is rethrown from the completion (start_operation).
    slack::detail::start_operation(where, walk(std::move(client), std::move(request), std::move(on_page), diag),
                                   std::move(handler));
}

}  // namespace slack::web::detail
