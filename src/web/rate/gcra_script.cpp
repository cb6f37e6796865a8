// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/rate/gcra_script.hpp"

#include "crypto/hmac.hpp"
#include "redis/errc.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace slack::web::detail {
namespace {

// Times are microseconds of Redis's clock, kept as integers (Lua's numbers are doubles: exact
// to 2^53, and formatted with %.0f, since Redis would write them with 14 digits).
constexpr std::string_view script = R"lua(
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local expiry = tonumber(ARGV[5])
if expiry > 0 and now > expiry then
  return {-1, 0, now}
end
local state = redis.call('HMGET', KEYS[1], 'tat', 'blocked')
local tat = tonumber(state[1]) or 0
local blocked = tonumber(state[2]) or 0
local wait, reserved = 0, 0
if ARGV[1] == 'block' then
  blocked = math.max(blocked, now + math.max(tonumber(ARGV[2]), 0))
else
  local interval = tonumber(ARGV[2])
  local burst = math.max(tonumber(ARGV[3]), 1)
  local send_at = math.max(now, blocked, tat - (burst - 1) * interval)
  wait = send_at - now
  if wait > tonumber(ARGV[4]) then
    return {wait, 0, now}
  end
  tat = math.max(tat, send_at) + interval
  reserved = 1
end
redis.call('HSET', KEYS[1], 'tat', string.format('%.0f', tat), 'blocked', string.format('%.0f', blocked))
-- Once both times have passed the key is no different from a missing one: let it go then.
local idle_ms = math.floor((math.max(tat, blocked) - now) / 1000) + 1
redis.call('PEXPIRE', KEYS[1], string.format('%.0f', idle_ms))
return {wait, reserved, now}
)lua";

std::string sha1_hex(std::string_view text)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha1(), nullptr) != 1)
        throw std::runtime_error("SHA-1 is not available from OpenSSL");
    return crypto::hex(std::string_view(reinterpret_cast<const char*>(digest), size));
}

boost::system::error_code read_answer(const redis::reply& r, script_answer& out)
{
    if (r.type != redis::reply::kind::array || r.elements.size() != 3)
        return redis::errc::bad_reply;
    for (const auto& e : r.elements)
        if (e.type != redis::reply::kind::integer)
            return redis::errc::bad_reply;
    out.expired = r.elements[0].integer < 0;
    out.wait = std::chrono::microseconds(out.expired ? 0 : r.elements[0].integer);
    out.reserved = r.elements[1].integer == 1;
    out.redis_now = std::chrono::microseconds(r.elements[2].integer);
    return {};
}

bool is_noscript(const redis::reply& r) { return r.is_error() && r.text.starts_with("NOSCRIPT"); }

// One run of the script with its arguments: EVALSHA, and EVAL (which loads it again) when the
// server has lost it (a restart, SCRIPT FLUSH, another node).
struct evaluation {
    std::shared_ptr<redis::connection> connection;
    std::string key;
    std::string mode, a, b, c, expiry;
    redis::clock::time_point deadline;
    boost::asio::any_completion_handler<script_signature> handler;

    void finish(boost::system::error_code ec, const redis::reply& r)
    {
        script_answer answer;
        if (!ec)
            ec = read_answer(r, answer);
        std::move(handler)(ec, answer);
    }

    // The call's views point into the evaluation, which stays where it is while its owner moves.
    static void start(evaluation e)
    {
        auto owned = std::make_unique<evaluation>(std::move(e));
        evaluation& x = *owned;
        x.connection->request({"EVALSHA", gcra_script_sha(), "1", x.key, x.mode, x.a, x.b, x.c, x.expiry}, x.deadline,
                              [owned = std::move(owned)](boost::system::error_code ec, redis::reply r) mutable {
                                  if (ec || !is_noscript(r))
                                      return owned->finish(ec, r);
                                  load_and_run(std::move(owned));
                              });
    }

    static void load_and_run(std::unique_ptr<evaluation> owned)
    {
        evaluation& x = *owned;
        x.connection->request(
            {"EVAL", script, "1", x.key, x.mode, x.a, x.b, x.c, x.expiry}, x.deadline,
            [owned = std::move(owned)](boost::system::error_code ec, redis::reply r) mutable { owned->finish(ec, r); });
    }
};

}  // namespace

std::string_view gcra_script_text() noexcept { return script; }

const std::string& gcra_script_sha()
{
    static const std::string sha = sha1_hex(script);
    return sha;
}

void gcra_acquire(const std::shared_ptr<redis::connection>& connection, std::string key,
                  std::chrono::microseconds interval, unsigned burst, std::chrono::microseconds max_wait,
                  std::chrono::microseconds expiry, redis::clock::time_point deadline,
                  boost::asio::any_completion_handler<script_signature> handler)
{
    evaluation::start({connection, std::move(key), "acquire", std::to_string(interval.count()), std::to_string(burst),
                       std::to_string(max_wait.count()), std::to_string(expiry.count()), deadline, std::move(handler)});
}

void gcra_block(const std::shared_ptr<redis::connection>& connection, std::string key,
                std::chrono::microseconds retry_after, std::chrono::microseconds expiry,
                redis::clock::time_point deadline, boost::asio::any_completion_handler<script_signature> handler)
{
    evaluation::start({connection, std::move(key), "block", std::to_string(retry_after.count()), "0", "0",
                       std::to_string(expiry.count()), deadline, std::move(handler)});
}

}  // namespace slack::web::detail
