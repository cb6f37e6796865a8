// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The initiation every typed operation shares: `async_run<Method>(client_impl, params, diag, token)`.
// A method's traits name its params and response; the work is compiled in the method's source
// (start_method, explicitly instantiated there) and in src/web/call.cpp.
#include <slack/diagnostics.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <memory>
#include <utility>

namespace slack::web {

/// What an operation of `Method` yields: its typed response, or why there is none.
template <class Method>
using method_result = boost::system::result<typename Method::response>;
/// The completion signature of every operation of `Method`.
template <class Method>
using method_signature = void(method_result<Method>);

namespace detail {

template <class Method>
using method_handler = boost::asio::any_completion_handler<method_signature<Method>>;

/// Checks and encodes `params` (copying what they view), then runs the call. `diag` may be null.
template <class Method>
void start_method(std::shared_ptr<client_impl> client, const typename Method::params& params, slack::diagnostics* diag,
                  method_handler<Method> handler);

template <class Method>
struct initiate_method {
    std::shared_ptr<client_impl> client;
    template <class Handler>
    void operator()(Handler&& handler, typename Method::params params, slack::diagnostics* diag) const
    {
        start_method<Method>(client, params, diag, method_handler<Method>(std::forward<Handler>(handler)));
    }
};

/// Runs `Method` on a client's implementation (which family objects point to, see oauth): the
/// operation shares it from here on.
template <class Method, class CompletionToken>
auto async_run(client_impl* client, const typename Method::params& params, slack::diagnostics* diag,
               CompletionToken&& token)
{
    return boost::asio::async_initiate<CompletionToken, method_signature<Method>>(
        initiate_method<Method>{share(client)}, token, params, diag);
}

}  // namespace detail
}  // namespace slack::web
