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

}  // namespace bench
