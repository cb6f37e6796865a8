// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Slack's official Node SDK calling oauth.access on the mock server, BENCH_IN_FLIGHT calls at a
// time for BENCH_DURATION_MS after a warm-up. Prints one line for bench/main.cpp:
// calls failures seconds p50_us p99_us max_us cpu_us peak_rss_kb
import { WebClient, LogLevel } from '@slack/web-api';

const env = process.env;
const client = new WebClient(undefined, { slackApiUrl: env.SLACK_API_URL, logLevel: LogLevel.ERROR });
const inFlight = Number(env.BENCH_IN_FLIGHT);
const duration = Number(env.BENCH_DURATION_MS);
const params = { client_id: env.SLACK_CLIENT_ID, client_secret: env.SLACK_CLIENT_SECRET, code: env.BENCH_CODE };

const measureFrom = performance.now() + 300;
const stopAt = measureFrom + duration;
const latencies = [];
let failures = 0;
let cpuStart = null;
setTimeout(() => { cpuStart = process.cpuUsage(); }, 300);

async function worker() {
  while (performance.now() < stopAt) {
    const start = performance.now();
    try {
      await client.oauth.access(params);
      if (start >= measureFrom) latencies.push((performance.now() - start) * 1000);
    } catch (e) {
      failures++;
    }
  }
}

await Promise.all(Array.from({ length: inFlight }, worker));
const cpu = process.cpuUsage(cpuStart ?? undefined);
latencies.sort((a, b) => a - b);
const at = (p) => (latencies.length ? latencies[Math.floor(p * (latencies.length - 1))] : 0);
console.log([latencies.length, failures, duration / 1000, at(0.5), at(0.99), at(1), cpu.user + cpu.system,
             process.resourceUsage().maxRSS].join(' '));
