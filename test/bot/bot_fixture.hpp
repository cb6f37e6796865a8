// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The mock fixture with a bot's methods: a conversations.list that pages through `channels`
// by cursor, and one-shot client.call()/paginate() drivers with a deadline.
#include "integration/mock_fixture.hpp"

#include <slack/web/paginate.hpp>

#include <boost/json/object.hpp>

#include <functional>
#include <string>
#include <vector>

namespace slack::test {

using call_result = boost::system::result<web::api_response>;
using pages_result = boost::system::result<web::pages_read>;

struct bot_fixture : mock_fixture {
    /// `limit` channels a page; the cursor is the index of the page's first channel.
    /// `fault(cursor)` may answer instead (an error, a 429).
    void serve_conversations(std::size_t count, std::size_t limit = 2)
    {
        for (std::size_t i = 1; i <= count; ++i)
            channels.push_back("C" + std::to_string(i));
        server.handle("conversations.list", [this, limit](const mock::method_request& request) {
            const boost::json::value* cursor = request.arguments.if_contains("cursor");
            const std::string at = cursor ? std::string(cursor->as_string()) : "0";
            if (fault)
                if (auto answer = fault(at))
                    return *answer;
            const std::size_t first = std::stoul(at);
            boost::json::array page;
            for (std::size_t i = first; i < first + limit && i < channels.size(); ++i)
                page.push_back(boost::json::object{{"id", channels[i]}});
            const std::string next = first + limit < channels.size() ? std::to_string(first + limit) : "";
            return mock::method_answer::ok({{"channels", page}, {"response_metadata", {{"next_cursor", next}}}});
        });
    }

    call_result call(web::client& c, std::string_view method, web::call_params params, std::string_view token)
    {
        std::optional<call_result> out;
        c.call(method, params, token, diag, [&](call_result r) { out.emplace(std::move(r)); });
        run_until([&] { return out.has_value(); });
        return std::move(*out);
    }

    /// Walks conversations.list, keeping the ids of every page's channels in `seen`.
    pages_result list(web::client& c, web::page_params params, std::string_view token)
    {
        std::optional<pages_result> out;
        web::paginate(
            c, "conversations.list", params, token,
            [this](const web::api_response& page) {
                const boost::json::object body = page.json();
                for (const auto& channel : body.at("channels").as_array())
                    seen.emplace_back(channel.at("id").as_string());
                return seen.size() < stop_after;
            },
            diag, [&](pages_result r) { out.emplace(std::move(r)); });
        run_until([&] { return out.has_value(); });
        return std::move(*out);
    }

    web::client client() { return web::client(ioc.get_executor(), tls, options); }

    std::vector<std::string> channels, seen;
    std::size_t stop_after = static_cast<std::size_t>(-1);
    std::function<std::optional<mock::method_answer>(const std::string& cursor)> fault;
    slack::diagnostics diag;
};

inline std::string describe(const boost::system::error_code& ec, const slack::diagnostics& diag)
{
    return ec.to_string() + " " + ec.message() + " / " + diag.client_message;
}

}  // namespace slack::test
