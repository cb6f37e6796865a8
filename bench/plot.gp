# Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
# Calls/s against calls in flight, one line per operation, client and connection mode.
# gnuplot -e "data='build/bench.json.dat'; out='build/bench.png'" bench/plot.gp
set terminal pngcairo size 1000,620 noenhanced
set output out
set title "SDK and baseline against the mock server (TLS 1.3, loopback, 2 cores)"
set xlabel "calls in flight"
set ylabel "calls/s"
set logscale xy
set xtics (1, 8, 64, 512)
set key outside right
set grid
plot for [i=0:*] data index i using 1:2 with linespoints title columnheader(1)
