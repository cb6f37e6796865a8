// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// client.call(): any Web API method, untyped. Checks and encodes the caller's params into the
// request, then runs the same call as the typed methods (web/call.cpp).
#include <slack/web/client.hpp>

#include "web/method_runner.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace slack::web::detail {
namespace {

namespace json = boost::json;
using boost::system::error_code;

constexpr field_spec fields[] = {{"", "ok", json_kind::boolean, 0}};

struct api_response_builder final : response_holder<api_response>, response_table_builder {
    api_response_builder() : response_table_builder("client.call", fields, this->response, slots_of(this->response)) {}
    const char* unusable() const override { return nullptr; }
};

// Slack's method names: dot-separated segments of letters, digits and '_', at least two
// ("api.test", "chat.postMessage", "admin.apps.approved.list"). The name becomes part of the URL.
bool is_method_name(std::string_view method)
{
    constexpr std::size_t longest = 100;
    const auto segment_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    if (method.size() > longest || std::count(method.begin(), method.end(), '.') < 1)
        return false;
    for (std::size_t start = 0; start <= method.size();) {
        const std::size_t dot = std::min(method.find('.', start), method.size());
        const std::string_view segment = method.substr(start, dot - start);
        if (segment.empty() || !std::all_of(segment.begin(), segment.end(), segment_char))
            return false;
        start = dot + 1;
    }
    return true;
}

// A SAX pass over a json body, no DOM: whether the root is an object and whether that object has
// a key "token" (unescaped, however the parser splits it). Building a boost::json::value cost
// ~66,700 instructions and ~120 allocations for a 1.3 KB Block Kit message; this allocates nothing.
class json_body_handler {
public:
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    bool root_is_object = false;
    bool has_token = false;

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&) { return open(true); }
    bool on_object_end(std::size_t, error_code&) { return close(); }
    bool on_array_begin(error_code&) { return open(false); }
    bool on_array_end(std::size_t, error_code&) { return close(); }
    bool on_key_part(json::string_view s, std::size_t n, error_code&) { return key(s, n, false); }
    bool on_key(json::string_view s, std::size_t n, error_code&) { return key(s, n, true); }
    bool on_string_part(json::string_view, std::size_t, error_code&) { return true; }
    bool on_string(json::string_view, std::size_t, error_code&) { return true; }
    bool on_number_part(json::string_view, error_code&) { return true; }
    bool on_int64(std::int64_t, json::string_view, error_code&) { return true; }
    bool on_uint64(std::uint64_t, json::string_view, error_code&) { return true; }
    bool on_double(double, json::string_view, error_code&) { return true; }
    bool on_bool(bool, error_code&) { return true; }
    bool on_null(error_code&) { return true; }
    bool on_comment_part(json::string_view, error_code&) { return true; }
    bool on_comment(json::string_view, error_code&) { return true; }

private:
    bool open(bool object)
    {
        if (depth_++ == 0)
            root_is_object = object;
        return true;
    }
    bool close()
    {
        --depth_;
        return true;
    }
    // `s` is the last piece of a key whose `n` characters so far end with it.
    bool key(json::string_view s, std::size_t n, bool last)
    {
        constexpr std::string_view token = "token";
        if (depth_ != 1)
            return true;
        if (n == s.size())
            key_is_token_so_far_ = true;
        key_is_token_so_far_ = key_is_token_so_far_ && n <= token.size() &&
                               token.substr(n - s.size(), s.size()) == std::string_view(s.data(), s.size());
        if (last && key_is_token_so_far_ && n == token.size())
            has_token = true;
        return true;
    }

    std::size_t depth_ = 0;
    bool key_is_token_so_far_ = false;
};

// Whether `text` is one JSON value and nothing more, read by `parser`.
template <class Parser>
bool parses(Parser& parser, std::string_view text)
{
    error_code ec;
    const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
    return !ec && used == text.size();
}

// Why a json body cannot be sent, or null.
const char* check_json(std::string_view text)
{
    json::basic_parser<json_body_handler> parser(json::parse_options{});
    if (!parses(parser, text)) {
        json::parse_options lenient;
        lenient.allow_invalid_utf8 = true;
        json::basic_parser<json_body_handler> lenient_parser(lenient);
        return parses(lenient_parser, text) ? "json has a string that is not valid UTF-8" : "json is not valid JSON";
    }
    if (!parser.handler().root_is_object)
        return "json is not a JSON object";
    if (parser.handler().has_token)
        return "json has a top-level token key: pass the token as call()'s token, it is sent as a Bearer header";
    return nullptr;
}

const char* check(std::string_view method, const call_params& params)
{
    if (!is_method_name(method))
        return "method is not a Web API method name (dot-separated words of letters, digits and '_', as "
               "chat.postMessage)";
    if (!params.json.empty() && !params.form.empty())
        return "both form fields and a json body: give one";
    if (!params.json.empty())
        if (const char* why = check_json(params.json))
            return why;
    for (const form_field& f : params.form) {
        if (f.name.empty())
            return "a form field has an empty name";
        if (f.name == "token")
            return "a form field named token: pass the token as call()'s token, it is sent as a Bearer header";
    }
    return nullptr;
}

// What a call of a method that spends a single-use credential spends, by its name: client.call()
// must keep the single-use rule as the typed methods do (never re-sent after an unknown outcome).
spend_rule spends_of(std::string_view method, const call_params& params)
{
    const bool refresh = std::any_of(params.form.begin(), params.form.end(),
                                     [](const form_field& f) { return f.name == "refresh_token"; });
    if (method == "oauth.access")
        return {single_use::code, api_errc::code_already_used};
    if (method == "oauth.v2.access" || method == "oauth.v2.user.access" || method == "openid.connect.token")
        return refresh ? spend_rule{single_use::refresh_token, api_errc::invalid_refresh_token}
                       : spend_rule{single_use::code, api_errc::invalid_code};
    if (method == "oauth.v2.exchange")
        return {single_use::legacy_token, api_errc::token_already_exchanged};
    if (method == "auth.revoke" || method == "apps.uninstall")
        return {single_use::bearer_token, api_errc::token_revoked};
    return {};
}

}  // namespace

void start_api_call(std::shared_ptr<client_impl> client, std::string_view method, const call_params& params,
                    std::string_view token, slack::diagnostics* diag, call_handler handler)
{
    api_request request;
    request.invalid = check(method, params);
    if (!request.invalid) {
        request.method_name = method;
        request.idempotent = params.idempotent;
        request.rate_key = params.rate_key;
        request.spends = spends_of(method, params);
        if (!token.empty())
            request.set_bearer_token(token);
        if (!params.json.empty()) {
            request.content_type = "application/json; charset=utf-8";
            request.body = params.json;
        }
        for (const form_field& f : params.form)
            append_form_field(request.body, f.name, f.value);
    }
    start_with(std::move(client), std::move(request), std::make_unique<api_response_builder>(), diag,
               std::move(handler));
}

}  // namespace slack::web::detail

boost::json::object slack::web::api_response::json() const { return raw(); }
