// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/tls_peer.hpp"

#include "web/name_lookup.hpp"

#include <boost/asio/ssl/error.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace slack::web::detail {

boost::system::error_code expect_peer(SSL* handle, const std::string& host)
{
    const auto openssl_error = [] {
        return boost::system::error_code(static_cast<int>(::ERR_get_error()), boost::asio::error::get_ssl_category());
    };
    const bool address = is_ip_address(host);
    if (!address && !SSL_set_tlsext_host_name(handle, host.c_str()))
        return openssl_error();
    SSL_set_verify(handle, SSL_VERIFY_PEER, SSL_get_verify_callback(handle));
    // Not a verify callback: a mismatch is then named by the verify result and sent as a
    // bad_certificate alert.
    const bool host_set = address ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(handle), host.c_str()) == 1
                                  : SSL_set1_host(handle, host.c_str()) == 1;
    if (!host_set)
        return openssl_error();
    return {};
}

}  // namespace slack::web::detail
