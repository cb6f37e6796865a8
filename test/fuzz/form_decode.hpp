// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// An application/x-www-form-urlencoded decoder for the fuzz targets' checks, independent of the
// params views the mock uses: Boost.URL's query grammar says whether the body is valid, the
// split at '&' and '=' is done here and each part is decoded with decode_view. (Boost 1.81's
// query_rule result points past the text and parse_query() measures it with strlen, so neither
// is used for the values.)
#include <boost/url/decode_view.hpp>
#include <boost/url/grammar/parse.hpp>
#include <boost/url/pct_string_view.hpp>
#include <boost/url/rfc/query_rule.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace slack_fuzz {

struct form_field {
    std::string key;
    std::string value;
    bool has_value;  // "key=" rather than "key"
};

inline std::optional<std::vector<form_field>> decode_form(std::string_view body)
{
    namespace urls = boost::urls;
    if (!urls::grammar::parse(body, urls::query_rule))
        return std::nullopt;
    const auto decode = [](std::string_view part) {
        const urls::decode_view decoded(urls::make_pct_string_view(part).value(), urls::encoding_opts(true));
        return std::string(decoded.begin(), decoded.end());
    };
    std::vector<form_field> fields;
    if (body.empty())
        return fields;  // no fields, as Boost.URL counts them
    while (true) {
        const auto amp = body.find('&');
        const std::string_view field = body.substr(0, amp);
        const auto eq = field.find('=');
        fields.push_back({decode(field.substr(0, eq)),
                          eq == std::string_view::npos ? std::string() : decode(field.substr(eq + 1)),
                          eq != std::string_view::npos});
        if (amp == std::string_view::npos)
            return fields;
        body.remove_prefix(amp + 1);
    }
}

}  // namespace slack_fuzz
