#include <slack/web/tls.hpp>

namespace slack::web {

boost::asio::ssl::context make_tls_context()
{
    namespace ssl = boost::asio::ssl;
    ssl::context context(ssl::context::tls_client);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
    context.set_default_verify_paths();
    context.set_verify_mode(ssl::verify_peer);
    return context;
}

}  // namespace slack::web
