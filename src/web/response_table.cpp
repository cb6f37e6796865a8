// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// response_table_builder: binds the values of the response parse to a method's table.
#include "web/response_table.hpp"

#include <slack/client_errc.hpp>

#include <algorithm>
#include <iterator>

namespace slack::web::detail {
namespace {

using namespace std::string_view_literals;

std::string path_of(std::string_view parent, std::string_view key)
{
    std::string path(parent);
    if (!path.empty())
        path += '.';
    return path.append(key);
}

bool matches(const field_spec& spec, const json_value& v)
{
    if (spec.key.size() != v.key.size() || spec.key.front() != v.key.front() || spec.key != v.key)
        return false;
    return spec.parent.empty() ? v.depth == 1 : v.depth >= 2 && spec.parent == v.parent;
}

// Splits at commas, skipping empty items.
void split_at_commas(std::string_view list, std::vector<std::string>& out)
{
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (const std::string_view item = list.substr(0, comma); !item.empty())
            out.emplace_back(item);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    }
}

}  // namespace

void response_table_builder::clear(std::string_view body)
{
    body_ = body;
    std::fill(slots_.begin(), slots_.end(), value_slot{});
    response_.text_.text.clear();  // keeps its capacity from attempt to attempt
    response_.messages_.clear();
    mistyped_.clear();
    next_ = 0;
    warning_.clear();
    metadata_warnings_.clear();
}

void response_table_builder::on_value(const json_value& v)
{
    // The envelope's warnings, collected here so that the response carries them.
    if (v.depth == 1 && v.key == "warning"sv)
        warning_.assign(v.kind == json_kind::string ? v.text : std::string_view());
    else if (v.depth == 3 && v.kind == json_kind::string && v.parent == "response_metadata.warnings"sv)
        metadata_warnings_.emplace_back(v.text);
    else if (v.depth == 3 && v.kind == json_kind::string && v.parent == "response_metadata.messages"sv)
        response_.messages_.emplace_back(v.text);
    // Slack sends fields mostly in the documented order, which is the table's: start after the
    // last match, so that a value usually matches at the first or second try.
    const std::size_t n = fields_.size();
    for (std::size_t tried = 0, i = next_; tried < n; ++tried, i = i + 1 == n ? 0 : i + 1) {
        if (matches(fields_[i], v)) {
            next_ = i + 1 == n ? 0 : i + 1;
            return bind(fields_[i], v);
        }
    }
}

void response_table_builder::bind(const field_spec& spec, const json_value& v)
{
    using state = value_slot::state;
    value_slot& out = slots_[spec.slot];
    out = {};
    // A key seen twice: the last value counts, members of an object included.
    forget(v, spec.kind == json_kind::object);
    if (spec.kind == json_kind::object)
        for (const field_spec& member : fields_)
            if (member.parent_slot == spec.slot)
                slots_[member.slot] = {};
    if (v.kind == json_kind::null) {
        out.what = state::null;
        return;
    }
    if (v.kind != spec.kind)
        return mismatch(v);
    switch (v.kind) {
    case json_kind::boolean: out.what = v.text == "true"sv ? state::yes : state::no; return;
    case json_kind::object: out.what = state::object; return;
    default: break;
    }
    if (v.text.data() >= body_.data() && v.text.data() + v.text.size() <= body_.data() + body_.size()) {
        out = {static_cast<std::uint32_t>(v.text.data() - body_.data()), static_cast<std::uint32_t>(v.text.size()),
               state::in_body};
        return;  // as written in the body: no copy
    }
    std::string& text = response_.text_.text;
    if (text.capacity() < heap_text::least_capacity)
        text.reserve(heap_text::least_capacity);  // never inline, so that moves keep the views
    out = {static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(v.text.size()), state::in_text};
    text.append(v.text);
}

void response_table_builder::mismatch(const json_value& v) { mistyped_.push_back(path_of(v.parent, v.key)); }

void response_table_builder::forget(const json_value& v, bool with_members)
{
    if (mistyped_.empty())
        return;  // the common case: no path to build
    const std::string path = path_of(v.parent, v.key);
    std::erase_if(mistyped_, [&](const std::string& p) {
        return p == path || (with_members && p.size() > path.size() && p.starts_with(path) && p[path.size()] == '.');
    });
}

boost::system::error_code response_table_builder::finish(std::string body, std::string& problem)
{
    response_.body_.assign(std::move(body));  // the parsed text: the slots point into it
    response_.received_at_ = std::chrono::system_clock::now();
    const auto vital = std::find_if(mistyped_.begin(), mistyped_.end(), [&](const std::string& path) {
        return std::any_of(fields_.begin(), fields_.end(),
                           [&](const field_spec& f) { return f.vital && path_of(f.parent, f.key) == path; });
    });
    const char* why = vital == mistyped_.end() ? unusable() : nullptr;
    if (vital != mistyped_.end() || why) {
        // What this means (a spent code?) is the call's to say: see call_algorithm.
        problem.assign(method_);
        problem += vital != mistyped_.end() ? " answered ok with a field of an unexpected type: " + *vital
                                            : std::string(" answered ok ") + why;
        return client_errc::unexpected_shape;
    }
    if (!mistyped_.empty()) {
        problem.assign(method_).append(" response fields of an unexpected type, left empty:");
        for (const std::string& path : mistyped_)
            problem.append(" ").append(path);
    }
    response_.warnings_.clear();
    split_at_commas(warning_, response_.warnings_);
    std::move(metadata_warnings_.begin(), metadata_warnings_.end(), std::back_inserter(response_.warnings_));
    metadata_warnings_.clear();
    return {};
}

}  // namespace slack::web::detail
