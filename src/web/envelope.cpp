#include "web/envelope.hpp"

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parser.hpp>
#include <boost/json/value.hpp>

#include <charconv>
#include <ctime>

namespace slack::web::detail {

namespace json = boost::json;
using boost::system::error_code;

namespace {

void append_strings(const json::value* array, std::vector<std::string>& out)
{
    if (!array || !array->is_array())
        return;
    for (const json::value& item : array->get_array())
        if (item.is_string())
            out.emplace_back(item.get_string());
}

void assign_string(const json::object& object, std::string_view key, std::string& out)
{
    if (const json::value* value = object.if_contains(key); value && value->is_string())
        out = value->get_string();
}

boost::system::result<json::object> fail(error_code ec) { return {boost::system::in_place_error, ec}; }

bool is_success_status(unsigned status) { return status >= 200 && status < 300; }

// What a response without a usable Slack body means.
error_code without_slack_body(unsigned status, error_code parse_problem)
{
    if (status == 429)
        return api_errc::ratelimited;
    if (!is_success_status(status))
        return client_errc::http_status;
    return parse_problem;
}

}  // namespace

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now)
{
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
    if (value.empty())
        return std::nullopt;
    unsigned long long seconds = 0;
    auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (status == std::errc() && end == value.data() + value.size())
        return std::chrono::seconds(std::min<unsigned long long>(seconds, 366ull * 24 * 3600));
    if (status == std::errc::result_out_of_range)
        return std::chrono::seconds(366ll * 24 * 3600);
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    std::tm parts{};
    const std::string text(value);
    const char* rest = ::strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
    if (!rest || *rest != '\0')
        return std::nullopt;
    const auto at = std::chrono::system_clock::from_time_t(::timegm(&parts));
    if (at <= now)
        return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(at - now);
}

boost::system::result<json::object> interpret_reply(attempt_result& reply, slack::diagnostics& diag)
{
    // Each attempt's answer replaces the previous one's.
    diag.error.clear();
    diag.warning.clear();
    diag.warnings.clear();
    diag.messages.clear();
    diag.needed.clear();
    diag.provided.clear();
    diag.http_status = reply.response_received ? reply.status : 0;
    diag.retry_after.reset();
    if (!reply.retry_after.empty())
        diag.retry_after = parse_retry_after(reply.retry_after, std::chrono::system_clock::now());
    if (reply.error)
        return fail(reply.error);

    // One arena per response, owned by the parsed value (and by access_response::raw later):
    // a couple of allocations instead of one per JSON string, object and array, and no
    // per-node frees. The parser itself is reused: it keeps its buffers.
    thread_local json::parser parser;
    parser.reset(json::make_shared_resource<json::monotonic_resource>(reply.body.size() * 2 + 256));
    error_code parse_error;
    parser.write(reply.body.data(), reply.body.size(), parse_error);
    json::value body = parse_error ? json::value() : parser.release();
    parser.reset();  // drop the arena reference held by the parser
    if (parse_error)
        return fail(without_slack_body(reply.status, client_errc::invalid_json));
    json::object* envelope = body.if_object();
    const json::value* ok = envelope ? envelope->if_contains("ok") : nullptr;
    if (!ok || !ok->is_bool())
        return fail(without_slack_body(reply.status, client_errc::unexpected_shape));

    assign_string(*envelope, "warning", diag.warning);
    if (const json::value* metadata = envelope->if_contains("response_metadata"); metadata && metadata->is_object()) {
        append_strings(metadata->get_object().if_contains("warnings"), diag.warnings);
        append_strings(metadata->get_object().if_contains("messages"), diag.messages);
    }
    if (ok->get_bool())
        return std::move(*envelope);  // move-constructs: keeps the arena
    const json::value* error = envelope->if_contains("error");
    if (!error || !error->is_string())
        return fail(client_errc::unexpected_shape);
    diag.error = error->get_string();
    assign_string(*envelope, "needed", diag.needed);
    assign_string(*envelope, "provided", diag.provided);
    return fail(from_string(diag.error));
}

}  // namespace slack::web::detail
