// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A request's parameters, decoded from a form body (or, for api.test, a JSON object body), and
// the credentials it carries: client id and secret (HTTP Basic or form fields) and a bearer
// token (`Authorization: Bearer` or a `token` field, as Slack accepts both).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace slack::mock::detail {

class parameters {
public:
    /// nullopt when `body` is not a valid form.
    static std::optional<parameters> from_form(std::string_view body);
    /// Adds the fields of `form` after those held (get() then finds theirs); false, adding
    /// nothing, when it is not a valid form.
    bool add_form(std::string_view form);

    /// The last value given for `key`, empty if none.
    std::string_view get(std::string_view key) const;
    bool has(std::string_view key) const;
    const std::vector<std::pair<std::string, std::string>>& all() const noexcept { return values_; }

private:
    std::vector<std::pair<std::string, std::string>> values_;
};

/// "Basic base64(id:secret)" with form-encoded parts (RFC 6749 2.3.1). False if unreadable.
bool decode_basic(std::string_view header, std::string& id, std::string& secret);

/// The bearer token of a request: the `Authorization: Bearer` value, else the `token` field.
std::string bearer_token(std::string_view authorization, const parameters& params);

}  // namespace slack::mock::detail
