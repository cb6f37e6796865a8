// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// slack-oauth call: any Web API method through client.call().
#include "cli/inputs.hpp"
#include "cli/runner.hpp"

namespace slack::cli {

/// usage_error unless the words are METHOD then key=value or key:=JSON pairs (messages show no
/// value); builds in.json_text when the body is JSON (json_body.hpp).
void check_call_words(call_inputs& in);
/// Calls in.arguments[0] with the pairs as a form, or with in.json_text as its JSON body.
boost::asio::awaitable<call_outcome> call_method(web::client& client, const call_inputs& in, slack::diagnostics& diag);

}  // namespace slack::cli
