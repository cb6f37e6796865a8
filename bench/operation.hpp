// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The operations slack_bench measures, and the request each one puts on the wire: the baseline
// sends that description as it is, so that SDK and baseline exchange the same bytes.
#include <string>
#include <utility>
#include <vector>

namespace bench {

struct target;

enum class operation {
    oauth_access,     // web::oauth::access, code mock-reusable
    auth_test,        // web::auth::test, token mock-reusable
    auth_test_call,   // client.call("auth.test", {}, token): the untyped path, same request
    oauth_v2_access,  // web::oauth::v2_access, code mock-reusable
    // A bot installed in many workspaces: client.call("chat.postMessage") with a Block Kit JSON
    // body, the next workspace's token and the next body (of varying length) on every call.
    chat_post_message,
};
const char* to_string(operation op);
bool parse_operation(const std::string& name, operation& op);

/// One POST to /api/<method>: the header fields after Host, in the SDK's order (Content-Length
/// follows them), and the body.
struct request_description {
    std::string method;
    std::vector<std::pair<std::string, std::string>> fields;
    std::string body;
};

request_description describe_request(operation op, const target& where);

/// chat.postMessage's calls: call k sends tokens[k % size] and bodies[k % size] (the sizes are
/// coprime, so the pairs vary). The same for the SDK and the baseline, made once per process.
struct bot_workload {
    std::vector<std::string> tokens;          // one per workspace (1,000)
    std::vector<std::string> authorizations;  // "Bearer " + the token, as the SDK sends it
    std::vector<std::string> bodies;          // Block Kit messages of 1-2 KB
};
const bot_workload& workload();

}  // namespace bench
