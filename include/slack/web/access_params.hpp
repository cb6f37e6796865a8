#pragma once
#include <string>

namespace slack::web {

/// Parameters of oauth.access (classic apps). Use designated initialisers.
struct access_params {
    std::string client_id{};      ///< Issued with your app. Sent per client_options::credentials.
    std::string client_secret{};  ///< Issued with your app. Never logged.
    std::string code{};           ///< The single-use code from the OAuth callback (expires after 10 minutes).
    std::string redirect_uri{};   ///< Must equal the one in the authorization request, if one was sent; empty: not sent.
    bool single_channel = false;  ///< Legacy: workspace apps only (retired 2021). Sent only when true.
};

}  // namespace slack::web
