#include "mock/behaviour.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/url/decode_view.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <vector>

namespace slack::mock::detail {

namespace json = boost::json;
namespace urls = boost::urls;

namespace {

constexpr std::string_view magic_prefix = "mock-";

outgoing_reply json_reply(const json::value& body, unsigned status = 200)
{
    outgoing_reply reply;
    reply.status = status;
    reply.body = json::serialize(body);
    return reply;
}

outgoing_reply slack_error(std::string_view error)
{
    json::object body{{"ok", false}, {"error", error}};
    if (error == "missing_scope") {
        body["needed"] = "channels:read";
        body["provided"] = "identify,bot";
    }
    return json_reply(body);
}

outgoing_reply html_reply(unsigned status)
{
    outgoing_reply reply;
    reply.status = status;
    reply.content_type = "text/html; charset=utf-8";
    reply.body = "<html><head><title>" + std::to_string(status) +
                 "</title></head><body><h1>Slack is having trouble</h1><p>Please try again.</p></body></html>";
    return reply;
}

// The success payloads of methods.json's examples, "ok" added.
json::object success_payload(std::string_view variant)
{
    if (variant == "minimal")
        return json::object{{"ok", true}, {"access_token", "xoxp-XXXXXXXX-XXXXXXXX-XXXXX"}, {"scope", "groups:write"},
                            {"team_name", "Wyld Stallyns LLC"}, {"team_id", "TXXXXXXXXX"}, {"enterprise_id", nullptr}};
    if (variant == "workspace")
        return json::object{{"ok", true},
                            {"access_token", "xoxa-access-token-string"},
                            {"token_type", "app"},
                            {"app_id", "A012345678"},
                            {"app_user_id", "U0NKHRW57"},
                            {"team_name", "Subarachnoid Workspace"},
                            {"team_id", "T061EG9R6"},
                            {"enterprise_id", nullptr},
                            {"authorizing_user", {{"user_id", "U061F7AUR"}, {"app_home", "D0PNCRP9N"}}},
                            {"installer_user", {{"user_id", "U061F7AUR"}, {"app_home", "D0PNCRP9N"}}},
                            {"scopes",
                             {{"app_home", {"chat:write", "im:history", "im:read"}},
                              {"team", json::array()},
                              {"channel", {"channels:history", "channels:read", "chat:write"}},
                              {"group", {"chat:write"}},
                              {"mpim", {"chat:write"}},
                              {"im", {"chat:write"}},
                              {"user", json::array()}}}};
    // "bot", the default: every documented oauth.access field, plus one Slack might add later.
    return json::object{{"ok", true},
                        {"access_token", "xoxp-XXXXXXXX-XXXXXXXX-XXXXX"},
                        {"scope", "incoming-webhook,commands,bot"},
                        {"team_name", "Team Installing Your Hook"},
                        {"team_id", "TXXXXXXXXX"},
                        {"user_id", "UXXXXXXXXX"},
                        {"enterprise_id", "EXXXXXXXXX"},
                        {"incoming_webhook",
                         {{"url", "https://hooks.slack.com/TXXXXX/BXXXXX/XXXXXXXXXX"},
                          {"channel", "#channel-it-will-post-to"},
                          {"channel_id", "C05002EAE"},
                          {"configuration_url", "https://teamname.slack.com/services/BXXXXX"}}},
                        {"bot", {{"bot_user_id", "UTTTTTTTTTTR"}, {"bot_access_token", "xoxb-XXXXXXXXXXXX-TTTTTTTTTTTTTT"}}},
                        {"is_future_field", {{"nested", json::array{1, 2, 3}}}}};
}

// Success bodies written as text, for what a JSON serializer would not produce.
std::optional<std::string_view> success_text(std::string_view variant)
{
    if (variant == "escaped")  // Slack's wire form escapes '/'; keys with dots must not pose as nested fields
        return R"({"ok":true,"access_token":"xoxp-1\u002d2","scope":"bot,commands","team_name":"Caf\u00e9 \"T\"",)"
               R"("team_id":"T1","bot.bot_access_token":"xoxb-no",)"
               R"("incoming_webhook":{"url":"https:\/\/hooks.slack.com\/T1\/B1\/X","channel":"#c"},)"
               R"("incoming_webhook.url":"https:\/\/elsewhere"})";
    if (variant == "repeated")  // a short escaped token; keys given twice
        return R"({"ok":true,"access_token":"x\u0031","bot":{"bot_user_id":"U1"},"bot":null,)"
               R"("team_id":"T1","team_id":null,"team_name":7,"team_name":"N"})";
    if (variant == "latin1")  // not UTF-8: "Café" in ISO 8859-1
        return "{\"ok\":true,\"access_token\":\"xoxp-1\",\"team_name\":\"Caf\xe9\",\"team_id\":\"T1\"}";
    return std::nullopt;
}

// Splits "mock-ratelimit-2-1-tag" at '-' into {"ratelimit", "2", "1", "tag"}.
std::vector<std::string_view> magic_words(std::string_view code)
{
    std::vector<std::string_view> words;
    code.remove_prefix(magic_prefix.size());
    while (true) {
        const auto dash = code.find('-');
        words.push_back(code.substr(0, dash));
        if (dash == std::string_view::npos)
            return words;
        code.remove_prefix(dash + 1);
    }
}

unsigned number(const std::vector<std::string_view>& words, std::size_t index, unsigned fallback)
{
    if (index >= words.size())
        return fallback;
    unsigned value = fallback;
    std::from_chars(words[index].data(), words[index].data() + words[index].size(), value);
    return value;
}

std::string http_date_after(unsigned seconds)
{
    // Rounded up: a client that honours the date never comes back inside the window.
    const std::time_t at = std::time(nullptr) + seconds + 1;
    std::tm parts{};
    ::gmtime_r(&at, &parts);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &parts);
    return buffer;
}

// "Basic base64(id:secret)" with form-encoded parts (RFC 6749 2.3.1).
bool decode_basic(std::string_view header, std::string& id, std::string& secret)
{
    constexpr std::string_view scheme = "Basic ";
    if (header.substr(0, scheme.size()) != scheme)
        return false;
    header.remove_prefix(scheme.size());
    std::string decoded(header.size(), '\0');
    const int size = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()),
                                     reinterpret_cast<const unsigned char*>(header.data()), static_cast<int>(header.size()));
    if (size < 0)
        return false;
    decoded.resize(static_cast<std::size_t>(size));
    // EVP_DecodeBlock counts the padding as decoded bytes: drop one byte per '=' (at most two).
    for (int padding = 0; padding < 2 && !header.empty() && header.back() == '=' && !decoded.empty(); ++padding) {
        header.remove_suffix(1);
        decoded.pop_back();
    }
    const auto colon = decoded.find(':');
    if (colon == std::string::npos)
        return false;
    auto decode_part = [](std::string_view part, std::string& out) {
        auto encoded = urls::make_pct_string_view(part);
        if (!encoded)
            return false;
        urls::decode_view view(*encoded, urls::encoding_opts(true));
        out.assign(view.begin(), view.end());
        return true;
    };
    return decode_part(std::string_view(decoded).substr(0, colon), id) &&
           decode_part(std::string_view(decoded).substr(colon + 1), secret);
}

}  // namespace

std::string oauth_app::mint_code(std::string_view redirect_uri)
{
    unsigned char random[20];
    if (RAND_bytes(random, sizeof random) != 1)
        throw std::runtime_error("mock: RAND_bytes failed");
    std::string code = "4724469134.";
    static constexpr char hex[] = "0123456789abcdef";
    for (unsigned char byte : random) {
        code += hex[byte >> 4];
        code += hex[byte & 15];
    }
    remember(code, std::string(redirect_uri));
    return code;
}

oauth_app::code_state& oauth_app::remember(std::string code, std::string redirect_uri)
{
    forget_expired();
    const std::size_t uri_bytes = redirect_uri.size();
    return codes_.insert(std::move(code), code_state{std::move(redirect_uri), clock::now() + options_.code_lifetime},
                         uri_bytes);
}

// A code past its lifetime answers invalid_code, remembered or not: forgetting it bounds memory.
void oauth_app::forget_expired()
{
    const auto now = clock::now();
    codes_.forget_oldest_while([now](const code_state& state) { return now > state.expires; });
}

outgoing_reply oauth_app::handle(const incoming_request& request, std::string& code)
{
    if (request.target == "/mock/codes" && request.method == "POST") {
        std::string redirect_uri;
        if (auto parsed = urls::parse_query(request.body)) {
            for (urls::param p : urls::params_view(parsed->buffer(), urls::encoding_opts(true)))
                if (p.key == "redirect_uri")
                    redirect_uri = p.value;
        }
        return json_reply(json::object{{"ok", true},
                                       {"code", mint_code(redirect_uri)},
                                       {"expires_in", options_.code_lifetime.count()}});
    }
    if (request.target.substr(0, 5) != "/api/") {
        outgoing_reply reply = html_reply(404);
        return reply;
    }
    if (request.target != "/api/oauth.access")
        return slack_error("unknown_method");
    if (request.method != "POST")
        return slack_error("invalid_post_type");
    if (request.content_type.empty())
        return slack_error("missing_post_type");
    const std::string_view type = request.content_type.substr(0, request.content_type.find(';'));
    if (type != "application/x-www-form-urlencoded")
        return slack_error("invalid_post_type");
    if (clock::now() < rate_limited_until_) {
        const auto left = std::chrono::ceil<std::chrono::seconds>(rate_limited_until_ - clock::now());
        outgoing_reply reply = slack_error("ratelimited");
        reply.status = 429;
        reply.retry_after = std::to_string(left.count());
        return reply;
    }
    return oauth_access(request.authorization, request.body, code);
}

outgoing_reply oauth_app::oauth_access(std::string_view authorization, std::string_view body, std::string& code)
{
    auto parsed = urls::parse_query(body);
    if (!parsed)
        return slack_error("invalid_form_data");
    std::string client_id, client_secret, redirect_uri;
    for (urls::param p : urls::params_view(parsed->buffer(), urls::encoding_opts(true))) {
        if (p.key == "client_id")
            client_id = p.value;
        else if (p.key == "client_secret")
            client_secret = p.value;
        else if (p.key == "code")
            code = p.value;
        else if (p.key == "redirect_uri")
            redirect_uri = p.value;
    }
    if (!authorization.empty() && !decode_basic(authorization, client_id, client_secret))
        return slack_error("invalid_auth");
    if (client_id != options_.client_id)
        return slack_error("invalid_client_id");
    if (client_secret != options_.client_secret)
        return slack_error("bad_client_secret");
    if (code.empty())
        return slack_error("invalid_code");

    const bool is_magic = code.substr(0, magic_prefix.size()) == magic_prefix;
    forget_expired();
    code_state* found = codes_.find(code);
    if (!found && !is_magic)
        return slack_error("invalid_code");  // never issued, expired, or forgotten beyond max_code_bytes
    code_state& state = found ? *found : remember(code, {});
    ++state.attempts;
    if (state.used)
        return slack_error("code_already_used");
    if (!state.redirect_uri.empty() && state.redirect_uri != redirect_uri)
        return slack_error("bad_redirect_uri");
    if (is_magic)
        return magic(code, state);
    state.used = true;
    return json_reply(success_payload("bot"));
}

outgoing_reply oauth_app::magic(std::string_view code, code_state& state)
{
    const std::vector<std::string_view> words = magic_words(code);
    const std::string_view what = words[0];
    auto succeed = [&state](std::string_view variant = "bot") {
        state.used = true;
        return json_reply(success_payload(variant));
    };

    if (what == "reusable") {  // for load tests: succeeds every time, never spent
        static const std::string body = json::serialize(success_payload("bot"));
        state.attempts = 0;
        outgoing_reply reply;
        reply.body = body;
        return reply;
    }
    if (what == "error")
        return slack_error(words.size() > 1 ? words[1] : "unknown_error");
    if (what == "payload" && words.size() > 1) {
        if (const std::optional<std::string_view> text = success_text(words[1])) {
            state.used = true;
            outgoing_reply reply;
            reply.body = *text;
            return reply;
        }
    }
    if (what == "payload")
        return succeed(words.size() > 1 ? words[1] : "bot");
    if (what == "warning") {
        json::object body = success_payload("bot");
        const std::string_view warning = words.size() > 1 ? words[1] : "superfluous_charset";
        body["warning"] = warning;
        body["response_metadata"] = {{"warnings", {warning}}, {"messages", {"[WARN] mock warning"}}};
        state.used = true;
        return json_reply(body);
    }
    if (what == "ratelimit" || what == "ratelimitdate" || what == "ratelimitbare") {
        const bool bare = what == "ratelimitbare";
        const unsigned times = number(words, 1, 1);
        const unsigned seconds = bare ? 1 : number(words, 2, 1);
        if (state.attempts > times)
            return succeed();
        outgoing_reply reply = slack_error("ratelimited");
        reply.status = 429;
        if (what == "ratelimit")
            reply.retry_after = std::to_string(seconds);
        else if (what == "ratelimitdate")
            reply.retry_after = http_date_after(seconds);
        // Like Slack, the limit holds for the method, not just this code.
        rate_limited_until_ = clock::now() + std::chrono::seconds(seconds);
        return reply;
    }
    if (what == "status") {
        if (state.attempts > number(words, 2, 1))
            return succeed();
        const unsigned status = number(words, 1, 503);
        return html_reply(status >= 100 && status <= 999 ? status : 503);  // what a status line can carry
    }
    if (what == "unavailable") {
        if (state.attempts > number(words, 1, 1))
            return succeed();
        return slack_error("service_unavailable");
    }
    if (what == "delay") {
        outgoing_reply reply = succeed();
        reply.delay = std::chrono::milliseconds(number(words, 1, 1000));
        return reply;
    }
    if (what == "chunked") {  // success, the body in chunks (no Content-Length)
        outgoing_reply reply = succeed();
        reply.chunked = true;
        return reply;
    }
    if (what == "cut") {  // a 429 with Retry-After whose body stops halfway: no usable answer
        outgoing_reply reply = slack_error("ratelimited");
        reply.status = 429;
        reply.retry_after = "7";
        reply.cut_body = true;
        return reply;
    }
    if (what == "close") {
        outgoing_reply reply = succeed();
        reply.close_without_reply = true;
        return reply;
    }
    if (what == "malformed") {
        outgoing_reply reply;
        reply.body = R"({"ok":true,"access_token":"xoxp-trunc)";
        return reply;
    }
    if (what == "wrongtype")
        return json_reply(json::object{{"ok", true}, {"access_token", 42}, {"team_id", "T1"}});
    if (what == "notobject")
        return json_reply(json::array{"ok", true});
    if (what == "html") {
        outgoing_reply reply = html_reply(200);
        return reply;
    }
    if (what == "oversized") {
        json::object body = success_payload("bot");
        const std::size_t asked = number(words, 1, 2 * 1024 * 1024);
        body["padding"] = std::string(std::min(asked, max_oversized_bytes), 'x');
        state.used = true;
        return json_reply(body);
    }
    return slack_error("invalid_code");
}

}  // namespace slack::mock::detail
