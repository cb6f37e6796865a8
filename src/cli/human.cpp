// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/human.hpp"

#include "cli/tsv.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace slack::cli {

namespace json = boost::json;

namespace {

std::string scalar(const json::value& v)
{
    if (v.is_string())
        return printable(v.get_string());
    return json::serialize(v);  // numbers, true, false, null
}

bool is_empty_container(const json::value& v)
{
    return (v.is_object() && v.get_object().empty()) || (v.is_array() && v.get_array().empty());
}

void render(const json::value& v, std::size_t depth, std::string& out);

// What follows "key:" or "-": a scalar on the same line, a non-empty container on the next ones.
void render_after_label(const json::value& v, std::size_t depth, std::string& out)
{
    if ((v.is_object() || v.is_array()) && !is_empty_container(v)) {
        out += "\n";
        render(v, depth + 1, out);
    } else {
        out += " " + (is_empty_container(v) ? json::serialize(v) : scalar(v)) + "\n";
    }
}

void render(const json::value& v, std::size_t depth, std::string& out)
{
    const std::string indent(2 * depth, ' ');
    if (v.is_object()) {
        for (const json::key_value_pair& member : v.get_object()) {
            out += indent + printable(member.key()) + ":";
            render_after_label(member.value(), depth, out);
        }
    } else if (v.is_array()) {
        for (const json::value& item : v.get_array()) {
            out += indent + "-";
            render_after_label(item, depth, out);
        }
    } else {
        out += indent + scalar(v) + "\n";
    }
}

}  // namespace

std::string human_form(std::string_view json_text)
{
    boost::system::error_code ec;
    const json::value parsed = json::parse(json_text, ec);
    if (ec)
        return printable(json_text) + "\n";
    std::string out;
    render(parsed, 0, out);
    return out;
}

}  // namespace slack::cli
