#pragma once
// slack-oauth call: any Web API method through client.call().
#include "cli/inputs.hpp"
#include "cli/runner.hpp"

namespace slack::cli {

/// usage_error unless the words are METHOD then key=value pairs (messages show no word).
void check_call_words(const call_inputs& in);
/// Calls in.arguments[0] with the pairs as a form, or as a JSON object with --json-body.
boost::asio::awaitable<call_outcome> call_method(web::client& client, const call_inputs& in, slack::diagnostics& diag);

}  // namespace slack::cli
