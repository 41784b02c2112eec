#!/usr/bin/env python3
"""A local stand-in for the canary's load balancer, for the `gen probe` tests.

Answers GET requests with `canary` with probability --canary-share, otherwise
`stable`, from a seeded generator so a run's tally is reproducible. GET /slow
waits 3 seconds first; GET /broken answers 503; GET /json answers
{"version": ...}; GET /failing-canary answers 500 when the canary answers. Listens on 127.0.0.1 on a free
port and prints `READY <port>` once it accepts connections.
"""
import argparse
import http.server
import random
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--canary-share", type=float, required=True)
parser.add_argument("--seed", type=int, default=1)
options = parser.parse_args()
generator = random.Random(options.seed)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/broken":
            self.send_response(503)
            self.end_headers()
            return
        body = b"canary\n" if generator.random() < options.canary_share else b"stable\n"
        if self.path == "/json":
            body = b'{"version": "%s", "host": "10.0.1.7"}' % body.strip()
        failing = self.path == "/failing-canary" and body == b"canary\n"
        self.send_response(500 if failing else 200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *arguments):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the probe gave up waiting (the timeout test)


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(f"READY {server.server_address[1]}", flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
sys.exit(0)
