// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// slack::web::paginate(): every page of a cursor-paginated method (conversations.list,
// users.list...), following `response_metadata.next_cursor` through client.call().
//   auto read = co_await slack::web::paginate(client, "conversations.list", {.call = {.form = {{"limit", "200"}}}},
//                                             bot_token, [&](const slack::web::api_response& page) { ...; return true; });
#include <slack/config.hpp>
#include <slack/diagnostics.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <concepts>
#include <type_traits>
#include <utility>

namespace slack::web {

/// What paginate() asks for. Views, copied when paginate() is initiated.
struct page_params {
    /// The method's own arguments, as for client.call(), without `cursor`. Each page is one
    /// client.call() with them: the same rate-limit gate (`rate_key`), retries and timeouts.
    call_params call{};
    /// At most this many pages (at least 1): a server that never stops paging cannot hold a
    /// caller forever.
    std::size_t max_pages = 100;
    /// Where to start: a `next_cursor` from an earlier walk (pages_read::next_cursor); empty: the first page.
    std::string_view cursor{};
};

/// How a walk through the pages ended.
struct pages_read {
    std::size_t pages = 0;  ///< Pages given to the page handler.
    /// Empty: the last page was read. Else the cursor of the next page, where another paginate()
    /// can resume: `max_pages` were read, or the page handler returned false.
    std::string next_cursor{};
};

/// The completion signature of paginate().
using paginate_signature = void(boost::system::result<pages_read>);

/// Called with each page, in order, on the client's executor: true reads on, false stops after
/// this page. The page is valid during the call only (copy what you keep).
using page_handler = std::function<bool(const api_response& page)>;

/// What paginate() takes as its page handler: a copyable callable `bool(const api_response&)`. A lambda
/// that captures by reference is trivially destructible, so it may be written inside `co_await`;
/// one owning a std::string (or a std::function) must be named first (g++ 12).
template <class F>
concept page_callable = std::copy_constructible<F> && std::is_invocable_r_v<bool, F&, const api_response&>;

namespace detail {
using paginate_handler = boost::asio::any_completion_handler<paginate_signature>;
/// Compiled in src/web/paginate.cpp: copies what it sends, then walks the pages.
void start_paginate(std::shared_ptr<client_impl> client, std::string_view method, const page_params& params,
                    std::string_view token, page_handler on_page, slack::diagnostics* diag, paginate_handler handler);

struct initiate_paginate {
    std::shared_ptr<client_impl> client;
    template <class Handler, class OnPage>
    void operator()(Handler&& handler, std::string_view method, page_params params, std::string_view token,
                    OnPage&& on_page, slack::diagnostics* diag) const
    {
        start_paginate(client, method, params, token, page_handler(std::forward<OnPage>(on_page)), diag,
                       paginate_handler(std::forward<Handler>(handler)));
    }
};
}  // namespace detail

/// Reads every page of `method` (e.g. "conversations.list"): calls it with `params.call` and
/// `token` as client.call() does, gives each answer to `on_page`, and calls again with the
/// answer's `response_metadata.next_cursor` as `cursor` until that is empty, `on_page` returns
/// false, or `params.max_pages` pages were read.
/// - Completion signature `void(boost::system::result<pages_read>)`; the handler runs on its
///   associated executor, or the client's. `on_page` runs on the client's executor; an
///   exception it throws ends the walk and is rethrown from the completion (out of run()).
/// - Lifetimes: `method`, `token` and what `params` views are copied at initiation; `diag` (the
///   last call's diagnostics) must outlive the operation. The client may be destroyed meanwhile.
/// - Cancellation: terminal, at every step of each call (as client.call()) and between pages.
/// - Errors: the first failing page's error (Slack's `api_errc`, `client_errc`, transport), the
///   pages before it already given to `on_page`; a 429 is waited out and retried as the
///   client's retry policy says, like any call. `client_errc::invalid_argument`: what
///   client.call() refuses, a form field or JSON key named `cursor` (use `params.cursor`),
///   `max_pages` 0, an empty `on_page`.
template <page_callable OnPage,
          boost::asio::completion_token_for<paginate_signature> CompletionToken = default_completion_token>
auto paginate(const client& c, std::string_view method, page_params params, std::string_view token, OnPage on_page,
              slack::diagnostics& diag, CompletionToken&& completion = {})
{
    return boost::asio::async_initiate<CompletionToken, paginate_signature>(
        detail::initiate_paginate{detail::client_access::impl(c)}, completion, method, params, token,
        std::move(on_page), &diag);
}
/// The same without diagnostics.
template <page_callable OnPage,
          boost::asio::completion_token_for<paginate_signature> CompletionToken = default_completion_token>
auto paginate(const client& c, std::string_view method, page_params params, std::string_view token, OnPage on_page,
              CompletionToken&& completion = {})
{
    return boost::asio::async_initiate<CompletionToken, paginate_signature>(
        detail::initiate_paginate{detail::client_access::impl(c)}, completion, method, params, token,
        std::move(on_page), nullptr);
}

}  // namespace slack::web
