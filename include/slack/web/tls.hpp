// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
#include <boost/asio/ssl/context.hpp>

namespace slack::web {

/// A TLS client context for Slack: the system's CA certificates (OpenSSL's bundle file, or
/// $SSL_CERT_FILE; the hashed directory only when $SSL_CERT_DIR names one, or when there is no
/// bundle file), peer verification on, TLS 1.2 or newer. Add your own CA with load_verify_file
/// (the mock server's, in tests), or a hashed directory with add_verify_path.
boost::asio::ssl::context make_tls_context();

}  // namespace slack::web
