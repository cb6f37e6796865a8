// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// TLS peers the client must refuse during the handshake, before any byte of the request (and
// its credentials) leaves: an expired certificate, one from an unknown CA, one for another host,
// a server that offers only TLS 1.1. The certificates are made with the openssl CLI at run
// time. Each refusal has a control that differs only in what is tested and is accepted, so
// that the refusal has the reason its test names.
#include "integration/mock_fixture.hpp"
#include "integration/raw_peer.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace {

namespace asio = boost::asio;
namespace web = slack::web;
using boost::system::error_code;
using slack::test::access_result;
using slack::test::describe;
using slack::test::peer_connection;
using slack::test::raw_peer;
using namespace std::chrono_literals;

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct issued_certificate {
    std::string certificate_pem;
    std::string key_pem;
};

// Validity periods for scratch_ca::issue (openssl ca options).
constexpr std::string_view valid_for_a_day = "-days 1";
constexpr std::string_view expired_in_2020 = "-startdate 20200101000000Z -enddate 20200102000000Z";

// A CA made with the openssl CLI in a scratch directory that goes with it. Leaves are issued by
// `openssl ca`, which (unlike `openssl x509` in OpenSSL 3.0) takes any validity period.
class scratch_ca {
public:
    explicit scratch_ca(std::string_view name) : dir_(make_scratch_directory())
    {
        std::ofstream(dir_ / "index.txt");
        std::ofstream(dir_ / "serial") << "01\n";
        std::ofstream(dir_ / "openssl.cnf") << "[req]\n"
                                               "distinguished_name = dn\n"
                                               "x509_extensions = ca_extensions\n"
                                               "prompt = no\n"
                                               "[dn]\n"
                                               "CN = "
                                            << name
                                            << "\n"
                                               "[ca_extensions]\n"
                                               "basicConstraints = critical, CA:TRUE\n"
                                               "keyUsage = critical, keyCertSign, cRLSign\n"
                                               "subjectKeyIdentifier = hash\n"
                                               "[ca]\n"
                                               "default_ca = scratch\n"
                                               "[scratch]\n"
                                               "database = "
                                            << path("index.txt")
                                            << "\n"
                                               "new_certs_dir = "
                                            << dir_.string()
                                            << "\n"
                                               "serial = "
                                            << path("serial")
                                            << "\n"
                                               "default_md = sha256\n"
                                               "policy = any_subject\n"
                                               "unique_subject = no\n"
                                               "[any_subject]\n"
                                               "commonName = supplied\n";
        openssl("req -x509 -days 2 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " + path("ca.key") +
                " -out " + path("ca.pem"));
        certificate_pem_ = read_file(dir_ / "ca.pem");
    }
    ~scratch_ca()
    {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    scratch_ca(const scratch_ca&) = delete;
    scratch_ca& operator=(const scratch_ca&) = delete;

    const std::string& certificate_pem() const noexcept { return certificate_pem_; }

    /// A server certificate for `subject_alt_name` (e.g. "IP:127.0.0.1"), valid as `validity` says.
    issued_certificate issue(std::string_view subject_alt_name, std::string_view validity = valid_for_a_day)
    {
        const std::string leaf = "leaf" + std::to_string(++issued_);
        std::ofstream(dir_ / (leaf + ".ext")) << "subjectAltName = " << subject_alt_name << "\n"
                                              << "basicConstraints = CA:FALSE\n"
                                                 "extendedKeyUsage = serverAuth\n";
        openssl("req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=" + leaf + " -keyout " +
                path(leaf + ".key") + " -out " + path(leaf + ".csr"));
        openssl("ca -batch -notext -cert " + path("ca.pem") + " -keyfile " + path("ca.key") + " -in " +
                path(leaf + ".csr") + " -out " + path(leaf + ".pem") + " -extfile " + path(leaf + ".ext") + " " +
                std::string(validity));
        return {read_file(dir_ / (leaf + ".pem")), read_file(dir_ / (leaf + ".key"))};
    }

private:
    static std::filesystem::path make_scratch_directory()
    {
        std::string name = (std::filesystem::temp_directory_path() / "slack-tls-test-XXXXXX").string();
        if (!::mkdtemp(name.data()))
            throw std::runtime_error("mkdtemp failed");
        return name;
    }

    std::string path(const std::string& file) const { return "'" + (dir_ / file).string() + "'"; }

    // Runs `openssl <arguments> -config <ours>`; the output goes to a log shown on failure.
    void openssl(const std::string& arguments) const
    {
        const std::string command =
            "openssl " + arguments + " -config " + path("openssl.cnf") + " >" + path("openssl.log") + " 2>&1";
        BOOST_REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command << ":\n" << read_file(dir_ / "openssl.log"));
    }

    std::filesystem::path dir_;
    std::string certificate_pem_;
    unsigned issued_ = 0;
};

// OpenSSL's reason code inside an asio.ssl error.
int ssl_reason(const error_code& ec)
{
    return ERR_GET_REASON(static_cast<unsigned long>(static_cast<unsigned>(ec.value())));
}

// A peer presenting `certificate` (its own, for 127.0.0.1, when empty) to a client trusting
// `trusted_ca_pem`, without retries.
struct tls_fixture {
    tls_fixture(const issued_certificate& certificate, const std::string& trusted_ca_pem)
        : peer(ioc, answer_once(server_saw), {"127.0.0.1"}, certificate.certificate_pem, certificate.key_pem)
    {
        tls->add_certificate_authority(asio::buffer(trusted_ca_pem.empty() ? peer.ca_pem() : trusted_ca_pem));
        options.api_url = peer.api_url();
        options.retry = slack::retry_policy::none();
        options.timeout = 2s;
        options.attempt_timeout = 1s;
    }
    tls_fixture() : tls_fixture({}, {}) {}
    ~tls_fixture()
    {
        peer.stop();
        ioc.restart();
        ioc.run_for(200ms);
    }

    access_result access(std::shared_ptr<asio::ssl::context> client_tls)
    {
        web::client client(ioc.get_executor(), std::move(client_tls), options);
        const web::access_params p{.client_id = "1.2", .client_secret = "s", .code = "C-1"};
        return slack::test::access_once(ioc, client, p, diag, options.timeout + 500ms);
    }
    access_result access() { return access(tls); }

    // Keeps the handshake's outcome as the server saw it (a refusing client's alert), then answers.
    static raw_peer::script answer_once(std::optional<error_code>& handshake_error)
    {
        return [&handshake_error](peer_connection& c) -> asio::awaitable<void> {
            handshake_error = co_await c.try_handshake();
            if (*handshake_error)
                co_return;
            const std::string request = co_await c.read_request();
            if (request.empty())
                co_return;
            co_await c.write(slack::test::http_response(200, R"({"ok":true,"access_token":"xoxp-tls"})"));
            co_await c.hold(5s);
        };
    }

    asio::io_context ioc;
    std::optional<error_code> server_saw;  // set once the peer's handshake ended
    raw_peer peer;
    std::shared_ptr<asio::ssl::context> tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    web::client_options options;
    slack::diagnostics diag;
};

void require_accepted(const tls_fixture& fx, const access_result& r)
{
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
    BOOST_TEST(r->access_token() == "xoxp-tls");
    BOOST_TEST((fx.server_saw == error_code()));
    BOOST_TEST(fx.peer.requests() == 1u);
}

// Refused in the handshake with an SSL error (`client_reason`), the peer got the client's
// alert (with `alert_reason`, when given), and no request arrived: one attempt, nothing sent.
void require_refused(tls_fixture& fx, const access_result& r, int client_reason, std::optional<int> alert_reason)
{
    BOOST_REQUIRE_MESSAGE(r.has_error(), "the call succeeded");
    BOOST_TEST((r.error().category() == asio::error::get_ssl_category()), describe(r));
    BOOST_TEST(ssl_reason(r.error()) == client_reason, describe(r));
    // The client is done when it sends its alert; the peer reads it a moment later.
    slack::test::run_until(
        fx.ioc, [&] { return fx.server_saw.has_value(); }, 1s);
    const error_code alert = fx.server_saw.value_or(error_code());
    BOOST_TEST((alert.category() == asio::error::get_ssl_category()), alert.to_string());
    if (alert_reason)
        BOOST_TEST(ssl_reason(alert) == *alert_reason, alert.message());
    BOOST_TEST(fx.peer.requests() == 0u);
    BOOST_TEST(fx.diag.attempts == 1u);
    BOOST_TEST(fx.diag.http_status == 0u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tls)

BOOST_AUTO_TEST_CASE(a_current_certificate_for_the_host_from_a_trusted_ca_is_accepted)
{
    scratch_ca ca("trusted test CA");
    tls_fixture fx(ca.issue("IP:127.0.0.1"), ca.certificate_pem());
    require_accepted(fx, fx.access());
}

BOOST_AUTO_TEST_CASE(an_expired_certificate_is_refused_before_the_request_leaves)
{
    scratch_ca ca("trusted test CA");
    tls_fixture fx(ca.issue("IP:127.0.0.1", expired_in_2020), ca.certificate_pem());
    require_refused(fx, fx.access(), SSL_R_CERTIFICATE_VERIFY_FAILED, SSL_R_SSLV3_ALERT_CERTIFICATE_EXPIRED);
}

BOOST_AUTO_TEST_CASE(a_certificate_from_an_unknown_ca_is_refused_before_the_request_leaves)
{
    scratch_ca trusted("trusted test CA");
    scratch_ca unknown("unknown test CA");
    tls_fixture fx(unknown.issue("IP:127.0.0.1"), trusted.certificate_pem());
    require_refused(fx, fx.access(), SSL_R_CERTIFICATE_VERIFY_FAILED, SSL_R_TLSV1_ALERT_UNKNOWN_CA);
}

BOOST_AUTO_TEST_CASE(a_certificate_for_another_host_is_refused_before_the_request_leaves)
{
    scratch_ca ca("trusted test CA");
    tls_fixture fx(ca.issue("DNS:evil.example, IP:127.0.0.2"), ca.certificate_pem());
    require_refused(fx, fx.access(), SSL_R_CERTIFICATE_VERIFY_FAILED, std::nullopt);
}

// The host is checked by OpenSSL itself (X509_VERIFY_PARAM_set1_ip_asc / SSL_set1_host), not
// by asio's host_name_verification callback, which refused without an X509 error (an
// internal_error alert, X509_V_ERR_UNSPECIFIED): now bad_certificate, and the caller is told why.
BOOST_AUTO_TEST_CASE(a_host_name_mismatch_is_named_as_a_bad_certificate)
{
    scratch_ca ca("trusted test CA");
    tls_fixture fx(ca.issue("DNS:evil.example, IP:127.0.0.2"), ca.certificate_pem());
    require_refused(fx, fx.access(), SSL_R_CERTIFICATE_VERIFY_FAILED, SSL_R_SSLV3_ALERT_BAD_CERTIFICATE);
    BOOST_TEST(fx.diag.client_message.find("IP address mismatch") != std::string::npos, fx.diag.client_message);
}

// OpenSSL 3 offers TLS 1.1 only at security level 0. The control client, which allows it,
// shows that the peer does speak TLS 1.1: the client's own minimum (1.2) refuses it.
BOOST_AUTO_TEST_CASE(a_server_offering_only_tls_1_1_is_refused_before_the_request_leaves)
{
    tls_fixture fx;
    SSL_CTX* server = fx.peer.tls().native_handle();
    SSL_CTX_set_security_level(server, 0);
    BOOST_REQUIRE(SSL_CTX_set_min_proto_version(server, TLS1_1_VERSION) == 1);
    BOOST_REQUIRE(SSL_CTX_set_max_proto_version(server, TLS1_1_VERSION) == 1);

    require_refused(fx, fx.access(), SSL_R_TLSV1_ALERT_PROTOCOL_VERSION, SSL_R_UNSUPPORTED_PROTOCOL);

    auto tls_1_1_client = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
    SSL_CTX_set_security_level(tls_1_1_client->native_handle(), 0);
    SSL_CTX_set_min_proto_version(tls_1_1_client->native_handle(), TLS1_1_VERSION);
    tls_1_1_client->add_certificate_authority(asio::buffer(fx.peer.ca_pem()));
    tls_1_1_client->set_verify_mode(asio::ssl::verify_peer);
    require_accepted(fx, fx.access(tls_1_1_client));
}

BOOST_AUTO_TEST_SUITE_END()
