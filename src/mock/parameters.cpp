// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/parameters.hpp"

#include <boost/url/decode_view.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

#include <openssl/evp.h>

namespace slack::mock::detail {

namespace urls = boost::urls;

std::optional<parameters> parameters::from_form(std::string_view body)
{
    parameters out;
    if (!out.add_form(body))
        return std::nullopt;
    return out;
}

bool parameters::add_form(std::string_view form)
{
    auto parsed = urls::parse_query(form);
    if (!parsed)
        return false;
    for (urls::param p : urls::params_view(parsed->buffer(), urls::encoding_opts(true)))
        values_.emplace_back(std::move(p.key), std::move(p.value));
    return true;
}

std::string_view parameters::get(std::string_view key) const
{
    for (auto it = values_.rbegin(); it != values_.rend(); ++it)
        if (it->first == key)
            return it->second;
    return {};
}

bool parameters::has(std::string_view key) const
{
    for (const auto& [name, value] : values_)
        if (name == key)
            return true;
    return false;
}

bool decode_basic(std::string_view header, std::string& id, std::string& secret)
{
    constexpr std::string_view scheme = "Basic ";
    if (header.substr(0, scheme.size()) != scheme)
        return false;
    header.remove_prefix(scheme.size());
    std::string decoded(header.size(), '\0');
    const int size =
        EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()),
                        reinterpret_cast<const unsigned char*>(header.data()), static_cast<int>(header.size()));
    if (size < 0)
        return false;
    decoded.resize(static_cast<std::size_t>(size));
    // EVP_DecodeBlock counts the padding as decoded bytes: drop one byte per '=' (at most two).
    for (int padding = 0; padding < 2 && !header.empty() && header.back() == '=' && !decoded.empty(); ++padding) {
        header.remove_suffix(1);
        decoded.pop_back();
    }
    const auto colon = decoded.find(':');
    if (colon == std::string::npos)
        return false;
    auto decode_part = [](std::string_view part, std::string& out) {
        auto encoded = urls::make_pct_string_view(part);
        if (!encoded)
            return false;
        urls::decode_view view(*encoded, urls::encoding_opts(true));
        out.assign(view.begin(), view.end());
        return true;
    };
    return decode_part(std::string_view(decoded).substr(0, colon), id) &&
           decode_part(std::string_view(decoded).substr(colon + 1), secret);
}

std::string bearer_token(std::string_view authorization, const parameters& params)
{
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.substr(0, scheme.size()) == scheme)
        return std::string(authorization.substr(scheme.size()));
    return std::string(params.get("token"));
}

}  // namespace slack::mock::detail
