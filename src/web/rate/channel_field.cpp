// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/rate/channel_field.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/url/parse_query.hpp>

namespace slack::web::detail {

namespace {

using boost::json::string_view;
using boost::system::error_code;

// A Boost.JSON SAX handler that keeps only the top-level "channel" string: no document is built.
struct channel_handler {
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    std::string& out;
    std::size_t depth = 0;
    std::string key;  // the current top-level key, up to one byte longer than "channel"
    bool in_channel = false;

    bool on_document_begin(error_code&) { return true; }
    bool on_document_end(error_code&) { return true; }
    bool on_array_begin(error_code&) { return enter(); }
    bool on_array_end(std::size_t, error_code&) { return leave(); }
    bool on_object_begin(error_code&) { return enter(); }
    bool on_object_end(std::size_t, error_code&) { return leave(); }
    bool on_key_part(string_view s, std::size_t, error_code&)
    {
        if (depth == 1 && key.size() <= 7)
            key.append(s.data(), std::min<std::size_t>(s.size(), 8 - key.size()));
        return true;
    }
    bool on_key(string_view s, std::size_t n, error_code& ec)
    {
        on_key_part(s, n, ec);
        in_channel = depth == 1 && key == "channel";
        if (in_channel)
            out.clear();  // a repeated member: the last one counts, as in a parsed document
        key.clear();
        return true;
    }
    bool on_string_part(string_view s, std::size_t, error_code&)
    {
        if (in_channel)
            out.append(s.data(), s.size());
        return true;
    }
    bool on_string(string_view s, std::size_t n, error_code& ec)
    {
        on_string_part(s, n, ec);
        return scalar();
    }
    bool on_number_part(string_view, error_code&) { return true; }
    bool on_int64(std::int64_t, string_view, error_code&) { return scalar(); }
    bool on_uint64(std::uint64_t, string_view, error_code&) { return scalar(); }
    bool on_double(double, string_view, error_code&) { return scalar(); }
    bool on_bool(bool, error_code&) { return scalar(); }
    bool on_null(error_code&) { return scalar(); }
    bool on_comment_part(string_view, error_code&) { return true; }
    bool on_comment(string_view, error_code&) { return true; }

    bool enter()
    {
        in_channel = false;  // "channel": {...} is not a channel id
        ++depth;
        return true;
    }
    bool leave()
    {
        --depth;
        return true;
    }
    bool scalar()
    {
        in_channel = false;
        return true;
    }
};

}  // namespace

void channel_field(std::string_view body, std::string_view content_type, std::string& out)
{
    out.clear();
    if (content_type.starts_with("application/json")) {
        boost::json::basic_parser<channel_handler> parser({}, out);
        error_code ec;
        parser.write_some(false, body.data(), body.size(), ec);
        if (ec)
            out.clear();
        return;
    }
    const auto params = boost::urls::parse_query(body);
    if (!params)
        return;
    for (const auto& param : *params)
        if (param.key == "channel") {
            out = param.value.decode();
            return;
        }
}

}  // namespace slack::web::detail
