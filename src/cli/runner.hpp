// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Running one Slack call for a command: the client its inputs describe, an io_context run to
// the call's end, and the answer printed the way `slack-oauth access` prints it.
#include "cli/inputs.hpp"

#include <slack/diagnostics.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace slack::cli {

/// What a call printed: its error, or the body Slack sent.
struct call_outcome {
    boost::system::error_code error;
    std::string body;
};

template <class Response>
call_outcome outcome_of(const boost::system::result<Response>& r)
{
    if (r)
        return {{}, std::string(r->body())};
    return {r.error(), {}};
}

/// Runs a typed method's deferred operation (what `oauth.v2_access(params, diag)` returns) and
/// keeps what is printed. The params it holds view strings that must outlive the call.
template <class Operation>
boost::asio::awaitable<call_outcome> outcome_after(Operation operation)
{
    auto r = co_await std::move(operation);
    co_return outcome_of(r);
}

using call_function = std::function<boost::asio::awaitable<call_outcome>(web::client&, slack::diagnostics&)>;

/// The client `in` describes: TLS plus --cacert, --verbose events on stderr. nullopt after
/// printing a usage error when --cacert cannot be read.
std::optional<web::client> make_client(boost::asio::any_io_executor executor, const call_inputs& in);

/// Whether the answer is printed human_form(): --human, or no --json and stdout a terminal.
bool prints_human(const call_inputs& in);

/// Makes the client (TLS plus --cacert, --verbose events), runs `call` to its end, prints the
/// body on stdout (as JSON, or human_form()) or one "error: NAME: MESSAGE" line on stderr.
/// Returns the exit status.
int run_call(const call_inputs& in, const call_function& call);

/// Prints a usage error and where to find the command's help; returns exit_usage.
int report_usage_error(std::string_view command, const std::exception& e);

}  // namespace slack::cli
