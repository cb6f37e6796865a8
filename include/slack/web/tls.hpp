#pragma once
#include <boost/asio/ssl/context.hpp>

namespace slack::web {

/// A TLS client context for Slack: the system's CA certificates (OpenSSL's bundle file, or
/// $SSL_CERT_FILE; $SSL_CERT_DIR too when set), peer verification on, TLS 1.2 or newer.
/// Add your own CA with load_verify_file (the mock server's, in tests).
boost::asio::ssl::context make_tls_context();

}  // namespace slack::web
