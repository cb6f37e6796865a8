// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Fuzz target: form encoding (web/form.hpp) round trips. Arbitrary key/value bytes are encoded
// with append_form_field, compared with an encoder written here from the rule (unreserved kept,
// space as '+', every other byte %XX), and decoded again with Boost.URL as the mock decodes
// them. The first pair also goes through basic_authorization and the mock's Basic decoder.
//
// Input: a separator byte, then key, value, key, value... separated by it.
#include "check.hpp"
#include "form_decode.hpp"

#include "mock/behaviour.hpp"
#include "web/form.hpp"

#include <boost/url/params_view.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

namespace urls = boost::urls;

std::string expected_encoding(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~')
            out += c;
        else if (c == ' ')
            out += '+';
        else
            out.append({'%', hex[byte >> 4], hex[byte & 15]});
    }
    return out;
}

// The mock must take back the credentials basic_authorization encoded: with them as its app's,
// an unknown code is the first thing it objects to.
void check_basic(std::string_view id, std::string_view secret)
{
    slack::mock::server_options options;
    options.client_id = std::string(id);
    options.client_secret = std::string(secret);
    slack::mock::detail::oauth_app app(options);
    const std::string authorization = slack::web::detail::basic_authorization(id, secret);
    std::string body;
    slack::web::detail::append_form_field(body, "code", "fuzz-unknown-code");
    std::string code;
    const auto reply = app.handle({.method = "POST",
                                   .target = "/api/oauth.access",
                                   .authorization = authorization,
                                   .content_type = "application/x-www-form-urlencoded",
                                   .body = body},
                                  code);
    FUZZ_CHECK(code == "fuzz-unknown-code");
    FUZZ_CHECK(reply.body.find("\"invalid_code\"") != std::string::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const char separator = static_cast<char>(data[0]);
    std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::vector<std::string_view> parts;
    while (!rest.empty()) {
        const auto at = rest.find(separator);
        parts.push_back(rest.substr(0, at));
        rest = at == std::string_view::npos ? std::string_view() : rest.substr(at + 1);
    }
    if (parts.size() % 2)
        parts.emplace_back();  // a last key without a value: the value is empty
    std::vector<std::pair<std::string_view, std::string_view>> fields;
    for (std::size_t i = 0; i < parts.size(); i += 2)
        fields.emplace_back(parts[i], parts[i + 1]);
    if (fields.empty())
        return 0;

    std::string body, expected;
    for (const auto& [key, value] : fields) {
        slack::web::detail::append_form_field(body, key, value);
        if (!expected.empty())
            expected += '&';
        expected.append(expected_encoding(key)).append("=").append(expected_encoding(value));
    }
    FUZZ_CHECK(body == expected);

    const auto decoded = slack_fuzz::decode_form(body);
    FUZZ_CHECK(decoded && decoded->size() == fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
        FUZZ_CHECK((*decoded)[i].has_value);
        FUZZ_CHECK((*decoded)[i].key == fields[i].first);
        FUZZ_CHECK((*decoded)[i].value == fields[i].second);
    }
    // The mock's own decoding (params_view on a NUL-terminated string, as it gets it) agrees.
    std::size_t i = 0;
    for (const urls::param& p : urls::params_view(body, urls::encoding_opts(true))) {
        FUZZ_CHECK(i < fields.size() && p.key == fields[i].first && p.value == fields[i].second);
        ++i;
    }
    FUZZ_CHECK(i == fields.size());

    check_basic(fields[0].first, fields[0].second);
    return 0;
}
