// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A string that holds a secret (a proxy's credentials, a request carrying them): its bytes are
// wiped however its scope ends. Reserve its full size first: a reallocation frees the old buffer
// unwiped.
#include <openssl/crypto.h>

#include <string>

namespace slack::crypto {

struct wiped_string {
    std::string text;
    wiped_string() = default;
    wiped_string(const wiped_string&) = delete;
    wiped_string& operator=(const wiped_string&) = delete;
    ~wiped_string() { OPENSSL_cleanse(text.data(), text.size()); }
};

}  // namespace slack::crypto
