import Deploy
import TestSupport
import Testing

/// `gen probe` against a local server that answers `stable` or `canary` with a
/// chosen probability (Fixtures/split_server.py, seeded, so each tally is exact).
@Suite("gen probe")
struct ProbeTests {
  /// Starts the server, runs `gen probe ARGUMENTS --url http://127.0.0.1:PORT/PATH`, stops the server.
  func probe(canaryShare: Double, path: String = "/whoami", _ arguments: [String]) throws -> (
    status: Int32, output: String, error: String
  ) {
    let binary = try #require(builtProduct("gen"), "gen was not built")
    let server = try BackgroundProcess([
      "python3", "\(testsDirectory)/Fixtures/split_server.py", "--canary-share", "\(canaryShare)",
    ])
    defer { server.terminate() }
    let ready = try #require(server.readLine(), "the split server did not start")
    let port = try #require(ready.split(separator: " ").last.map(String.init))
    return try run([binary, "probe", "--url", "http://127.0.0.1:\(port)\(path)"] + arguments)
  }

  @Test("a split that matches the weights: exact tally, interval, and agreement (exit 0)")
  func matchingSplit() throws {
    // The server's seed is fixed: a 95% interval misses a correct split about
    // one time in twenty, and this run is one of the nineteen, every time.
    let result = try probe(canaryShare: 0.25, ["--expect", "75", "25", "--requests", "400"])
    #expect(result.error == "")
    #expect(result.status == 0)
    #expect(
      result.output.hasSuffix(
        """
        400 requests, 400 answered by a known version

        Track   Answers  Observed  95% interval    Configured
        stable  293      73.3%     68.7%–77.4%     75%
        canary  107      26.8%     22.6%–31.3%     25%

        Verdict: the observed split agrees with the configured weights (95% interval).

        """))
  }

  @Test("a clearly different split disagrees (exit 1) and says which track is off")
  func mismatchingSplit() throws {
    let result = try probe(canaryShare: 0.5, ["--expect", "95", "5", "--requests", "200"])
    #expect(result.status == 1)
    #expect(result.output.contains("outside the interval"))
    #expect(
      result.output.hasSuffix(
        "Verdict: the observed split does NOT agree with the configured weights (95% interval).\n"))
  }

  @Test("answers naming the version inside JSON are counted")
  func jsonAnswers() throws {
    let result = try probe(canaryShare: 0.25, path: "/json", ["--expect", "75", "25", "--requests", "400"])
    #expect(result.status == 0)
    #expect(result.output.contains("stable  293 "))
  }

  @Test("timeouts and HTTP errors are reported apart from the tally (exit 2 when nothing answered)")
  func timeoutsAndErrors() throws {
    let slow = try probe(
      canaryShare: 0.25, path: "/slow", ["--expect", "75", "25", "--requests", "2", "--timeout", "0.5"])
    #expect(slow.status == 2)
    #expect(slow.output.contains("Connection errors: 2\n  2 × no answer within 0.5s\n"))
    #expect(slow.output.hasSuffix("Verdict: no answer named a version; cannot compare with the configured weights.\n"))
    let broken = try probe(canaryShare: 0.25, path: "/broken", ["--expect", "75", "25", "--requests", "3"])
    #expect(broken.status == 2)
    #expect(broken.output.contains("HTTP errors: 3\n  3 × HTTP 503\n"))
  }

  @Test("a refused connection is a connection error, not a crash")
  func connectionRefused() throws {
    let binary = try #require(builtProduct("gen"), "gen was not built")
    // Port 9 (discard) has no listener here.
    let result = try run([binary, "probe", "--url", "http://127.0.0.1:9/", "--expect", "95", "5", "--requests", "3"])
    #expect(result.status == 2)
    #expect(result.output.contains("Connection errors: 3\n  3 × cannot connect: Connection refused\n"))
  }

  @Test("the Wilson interval matches a worked value")
  func wilson() {
    // 81 of 400 at 95%: [0.1660, 0.2446] (computed separately in Python).
    let interval = TrafficProbe.wilsonInterval(successes: 81, trials: 400)
    #expect(abs(interval.low - 0.1660) < 0.0001)
    #expect(abs(interval.high - 0.2446) < 0.0001)
    // No successes still leaves room above zero; all successes, below one.
    #expect(TrafficProbe.wilsonInterval(successes: 0, trials: 200).high > 0.01)
    #expect(TrafficProbe.wilsonInterval(successes: 200, trials: 200).low < 0.99)
  }
}
