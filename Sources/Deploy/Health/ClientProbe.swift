/// Each version's traffic as a client sees it: requests sent through the load
/// balancer, each answer counted for the version it names (as `gen probe` does),
/// timed, and counted as an error when it is a 5xx. An answer that names no
/// version (a 502 from the load balancer itself, say) is counted apart.
public struct ClientProbe: Hashable, Sendable {
  /// One health per role, from the client's side: latency includes the network.
  public var health: [TrackHealth]
  /// Answers that named no version, and requests that got no answer.
  public var unattributed: Int

  /// Sends `requests` GETs to `url` one after another.
  public static func measure(url: String, requests: Int, timeoutSeconds: Double, roles: [String]) throws -> ClientProbe
  {
    let target: HTTPGet.Target
    do {
      target = try HTTPGet.target(from: url)
    } catch {
      throw DeployError("cannot probe \"\(url)\": only http://HOST[:PORT][/PATH] URLs are supported")
    }
    var latencies = Array(repeating: [Double](), count: roles.count)
    var errors = Array(repeating: 0.0, count: roles.count)
    var unattributed = 0
    for _ in 0..<requests {
      let start = WallClock.now()
      guard let response = try? HTTPGet.get(target, timeoutSeconds: timeoutSeconds),
        let role = TrafficProbe.role(ofAnswer: response.body, roles: roles),
        let index = roles.firstIndex(of: role)
      else {
        unattributed += 1
        continue
      }
      latencies[index].append(WallClock.now() - start)
      if (500..<600).contains(response.status) { errors[index] += 1 }
    }
    return ClientProbe(
      health: roles.indices.map { index in
        TrackHealth(
          requests: Double(latencies[index].count), errors: errors[index],
          p50: Self.percentile(50, of: latencies[index]), p99: Self.percentile(99, of: latencies[index]))
      }, unattributed: unattributed)
  }

  /// The nearest-rank percentile; nil for no values.
  static func percentile(_ percent: Double, of values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
    return sorted[max(0, min(sorted.count - 1, rank - 1))]
  }
}
