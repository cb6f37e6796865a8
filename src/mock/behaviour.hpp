#pragma once
// What the mock answers, independent of sockets: Slack's oauth.access rules, minted
// single-use codes, and the magic codes of docs/mock-server.md.
#include "mock/bounded_map.hpp"

#include <slack/mock/server.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace slack::mock::detail {

using clock = std::chrono::steady_clock;

struct incoming_request {
    std::string_view method;
    std::string_view target;
    std::string_view authorization;
    std::string_view content_type;
    std::string_view body;
};

struct outgoing_reply {
    unsigned status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::string retry_after;              ///< Retry-After header, empty for none.
    std::chrono::milliseconds delay{0};   ///< Wait this long before answering.
    bool close_without_reply = false;     ///< Process, then drop the connection.
    bool cut_body = false;                ///< Send the header and half the body, then drop the connection.
    bool chunked = false;                 ///< Send the body with Transfer-Encoding: chunked.
};

class oauth_app {
public:
    explicit oauth_app(const server_options& options) : options_(options), codes_(options.max_code_bytes) {}

    /// Answers one request. `code` receives the decoded `code` parameter, if any.
    outgoing_reply handle(const incoming_request& request, std::string& code);
    std::string mint_code(std::string_view redirect_uri);

    std::size_t live_codes() const noexcept { return codes_.size(); }
    std::size_t code_bytes() const noexcept { return codes_.bytes(); }

private:
    struct code_state {
        std::string redirect_uri;
        clock::time_point expires;
        bool used = false;
        unsigned attempts = 0;
    };

    outgoing_reply oauth_access(std::string_view authorization, std::string_view body, std::string& code);
    outgoing_reply magic(std::string_view code, code_state& state);
    code_state& remember(std::string code, std::string redirect_uri);
    void forget_expired();

    const server_options& options_;
    // Insertion order is expiry order (one lifetime for all), so expired codes are the oldest.
    bounded_map<code_state> codes_;
    clock::time_point rate_limited_until_{};
};

}  // namespace slack::mock::detail
