// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/rate/gcra_script.hpp"

#include "crypto/hmac.hpp"
#include "redis/cluster.hpp"
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

// A request redirected more often than this is given up (a cluster still resharding).
constexpr int max_redirections = 3;

// One run of the script with its arguments: EVALSHA, and EVAL (which loads it again) when the
// server has lost it (a restart, SCRIPT FLUSH, another node). On a cluster (`nodes` set) the
// request goes to the key's node, and follows MOVED and ASK to another, all by one deadline.
struct evaluation {
    std::shared_ptr<redis::connection> connection;
    std::shared_ptr<redis::cluster> nodes;  // none: the one server `connection` names
    std::string key;
    std::string mode, a, b, c, expiry;
    redis::clock::time_point deadline;
    boost::asio::any_completion_handler<script_signature> handler;
    int redirections = 0;
    bool asking = false;  // an ASK sent it here: ASKING first, each time

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
        if (owned->nodes)
            owned->connection = owned->nodes->for_key(owned->key);
        run(std::move(owned));
    }

    static void run(std::unique_ptr<evaluation> owned)
    {
        evaluation& x = *owned;
        x.ask_first();
        x.connection->request({"EVALSHA", gcra_script_sha(), "1", x.key, x.mode, x.a, x.b, x.c, x.expiry}, x.deadline,
                              [owned = std::move(owned)](boost::system::error_code ec, redis::reply r) mutable {
                                  if (ec && owned->nodes)  // that node may be gone: the seed knows
                                      owned->nodes->forget(owned->key);
                                  if (ec || !r.is_error())
                                      return owned->finish(ec, r);
                                  if (is_noscript(r))
                                      return load_and_run(std::move(owned));
                                  redirect(std::move(owned), r);
                              });
    }

    static void load_and_run(std::unique_ptr<evaluation> owned)
    {
        evaluation& x = *owned;
        x.ask_first();
        x.connection->request({"EVAL", script, "1", x.key, x.mode, x.a, x.b, x.c, x.expiry}, x.deadline,
                              [owned = std::move(owned)](boost::system::error_code ec, redis::reply r) mutable {
                                  if (ec || !r.is_error())
                                      return owned->finish(ec, r);
                                  redirect(std::move(owned), r);
                              });
    }

    // An error reply: a MOVED or ASK is followed (on a cluster), anything else is the answer.
    static void redirect(std::unique_ptr<evaluation> owned, const redis::reply& r)
    {
        const auto to = owned->nodes ? redis::redirection_of(r) : std::nullopt;
        if (!to)
            return owned->finish({}, r);
        if (++owned->redirections > max_redirections)
            return owned->finish(redis::errc::too_many_redirections, r);
        owned->connection = owned->nodes->follow(*to);
        if (!owned->connection)  // more nodes than the limiter keeps connections to
            return owned->finish(redis::errc::too_many_redirections, r);
        owned->asking = to->ask;
        run(std::move(owned));
    }

    // ASKING, pipelined just before the request: the migrating slot's new node then takes it.
    // Its reply says nothing the request's own will not (a refusal comes back as MOVED). Another
    // thread's request may come between the two: this one then meets ASK again, a redirection
    // more.
    void ask_first() const
    {
        if (asking)
            connection->request({"ASKING"}, deadline, [](boost::system::error_code, redis::reply) {});
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
    evaluation::start({connection, nullptr, std::move(key), "acquire", std::to_string(interval.count()),
                       std::to_string(burst), std::to_string(max_wait.count()), std::to_string(expiry.count()),
                       deadline, std::move(handler)});
}

void gcra_acquire(const std::shared_ptr<redis::cluster>& nodes, std::string key, std::chrono::microseconds interval,
                  unsigned burst, std::chrono::microseconds max_wait, std::chrono::microseconds expiry,
                  redis::clock::time_point deadline, boost::asio::any_completion_handler<script_signature> handler)
{
    evaluation::start({nullptr, nodes, std::move(key), "acquire", std::to_string(interval.count()),
                       std::to_string(burst), std::to_string(max_wait.count()), std::to_string(expiry.count()),
                       deadline, std::move(handler)});
}

void gcra_block(const std::shared_ptr<redis::connection>& connection, std::string key,
                std::chrono::microseconds retry_after, std::chrono::microseconds expiry,
                redis::clock::time_point deadline, boost::asio::any_completion_handler<script_signature> handler)
{
    evaluation::start({connection, nullptr, std::move(key), "block", std::to_string(retry_after.count()), "0", "0",
                       std::to_string(expiry.count()), deadline, std::move(handler)});
}

void gcra_block(const std::shared_ptr<redis::cluster>& nodes, std::string key, std::chrono::microseconds retry_after,
                std::chrono::microseconds expiry, redis::clock::time_point deadline,
                boost::asio::any_completion_handler<script_signature> handler)
{
    evaluation::start({nullptr, nodes, std::move(key), "block", std::to_string(retry_after.count()), "0", "0",
                       std::to_string(expiry.count()), deadline, std::move(handler)});
}

}  // namespace slack::web::detail
