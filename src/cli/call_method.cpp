#include "cli/call_method.hpp"

#include "cli/options.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <vector>

namespace slack::cli {

void check_call_words(const call_inputs& in)
{
    if (in.arguments.empty())
        throw usage_error("METHOD is required");
    for (std::size_t i = 1; i < in.arguments.size(); ++i) {
        const std::size_t equals = in.arguments[i].find('=');
        if (equals == std::string::npos || equals == 0)
            throw usage_error("word #" + std::to_string(i) + " after METHOD is not key=value (not shown: it may be a secret)");
    }
}

boost::asio::awaitable<call_outcome> call_method(web::client& client, const call_inputs& in, slack::diagnostics& diag)
{
    std::vector<web::form_field> form;  // views into in.arguments, which outlives the call
    for (std::size_t i = 1; i < in.arguments.size(); ++i) {
        const std::string_view pair = in.arguments[i];
        const std::size_t equals = pair.find('=');
        form.push_back({pair.substr(0, equals), pair.substr(equals + 1)});
    }
    std::string json;
    if (in.json_body) {
        boost::json::object object;
        for (const web::form_field& field : form)
            object[field.name] = field.value;
        json = boost::json::serialize(object);
        form.clear();
    }
    const web::call_params params{.form = form, .json = json, .idempotent = in.idempotent};
    auto r = co_await client.call(in.arguments.front(), params, in.token, diag);
    co_return outcome_of(r);
}

}  // namespace slack::cli
