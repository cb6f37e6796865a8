// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/envelope.hpp"

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <openssl/crypto.h>

#include <charconv>
#include <ctime>
#include <string>
#include <vector>

namespace slack::web::detail {

namespace json = boost::json;
using boost::system::error_code;
using namespace std::string_view_literals;

namespace {

// What a response without a usable Slack body means.
error_code without_slack_body(unsigned status, error_code parse_problem)
{
    if (status == 429)
        return api_errc::ratelimited;
    if (!is_success_status(status))
        return client_errc::http_status;
    return parse_problem;
}

// Boost.JSON's SAX handler: tracks the path of each value, keeps the envelope's fields and
// passes every value on to the method's fields. Its buffers are reused from call to call.
class envelope_handler {
public:
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    enum class ok_value { absent, yes, no, malformed };

    void begin(std::string_view input, slack::diagnostics& diag, response_fields& fields)
    {
        input_ = input;
        diag_ = &diag;
        fields_ = &fields;
        levels_.clear();
        path_.clear();
        key_ = {};
        root_is_object_ = false;
        number_started_ = false;
        ok_ = ok_value::absent;
        error_is_string_ = false;
    }
    // The buffers may hold a value that had escapes (a token, say): wiped after each parse.
    void wipe()
    {
        OPENSSL_cleanse(text_.data(), text_.size());
        OPENSSL_cleanse(key_text_.data(), key_text_.size());
        text_.clear();
        key_text_.clear();
    }
    bool root_is_object() const { return root_is_object_; }
    ok_value ok() const { return ok_; }
    bool error_is_string() const { return error_is_string_; }

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_object_begin(error_code&) { return open(false); }
    bool on_object_end(std::size_t, error_code&) { return close(); }
    bool on_array_begin(error_code&) { return open(true); }
    bool on_array_end(std::size_t, error_code&) { return close(); }
    bool on_key_part(json::string_view s, std::size_t n, error_code&)
    {
        if (n == s.size())
            key_text_.clear();
        key_text_.append(s.data(), s.size());
        return true;
    }
    bool on_key(json::string_view s, std::size_t n, error_code&)
    {
        if (n == s.size() && s.data() >= input_.data() && s.data() + s.size() <= input_.data() + input_.size()) {
            key_ = {s.data(), s.size()};  // unescaped, in the input: stays valid, no copy
            return true;
        }
        if (n == s.size())  // in the parser's own buffer (it had escapes), which the value may reuse
            key_text_.clear();
        key_text_.append(s.data(), s.size());
        key_ = key_text_;
        return true;
    }
    bool on_string_part(json::string_view s, std::size_t n, error_code&)
    {
        if (n == s.size())
            text_.clear();
        text_.append(s.data(), s.size());
        return true;
    }
    bool on_string(json::string_view s, std::size_t n, error_code&)
    {
        if (n == s.size())
            return value(json_kind::string, {s.data(), s.size()});
        text_.append(s.data(), s.size());
        return value(json_kind::string, text_);
    }
    bool on_number_part(json::string_view s, error_code&)
    {
        if (!number_started_)
            text_.clear();
        number_started_ = true;
        text_.append(s.data(), s.size());
        return true;
    }
    bool on_int64(std::int64_t, json::string_view s, error_code&) { return number(s); }
    bool on_uint64(std::uint64_t, json::string_view s, error_code&) { return number(s); }
    bool on_double(double, json::string_view s, error_code&) { return number(s); }
    bool on_bool(bool b, error_code&) { return value(json_kind::boolean, b ? "true" : "false"); }
    bool on_null(error_code&) { return value(json_kind::null, {}); }
    bool on_comment_part(json::string_view, error_code&) { return true; }
    bool on_comment(json::string_view, error_code&) { return true; }

private:
    struct level {
        std::size_t path_size;  // this container's own path: path_.substr(0, path_size)
        bool array;
    };

    bool number(json::string_view s)
    {
        if (!number_started_)
            return value(json_kind::number, {s.data(), s.size()});
        number_started_ = false;
        text_.append(s.data(), s.size());
        return value(json_kind::number, text_);
    }

    bool open(bool array)
    {
        if (levels_.empty()) {  // the document itself
            root_is_object_ = !array;
            levels_.push_back({0, array});
            return true;
        }
        const std::string_view key = deliver(array ? json_kind::array : json_kind::object, {});
        // Paths are built for containers only: a scalar's parent is a prefix of path_.
        path_.resize(levels_.back().path_size);
        if (!path_.empty() && !levels_.back().array)
            path_ += '.';
        path_ += key;
        levels_.push_back({path_.size(), array});
        return true;
    }

    bool close()
    {
        levels_.pop_back();
        return true;
    }

    bool value(json_kind kind, std::string_view text)
    {
        deliver(kind, text);
        return true;
    }

    // Delivers a value; returns its key.
    std::string_view deliver(json_kind kind, std::string_view text)
    {
        if (levels_.empty())  // a document that is a bare value
            return {};
        const level& container = levels_.back();
        const json_value v{.parent = std::string_view(path_).substr(0, container.path_size),
                           .key = container.array ? "[]"sv : key_,
                           .depth = levels_.size(),
                           .kind = kind,
                           .text = text};
        if (v.depth == 1)
            top_level(v.key, kind, text);
        else if (v.depth == 3 && container.array && kind == json_kind::string &&
                 v.parent == "response_metadata.warnings"sv)
            diag_->warnings.emplace_back(text);
        else if (v.depth == 3 && container.array && kind == json_kind::string &&
                 v.parent == "response_metadata.messages"sv)
            diag_->messages.emplace_back(text);
        fields_->on_value(v);
        return v.key;
    }

    // A key seen twice: the last value counts, as in a JSON tree.
    void top_level(std::string_view key, json_kind kind, std::string_view text)
    {
        const auto string_into = [&](std::string& out) {
            if (kind == json_kind::string)
                out.assign(text);
            else
                out.clear();
        };
        switch (key.size()) {
        case 2:
            if (key == "ok"sv)
                ok_ = kind != json_kind::boolean ? ok_value::malformed
                      : text == "true"sv         ? ok_value::yes
                                                 : ok_value::no;
            break;
        case 5:
            if (key == "error"sv) {
                error_is_string_ = kind == json_kind::string;
                string_into(diag_->error);
            }
            break;
        case 6:
            if (key == "needed"sv)
                string_into(diag_->needed);
            break;
        case 7:
            if (key == "warning"sv)
                string_into(diag_->warning);
            break;
        case 8:
            if (key == "provided"sv)
                string_into(diag_->provided);
            break;
        default: break;
        }
    }

    std::string_view input_;
    slack::diagnostics* diag_ = nullptr;
    response_fields* fields_ = nullptr;
    std::vector<level> levels_;  // at most parse_options::max_depth (32) deep
    std::string path_;           // the innermost container's path
    std::string_view key_;       // the current member's key
    std::string key_text_;       // ...when it had to be copied
    std::string text_;           // a string or number that arrived in parts
    bool root_is_object_ = false;
    bool number_started_ = false;
    ok_value ok_ = ok_value::absent;
    bool error_is_string_ = false;
};

}  // namespace

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::chrono::system_clock::time_point now)
{
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
    if (value.empty())
        return std::nullopt;
    constexpr long long longest = 366ll * 24 * 3600;  // both forms are clamped to a year
    unsigned long long seconds = 0;
    auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (status == std::errc() && end == value.data() + value.size())
        return std::chrono::seconds(std::min<unsigned long long>(seconds, longest));
    if (status == std::errc::result_out_of_range)
        return std::chrono::seconds(longest);
    // IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    std::tm parts{};
    const std::string text(value);
    const char* rest = ::strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts);
    if (!rest || *rest != '\0')
        return std::nullopt;
    // In whole seconds of time_t: a far date (year 9999) does not fit system_clock's nanoseconds.
    const std::time_t at = ::timegm(&parts);
    if (at == static_cast<std::time_t>(-1))
        return std::nullopt;
    const auto now_seconds = std::chrono::floor<std::chrono::seconds>(now.time_since_epoch()).count();
    if (at <= now_seconds)
        return std::chrono::seconds(0);
    // ceil(at - now) == at - floor(now), as `at` is whole seconds.
    return std::chrono::seconds(std::min(static_cast<long long>(at - now_seconds), longest));
}

namespace {

// Boost.JSON 1.81 has no allow_invalid_utf16 (later versions turn a UTF-16 surrogate escape
// without its pair, "\ud83d", into U+FFFD): it fails the parse. This does the same by hand:
// each lone surrogate escape becomes "\ufffd", of the same length, so that every position in
// the body stays where it was. A backslash only ever appears inside a string, so no tracking of
// strings is needed. Whether anything was replaced.
bool replace_lone_surrogates(std::string& body)
{
    const auto unit_at = [&](std::size_t i) {  // the code unit of a "\uXXXX" escape at i, or -1
        unsigned unit = 0;
        if (i + 6 > body.size() || body[i] != '\\' || body[i + 1] != 'u')
            return -1;
        const char* digits = body.data() + i + 2;
        const auto [end, status] = std::from_chars(digits, digits + 4, unit, 16);
        return status == std::errc() && end == digits + 4 ? static_cast<int>(unit) : -1;
    };
    bool replaced = false;
    for (std::size_t i = 0; i < body.size();) {
        if (body[i] != '\\') {
            ++i;
            continue;
        }
        const int unit = unit_at(i);
        if (unit < 0xd800 || unit > 0xdfff) {
            i += 2;  // another escape, "\\" included
            continue;
        }
        if (const int next = unit <= 0xdbff ? unit_at(i + 6) : -1; next >= 0xdc00 && next <= 0xdfff) {
            i += 12;  // a pair
            continue;
        }
        body.replace(i + 2, 4, "fffd");
        replaced = true;
        i += 6;
    }
    return replaced;
}

}  // namespace

json::parse_options body_parse_options()
{
    json::parse_options options;
    options.allow_invalid_utf8 = true;
    return options;
}

void interpret_reply(attempt_result& reply, slack::diagnostics& diag, response_fields& fields, attempt_outcome& out)
{
    out.gate_closed = reply.gate_closed;
    if (reply.gate_closed) {
        // Nothing was sent: the previous answer's words stay, but not its verdict, so that a
        // body never sent is never handed to the response.
        out.ok = false;
        out.error = {};
        return;
    }
    // Each attempt's answer replaces the previous one's.
    diag.error.clear();
    diag.warning.clear();
    diag.warnings.clear();
    diag.messages.clear();
    diag.needed.clear();
    diag.provided.clear();
    out.error = reply.error;
    out.original_error = reply.original_error;
    out.http_status = reply.response_received ? reply.status : 0;
    out.retry_after.reset();
    if (!reply.retry_after.empty())
        out.retry_after = parse_retry_after(reply.retry_after, std::chrono::system_clock::now());
    out.request_written = reply.request_written;
    out.response_received = reply.response_received;
    out.ok = false;
    out.tls_verify_error = reply.tls_verify_error;
    out.proxy_status = reply.proxy_status;
    out.problem.clear();
    if (reply.error)
        return;

    // One parser per thread: it and its handler keep their buffers, so a parse allocates
    // nothing once warm. The parse is synchronous, so calls on one thread never share it.
    thread_local json::basic_parser<envelope_handler> parser{body_parse_options()};
    envelope_handler& envelope = parser.handler();
    error_code parse_error;
    std::size_t parsed = 0;
    const auto parse = [&] {
        parser.reset();
        envelope.begin(reply.body, diag, fields);
        fields.clear(reply.body);
        parse_error = {};
        parsed = parser.write_some(false, reply.body.data(), reply.body.size(), parse_error);
        envelope.wipe();
    };
    parse();
    if (parse_error && replace_lone_surrogates(reply.body))
        parse();  // rare: a second pass rather than a check of every body
    using ok_value = envelope_handler::ok_value;
    if (parse_error || parsed != reply.body.size())
        out.error = without_slack_body(reply.status, client_errc::invalid_json);
    else if (!envelope.root_is_object() || envelope.ok() == ok_value::absent || envelope.ok() == ok_value::malformed)
        out.error = without_slack_body(reply.status, client_errc::unexpected_shape);
    else if (envelope.ok() == ok_value::yes) {
        diag.error.clear();  // only failures carry these
        diag.needed.clear();
        diag.provided.clear();
        out.ok = true;
    } else if (!envelope.error_is_string())
        out.error = client_errc::unexpected_shape;
    else
        out.error = from_string(diag.error);
}

}  // namespace slack::web::detail
