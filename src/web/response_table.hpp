// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The one mapping from a response body to a typed response: each method's source lists its
// documented fields in a table (path, expected JSON type, slot); this builder binds the values
// of the single SAX pass (envelope.hpp) to their slots. Strings without escapes stay where they
// are in the body, which the response owns; the others are copied once, unescaped.
#include "web/envelope.hpp"

#include <slack/web/detail/response_storage.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace slack::web::detail {

/// One documented field of a response.
struct field_spec {
    static constexpr std::uint8_t top = 0xff;
    std::string_view parent;  ///< The enclosing object's path ("" at the top, "team", "authed_user"...).
    std::string_view key;
    json_kind kind;                  ///< The type the docs give it: string, number, boolean or object.
    std::uint8_t slot;               ///< Where it goes in the response.
    std::uint8_t parent_slot = top;  ///< For members of an object: the object's slot.
    bool vital = false;              ///< A value of another type makes the whole answer unusable (the token...).
};

/// A method's response table, and what makes an `ok:true` answer usable at all.
template <class Response>
struct response_table {
    std::string_view method;
    std::span<const field_spec> fields;
    /// Why an answer whose fields all have their documented types still cannot be used (no
    /// token in a token exchange, say), or null when it can.
    const char* (*unusable)(const Response&) = nullptr;
};

struct response_table_builder : response_fields {
    response_table_builder(std::string_view method, std::span<const field_spec> fields, response_base& response,
                           std::span<value_slot> slots)
        : method_(method), fields_(fields), response_(response), slots_(slots)
    {
    }

    void clear(std::string_view body) override;
    void on_value(const json_value& v) override;
    boost::system::error_code finish(std::string body, std::string& problem) override;

protected:
    virtual const char* unusable() const = 0;

    template <std::size_t N>
    static std::span<value_slot> slots_of(response_fields_of<N>& r) noexcept
    {
        return r.slots_;
    }

private:
    void bind(const field_spec& spec, const json_value& v);
    void mismatch(const json_value& v);
    void forget(const json_value& v, bool with_members);  // its earlier mismatch, and its members'

    std::string_view method_;
    std::span<const field_spec> fields_;
    response_base& response_;
    std::span<value_slot> slots_;
    std::string_view body_;                       // the body being parsed: unescaped strings are located in it
    std::vector<std::string> mistyped_;           // paths of fields with an unexpected type
    std::size_t next_ = 0;                        // where the next value's search starts
    std::string warning_;                         // the top-level `warning`: comma-separated codes
    std::vector<std::string> metadata_warnings_;  // response_metadata.warnings
};

template <class Response>
struct response_holder {
    Response response;
};

/// The builder of one typed response: owns the response it fills (a base of its own, so that it
/// is constructed before the builder that refers to it).
template <class Response>
struct table_builder final : response_holder<Response>, response_table_builder {
    explicit table_builder(const response_table<Response>& table)
        : response_table_builder(table.method, table.fields, this->response, slots_of(this->response)),
          check_(table.unusable)
    {
    }

private:
    const char* unusable() const override { return check_ ? check_(this->response) : nullptr; }
    const char* (*check_)(const Response&);
};

}  // namespace slack::web::detail
