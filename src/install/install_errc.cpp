// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/install/install_errc.hpp>

#include <string>

namespace slack {
namespace {

struct install_entry {
    const char* name;
    const char* message;
};

// Indexed by install_errc value; keep in the enum's order.
constexpr install_entry install_table[] = {
    {"success", "success"},
    {"state_missing", "the OAuth redirect carries no state"},
    {"state_malformed", "the OAuth state is not in the format this app issues"},
    {"state_forged", "the OAuth state's MAC does not match: it was altered or signed with another secret"},
    {"state_expired", "the OAuth state is past its lifetime, or dated in the future"},
    {"state_replayed", "the OAuth state was already used"},
    {"state_browser_mismatch", "the browser's state cookie is missing or belongs to another install attempt"},
    {"access_denied", "the user declined to install the app"},
    {"authorize_failed", "Slack's authorize page answered with an error"},
    {"code_missing", "the OAuth redirect carries neither a code nor an error"},
    {"secret_too_short", "a secret is too short: a state secret needs 32 bytes, a signing secret at least one"},
    {"signature_missing", "the request lacks Slack's signature or timestamp header"},
    {"signature_mismatch", "the request's signature does not match its body under the signing secret"},
    {"signature_stale", "the request's timestamp is unreadable or outside the accepted window"},
    {"event_replayed", "this signed request was already received"},
    {"event_malformed", "the event body is not the JSON shape Slack documents"},
    {"id_token_malformed", "the id_token is not a JWT with the claims Sign in with Slack needs"},
    {"id_token_wrong_issuer", "the id_token was not issued by the expected issuer"},
    {"id_token_wrong_audience", "the id_token is not meant for this app's client_id alone"},
    {"id_token_expired", "the id_token has expired"},
    {"id_token_nonce_mismatch", "the id_token's nonce is not the one this sign-in sent"},
};
constexpr int install_table_size = static_cast<int>(sizeof(install_table) / sizeof(install_table[0]));
static_assert(install_table_size == static_cast<int>(install_errc::id_token_nonce_mismatch) + 1,
              "one entry per enumerator");

struct install_category_impl final : boost::system::error_category {
    // A fixed id: categories compare equal across shared libraries.
    constexpr install_category_impl() noexcept : error_category(0xaa179b3375da4c61ULL) {}
    const char* name() const noexcept override { return "slack.install"; }
    std::string message(int value) const override
    {
        if (value > 0 && value < install_table_size)
            return install_table[value].message;
        return "unknown slack.install error";
    }
};

}  // namespace

const boost::system::error_category& install_category() noexcept
{
    static constexpr install_category_impl category;
    return category;
}

const char* to_string(install_errc e) noexcept
{
    const int value = static_cast<int>(e);
    return value > 0 && value < install_table_size ? install_table[value].name : "unknown";
}

}  // namespace slack
