// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/call_method.hpp"

#include "cli/json_body.hpp"
#include "cli/options.hpp"

#include <vector>

namespace slack::cli {

void check_call_words(call_inputs& in)
{
    if (in.arguments.empty())
        throw usage_error("METHOD is required");
    for (std::size_t i = 1; i < in.arguments.size(); ++i) {
        const std::size_t equals = in.arguments[i].find('=');
        if (equals == std::string::npos || equals == 0 || in.arguments[i].starts_with(":="))
            throw usage_error("word #" + std::to_string(i) +
                              " after METHOD is not key=value or key:=JSON (not shown: it may be a secret)");
    }
    if (wants_json_body(in))
        in.json_text = json_body(in);  // now: stdin is read once, and a bad value is a usage error
}

boost::asio::awaitable<call_outcome> call_method(web::client& client, const call_inputs& in, slack::diagnostics& diag)
{
    std::vector<web::form_field> form;  // views into in.arguments, which outlives the call
    for (std::size_t i = 1; i < in.arguments.size(); ++i) {
        const std::string_view pair = in.arguments[i];
        const std::size_t equals = pair.find('=');
        form.push_back({pair.substr(0, equals), pair.substr(equals + 1)});
    }
    if (!in.json_text.empty())
        form.clear();
    const web::call_params params{.form = form,
                                  .json = in.json_text,
                                  .idempotent = in.idempotent,
                                  .rate_key = in.team};  // --team: shared with other processes by --rate-limits
    auto r = co_await client.call(in.arguments.front(), params, in.token, diag);
    co_return outcome_of(r);
}

}  // namespace slack::cli
