// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Methods the mock's users register (server::handle): a bot's chat.postMessage,
// conversations.list... Their handlers answer after the common checks and, by choice, the
// bearer token's.
#include "mock/method_context.hpp"

#include <boost/json/object.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace slack::mock::detail {

/// A call's arguments: the query's and the form's fields, then a JSON object body's members.
/// An unreadable JSON body gives Slack's answer instead (invalid_json, json_not_object).
std::optional<outgoing_reply> read_arguments(const method_call& call, boost::json::object& arguments);

class user_methods {
public:
    void add(std::string_view method, method_handler handler, token_check check);
    bool contains(std::string_view method) const { return handlers_.find(method) != handlers_.end(); }
    /// Runs the handler of `call.method` (which must be registered).
    outgoing_reply answer(mock_state& state, method_call& call) const;

private:
    struct entry {
        method_handler handler;
        token_check check;
    };
    std::map<std::string, entry, std::less<>> handlers_;
};

}  // namespace slack::mock::detail
