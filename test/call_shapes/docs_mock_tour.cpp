// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Runs the C++ block of docs/mock-server.md (docs_mock_server_1.cpp, made by CMake) and checks
// what its comments promise.
#include <cstdlib>
#include <iostream>

void mock_server_tour();

int main()
{
    try {
        mock_server_tour();
    } catch (const std::exception& e) {
        std::cerr << "FAIL: docs/mock-server.md's example: " << e.what() << '\n';
        return EXIT_FAILURE;
    }
    std::cout << "docs/mock-server.md's example ran\n";
}
