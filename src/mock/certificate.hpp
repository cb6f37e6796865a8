// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A self-signed certificate made at start-up, so the mock needs no files.
#include <string>
#include <vector>

namespace slack::mock::detail {

struct certificate {
    std::string certificate_pem;  ///< Also the CA certificate clients trust.
    std::string private_key_pem;
};

/// EC P-256 key and a certificate valid for `hosts` (DNS names or IP addresses), one day.
/// Throws std::runtime_error if OpenSSL fails.
certificate make_self_signed_certificate(const std::vector<std::string>& hosts);

}  // namespace slack::mock::detail
