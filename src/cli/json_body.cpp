// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/json_body.hpp"

#include "cli/options.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

namespace slack::cli {

namespace json = boost::json;

namespace {

bool is_typed(std::string_view word)
{
    const std::size_t equals = word.find('=');
    return equals != std::string_view::npos && equals > 0 && word[equals - 1] == ':';
}

// A key shown in a message: a field name's shape. Anything else may be a secret typed in the wrong place.
std::string describe_key(std::string_view key, std::size_t position)
{
    const bool plain = !key.empty() && key.size() <= 64 &&
                       key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") ==
                           std::string_view::npos;
    return plain ? "key '" + std::string(key) + "'" : "word #" + std::to_string(position) + " (not shown)";
}

std::string read_bounded(std::istream& in, const std::string& name)
{
    std::string text;
    text.resize(max_json_body_bytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_json_body_bytes)
        throw usage_error("--json: " + name + " is larger than 1 MiB");
    return text;
}

std::string whole_body(const std::string& source)
{
    const std::string name = source == "-" ? "stdin" : "'" + source + "'";
    std::string text;
    if (source == "-") {
        text = read_bounded(std::cin, name);
    } else {
        std::ifstream file(source, std::ios::binary);
        if (!file)
            throw usage_error("--json: cannot read " + name);
        text = read_bounded(file, name);
    }
    boost::system::error_code ec;
    const json::value parsed = json::parse(text, ec);
    if (ec)
        throw usage_error("--json: " + name + " is not JSON (" + ec.message() + ")");
    if (!parsed.is_object())
        throw usage_error("--json: " + name + " is not a JSON object");
    return json::serialize(parsed);
}

}  // namespace

bool wants_json_body(const call_inputs& in)
{
    if (in.json_body || !in.json_source.empty())
        return true;
    for (std::size_t i = 1; i < in.arguments.size(); ++i)
        if (is_typed(in.arguments[i]))
            return true;
    return false;
}

std::string json_body(const call_inputs& in)
{
    if (!in.json_source.empty()) {
        if (in.arguments.size() > 1)
            throw usage_error("--json @FILE or - sends the whole body: no key=value words with it");
        return whole_body(in.json_source);
    }
    json::object object;
    for (std::size_t i = 1; i < in.arguments.size(); ++i) {
        const std::string_view word = in.arguments[i];
        const std::size_t equals = word.find('=');
        if (!is_typed(word)) {
            object[word.substr(0, equals)] = word.substr(equals + 1);
            continue;
        }
        const std::string_view key = word.substr(0, equals - 1);
        boost::system::error_code ec;
        json::value value = json::parse(word.substr(equals + 1), ec);
        if (ec)
            throw usage_error(describe_key(key, i) + ": the value after ':=' is not JSON (" + ec.message() + ")");
        object[key] = std::move(value);
    }
    return json::serialize(object);
}

}  // namespace slack::cli
