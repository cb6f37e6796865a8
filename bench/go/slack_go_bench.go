// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Slack's Go SDK (slack-go, Debian's golang-github-slack-go-slack-dev) against the mock server:
// BENCH_OPERATION (oauth.access, or chat.postMessage with the tokens and Block Kit bodies of
// BENCH_WORKLOAD), BENCH_IN_FLIGHT goroutines for BENCH_DURATION_MS after a 300 ms warm-up.
// Prints one line for bench/main.cpp, as bench/node does:
// calls failures seconds p50_us p99_us max_us cpu_us peak_rss_kb
package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/slack-go/slack"
)

type message struct {
	channel string
	text    string
	blocks  []slack.Block
}

func cpuMicroseconds() (float64, int64) {
	var usage syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	cpu := float64(usage.Utime.Sec+usage.Stime.Sec)*1e6 + float64(usage.Utime.Usec+usage.Stime.Usec)
	return cpu, usage.Maxrss
}

// The workload file: "token <t>" and "body <json>" lines (bench/main.cpp writes it).
func readWorkload(path string, apiURL string) ([]*slack.Client, []message, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer file.Close()
	var clients []*slack.Client
	var messages []message
	scanner := bufio.NewScanner(file)
	scanner.Buffer(make([]byte, 1<<16), 1<<20)
	for scanner.Scan() {
		line := scanner.Text()
		if len(line) > 6 && line[:6] == "token " {
			clients = append(clients, slack.New(line[6:], slack.OptionHTTPClient(httpClient), slack.OptionAPIURL(apiURL)))
		} else if len(line) > 5 && line[:5] == "body " {
			var body struct {
				Channel string       `json:"channel"`
				Text    string       `json:"text"`
				Blocks  slack.Blocks `json:"blocks"`
			}
			if err := json.Unmarshal([]byte(line[5:]), &body); err != nil {
				return nil, nil, err
			}
			messages = append(messages, message{body.Channel, body.Text, body.Blocks.BlockSet})
		}
	}
	return clients, messages, scanner.Err()
}

var httpClient *http.Client

// slack-go's oauth.access goes to the constant slack.APIURL: sent to the mock's host instead.
type toMock struct {
	host  string
	inner http.RoundTripper
}

func (t toMock) RoundTrip(request *http.Request) (*http.Response, error) {
	request.URL.Host = t.host
	request.Host = t.host
	return t.inner.RoundTrip(request)
}

func main() {
	env := os.Getenv
	inFlight, _ := strconv.Atoi(env("BENCH_IN_FLIGHT"))
	durationMs, _ := strconv.Atoi(env("BENCH_DURATION_MS"))
	pem, err := os.ReadFile(env("BENCH_CA_FILE"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(pem)
	mock, err := url.Parse(env("SLACK_API_URL"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	httpClient = &http.Client{Transport: toMock{mock.Host, &http.Transport{
		TLSClientConfig:     &tls.Config{RootCAs: roots},
		MaxIdleConnsPerHost: inFlight,
	}}}
	apiURL := env("SLACK_API_URL")

	var call func(k int) error
	switch env("BENCH_OPERATION") {
	case "oauth.access":
		call = func(int) error {
			_, err := slack.GetOAuthResponseContext(context.Background(), httpClient, env("SLACK_CLIENT_ID"),
				env("SLACK_CLIENT_SECRET"), env("BENCH_CODE"), "")
			return err
		}
	case "chat.postMessage":
		clients, messages, err := readWorkload(env("BENCH_WORKLOAD"), apiURL)
		if err != nil || len(clients) == 0 || len(messages) == 0 {
			fmt.Fprintln(os.Stderr, "bad workload file", err)
			os.Exit(1)
		}
		call = func(k int) error {
			m := messages[k%len(messages)]
			_, _, err := clients[k%len(clients)].PostMessageContext(context.Background(), m.channel,
				slack.MsgOptionText(m.text, false), slack.MsgOptionBlocks(m.blocks...))
			return err
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown BENCH_OPERATION")
		os.Exit(2)
	}

	measureFrom := time.Now().Add(300 * time.Millisecond)
	stopAt := measureFrom.Add(time.Duration(durationMs) * time.Millisecond)
	var mutex sync.Mutex
	var latencies []float64
	failures, next := 0, 0
	var cpuStart float64
	time.AfterFunc(time.Until(measureFrom), func() {
		mutex.Lock()
		cpuStart, _ = cpuMicroseconds()
		mutex.Unlock()
	})
	var group sync.WaitGroup
	for i := 0; i < inFlight; i++ {
		group.Add(1)
		go func() {
			defer group.Done()
			for time.Now().Before(stopAt) {
				start := time.Now()
				mutex.Lock()
				k := next
				next++
				mutex.Unlock()
				err := call(k)
				mutex.Lock()
				if err != nil {
					failures++
				} else if !start.Before(measureFrom) {
					latencies = append(latencies, float64(time.Since(start).Microseconds()))
				}
				mutex.Unlock()
			}
		}()
	}
	group.Wait()
	cpu, rss := cpuMicroseconds()
	sort.Float64s(latencies)
	at := func(p float64) float64 {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[int(p*float64(len(latencies)-1))]
	}
	fmt.Println(len(latencies), failures, float64(durationMs)/1000, at(0.5), at(0.99), at(1), cpu-cpuStart, rss)
}
