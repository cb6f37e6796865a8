// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/web/tls.hpp>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstdlib>

namespace slack::web {

namespace {

// The system's CAs, read once into memory from OpenSSL's bundle file ($SSL_CERT_FILE when
// set). set_default_verify_paths() would also register the hashed certificate directory,
// which OpenSSL then searches during every handshake that ends in an intermediate CA
// (Slack's chain does): seven file-system calls and ~100 µs of CPU per new connection.
// The directory is still used when $SSL_CERT_DIR names one, or when there is no bundle file.
void load_system_cas(boost::asio::ssl::context& context)
{
    SSL_CTX* handle = context.native_handle();
    const char* file = std::getenv(X509_get_default_cert_file_env());
    if (!file || !*file)
        file = X509_get_default_cert_file();
    if (SSL_CTX_load_verify_file(handle, file) != 1) {
        ::ERR_clear_error();
        context.set_default_verify_paths();
        return;
    }
    if (const char* dir = std::getenv(X509_get_default_cert_dir_env());
        dir && *dir && !SSL_CTX_load_verify_dir(handle, dir))
        ::ERR_clear_error();
}

}  // namespace

boost::asio::ssl::context make_tls_context()
{
    namespace ssl = boost::asio::ssl;
    ssl::context context(ssl::context::tls_client);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    load_system_cas(context);
    context.set_verify_mode(ssl::verify_peer);
    return context;
}

}  // namespace slack::web
