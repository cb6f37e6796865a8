// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One reply of a Redis server, as hiredis parsed it.
#include <string>
#include <vector>

namespace slack::redis {

struct reply {
    enum class kind { nil, integer, string, status, error, array };
    kind type = kind::nil;
    long long integer = 0;
    std::string text;  // string, status and error replies (an error starts with its code: "NOSCRIPT ...")
    std::vector<reply> elements;

    bool is_error() const noexcept { return type == kind::error; }
};

}  // namespace slack::redis
