#pragma once
#include <boost/json/fwd.hpp>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slack::web {

namespace detail {
struct access_response_builder;
}

/// `incoming_webhook` of an oauth.access answer (views into the access_response).
struct incoming_webhook {
    std::string_view url{};
    std::string_view channel{};
    std::string_view channel_id{};
    std::string_view configuration_url{};
};

/// `bot` of an oauth.access answer (views into the access_response).
struct bot_credentials {
    std::string_view bot_user_id{};
    std::string_view bot_access_token{};
};

/// A successful oauth.access answer. It owns its text: the views it hands out stay valid as
/// long as it lives and is not assigned to (a move keeps them valid; a copy hands out its own).
/// Copy a field into a std::string to keep it longer. Fields Slack did not send are empty /
/// nullopt; `body()` is the whole answer, fields added by Slack later included.
class access_response {
public:
    std::string_view access_token() const noexcept { return view(access_token_); }
    std::string_view scope() const noexcept { return view(scope_); }  ///< As sent: comma-separated.
    std::vector<std::string_view> scopes() const;                      ///< `scope` split at commas.
    std::string_view team_name() const noexcept { return view(team_name_); }
    std::string_view team_id() const noexcept { return view(team_id_); }
    std::string_view user_id() const noexcept { return view(user_id_); }
    /// nullopt when null or absent.
    std::optional<std::string_view> enterprise_id() const noexcept;
    /// `incoming_webhook`; nullopt when null or absent.
    std::optional<incoming_webhook> webhook() const noexcept;
    std::optional<bot_credentials> bot() const noexcept;
    /// `warning` codes and `response_metadata.warnings`.
    const std::vector<std::string>& warnings() const noexcept { return warnings_; }

    /// The response body as received: a JSON object.
    std::string_view body() const noexcept { return body_; }
    /// `body()` parsed (on each call). To use it, include <boost/json/object.hpp>.
    boost::json::object raw() const;

private:
    friend struct detail::access_response_builder;

    // Where a field's text sits: in body_ when the JSON string had no escapes, else in text_;
    // offset `absent` when Slack did not send it.
    struct text_span {
        static constexpr std::size_t absent = static_cast<std::size_t>(-1);
        std::size_t offset = absent;
        std::size_t size = 0;
        bool in_body = false;
    };
    // A string whose text never sits inline (small-string storage), so that views into it
    // survive a move of the access_response, also after a copy.
    struct heap_text {
        std::string text;
        heap_text() = default;
        heap_text(const heap_text& other)
        {
            if (!other.text.empty()) {
                text.reserve(std::max<std::size_t>(other.text.size(), 32));
                text.assign(other.text);
            }
        }
        heap_text& operator=(const heap_text& other)
        {
            if (this != &other) {
                heap_text copy(other);
                text = std::move(copy.text);
            }
            return *this;
        }
        heap_text(heap_text&&) noexcept = default;
        heap_text& operator=(heap_text&&) noexcept = default;
    };

    std::string_view view(text_span s) const noexcept
    {
        const std::string& in = s.in_body ? body_ : text_.text;
        if (s.offset == text_span::absent || s.offset > in.size())
            return {};
        return {in.data() + s.offset, std::min(s.size, in.size() - s.offset)};
    }

    std::string body_;  // at least `{"ok":true,"access_token":"x"}`: never inline either
    heap_text text_;    // values that had escapes, unescaped, one after another (usually empty)
    text_span access_token_, scope_, team_name_, team_id_, user_id_, enterprise_id_;
    text_span webhook_url_, webhook_channel_, webhook_channel_id_, webhook_configuration_url_;
    text_span bot_user_id_, bot_access_token_;
    bool has_webhook_ = false;
    bool has_bot_ = false;
    std::vector<std::string> warnings_;
};

}  // namespace slack::web
