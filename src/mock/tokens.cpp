// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/tokens.hpp"

#include "mock/crypto.hpp"

#include <algorithm>

namespace slack::mock::detail {

namespace {

std::string numbered(std::string_view prefix, unsigned long number)
{
    std::string digits = std::to_string(number);
    return std::string(prefix) + std::string(digits.size() < 6 ? 6 - digits.size() : 0, '0') + digits;
}

std::size_t index_of(token_kind kind) { return kind == token_kind::bot ? 0 : 1; }

}  // namespace

std::shared_ptr<installation> token_store::install()
{
    const unsigned long number = ++installations_;
    auto added = std::make_shared<installation>();
    added->user_id = numbered("U0MOCKUSER", number);
    added->bot_user_id = numbered("U0MOCKBOT", number);
    added->bot_id = numbered("B0MOCKBOT", number);
    return added;
}

std::string token_store::new_token(std::string_view prefix)
{
    while (true) {  // 128 random bits never collide in practice; checking costs nothing
        std::string token = std::string(prefix) + random_hex(16);
        if (!tokens_.find(token))
            return token;
    }
}

minted_tokens token_store::mint(const std::shared_ptr<installation>& owner, token_kind kind, bool rotating,
                                std::string_view scope, token_origin origin)
{
    const bool bot = kind == token_kind::bot;
    std::string_view prefix = bot ? "xoxb-" : "xoxp-";
    if (rotating)
        prefix = bot ? "xoxe.xoxb-1-" : "xoxe.xoxp-1-";
    minted_tokens minted{.access_token = new_token(prefix), .refresh_token = {}};
    token_record access{
        .kind = kind, .origin = origin, .rotating = rotating, .scope = std::string(scope), .owner = owner};
    if (rotating)
        access.expires = clock::now() + options_.access_token_lifetime;
    // The installation's own texts are counted with each token: an upper bound, never less.
    const std::size_t extra = scope.size() + sizeof(installation) + 3 * 16;
    tokens_.insert(minted.access_token, std::move(access), extra);

    if (rotating) {
        minted.refresh_token = new_token("xoxe-1-");
        token_record refresh{.is_refresh = true,
                             .kind = kind,
                             .origin = origin,
                             .rotating = true,
                             .scope = std::string(scope),
                             .owner = owner};
        tokens_.insert(minted.refresh_token, std::move(refresh), extra);

        // At most two active access tokens: the oldest goes when a third arrives.
        std::deque<std::string>& current = owner->active[index_of(kind)];
        std::erase_if(current, [this](const std::string& token) { return !active(token); });
        current.push_back(minted.access_token);
        while (current.size() > 2) {
            if (token_record* oldest = tokens_.find(current.front()))
                oldest->revoked = true;
            current.pop_front();
        }
    }
    return minted;
}

token_record* token_store::find(std::string_view token) { return tokens_.find(token); }

token_status token_store::status_of(const token_record* record) const
{
    if (!record || record->is_refresh)
        return token_status::unknown;
    if (record->revoked || record->owner->uninstalled)
        return token_status::revoked;
    if (clock::now() >= record->expires)
        return token_status::expired;
    return token_status::active;
}

token_status token_store::status(std::string_view token) { return status_of(tokens_.find(token)); }

bool token_store::active(std::string_view token) const
{
    return status_of(tokens_.find(token)) == token_status::active;
}

}  // namespace slack::mock::detail
