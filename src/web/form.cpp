// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/form.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>

namespace slack::web::detail {

namespace {

// Makes room for `more` bytes. A body may hold a code or a secret: when it must grow, the old
// buffer is wiped before it is freed, so that no copy is left behind.
void reserve_wiping(std::string& out, std::size_t more)
{
    if (out.capacity() - out.size() >= more)
        return;
    std::string bigger;
    bigger.reserve(std::max(2 * out.capacity(), out.size() + more));
    bigger.assign(out);
    OPENSSL_cleanse(out.data(), out.size());
    out.swap(bigger);
}

void append_encoded(std::string& out, std::string_view text)
{
    // Boost.URL's params with space-as-plus leave '+' unescaped in 1.81: encode each part.
    boost::urls::encoding_opts options;
    options.space_as_plus = true;
    const std::size_t size = boost::urls::encoded_size(text, boost::urls::unreserved_chars, options);
    const std::size_t start = out.size();
    reserve_wiping(out, size + 1);  // the '&' or '=' that follows
    out.resize(start + size);
    boost::urls::encode(out.data() + start, size, text, boost::urls::unreserved_chars, options);
}

}  // namespace

void append_form_field(std::string& body, std::string_view key, std::string_view value)
{
    reserve_wiping(body, 1);
    if (!body.empty())
        body += '&';
    append_encoded(body, key);
    body += '=';
    append_encoded(body, value);
}

std::string basic_authorization(std::string_view client_id, std::string_view client_secret)
{
    std::string plain;
    plain.reserve(3 * (client_id.size() + client_secret.size()) + 1);  // never reallocated: one copy to wipe
    append_encoded(plain, client_id);
    plain += ':';
    append_encoded(plain, client_secret);
    std::string header = "Basic ";
    const std::size_t start = header.size();
    header.resize(start + 4 * ((plain.size() + 2) / 3) + 1);  // EVP_EncodeBlock writes a NUL
    const int written =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(header.data() + start),
                        reinterpret_cast<const unsigned char*>(plain.data()), static_cast<int>(plain.size()));
    header.resize(start + static_cast<std::size_t>(written));
    OPENSSL_cleanse(plain.data(), plain.size());
    return header;
}

std::string bearer_authorization(std::string_view token)
{
    std::string header;
    header.reserve(7 + token.size());  // never reallocated: one copy to wipe
    return header.append("Bearer ").append(token);
}

}  // namespace slack::web::detail
