// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/codes.hpp"

#include "mock/crypto.hpp"

#include <stdexcept>

namespace slack::mock::detail {

namespace {

bool takes_code(std::string_view method)
{
    return method == "oauth.access" || method == "oauth.v2.access" || method == "oauth.v2.user.access" ||
           method == "openid.connect.token";
}

}  // namespace

std::string code_store::mint(const code_options& options)
{
    if (!takes_code(options.method))
        throw std::invalid_argument("mock: no code grant for method " + std::string(options.method));
    forget_expired();
    std::string code = "4724469134." + random_hex(20);
    code_state state{.method = std::string(options.method),
                     .redirect_uri = std::string(options.redirect_uri),
                     .code_challenge = std::string(options.code_challenge),
                     .scope = std::string(options.scope),
                     .user_scope = std::string(options.user_scope),
                     .nonce = std::string(options.nonce),
                     .expires = clock::now() + lifetime_};
    const std::size_t text_bytes = state.method.size() + state.redirect_uri.size() + state.code_challenge.size() +
                                   state.scope.size() + state.user_scope.size() + state.nonce.size();
    codes_.insert(code, std::move(state), text_bytes);
    return code;
}

// A code past its lifetime answers invalid_code, remembered or not: forgetting it bounds memory.
void code_store::forget_expired()
{
    const auto now = clock::now();
    codes_.forget_oldest_while([now](const code_state& state) { return now > state.expires; });
}

code_state* code_store::find(std::string_view code)
{
    forget_expired();
    return codes_.find(code);
}

code_state& code_store::magic(std::string_view method, std::string_view credential)
{
    forget_expired();
    // Keyed by method too: one magic word scripts each method's answers apart. A space never
    // appears in a method name, so keys cannot collide with minted codes or each other.
    std::string key = std::string(method) + ' ' + std::string(credential);
    if (code_state* found = codes_.find(key))
        return *found;
    return codes_.insert(std::move(key), code_state{.method = {}, .expires = clock::now() + lifetime_});
}

}  // namespace slack::mock::detail
