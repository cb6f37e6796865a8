// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Callback style, no coroutine: any completion token works, a plain handler included. It runs
// on the client's executor (here the io_context's thread) once the call is done.
//   example_callback TOKEN      (environment: example_env.hpp)
#include "example_env.hpp"

#include <slack/slack.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: example_callback TOKEN\n";
        return 2;
    }
    boost::asio::io_context ioc;
    slack::web::client client = example::make_client(ioc.get_executor());
    int status = 1;
    // auth.test copies its params when the call starts: argv[1] need not outlive this line.
    slack::web::auth(client).test({.token = argv[1]}, [&](boost::system::result<slack::web::auth_test_response> who) {
        if (who) {
            std::cout << "the token is " << who->user_id() << "'s on " << who->team() << '\n';
            status = 0;
        } else {
            std::cerr << "auth.test failed: " << who.error().message() << '\n';
        }
    });
    ioc.run();  // returns when the call is done: the client keeps no timer or thread
    return status;
}
