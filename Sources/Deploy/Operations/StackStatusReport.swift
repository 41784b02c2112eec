import YAML

/// What `gen status` shows: the stack, and for a stack with a traffic model its
/// load balancer and per track the listener weight, target health and ECS task
/// counts; for one without, its outputs.
public struct StackStatusReport: Hashable, Sendable {
  /// One track (`stable`, `canary`).
  public struct Track: Hashable, Sendable {
    public var role: String
    public var targetGroupARN: String?
    public var serviceName: String?
    /// The weight the listener applies, read from the listener itself.
    public var weight: Int?
    /// The weight parameter's value in the stack.
    public var parameterWeight: Int?
    public var healthyTargets: Int?
    public var targets: Int?
    public var runningTasks: Int?
    public var desiredTasks: Int?
    /// Its load balancer metrics over the report's window.
    public var health: TrackHealth?
    /// The same, minute by minute, oldest first (for the sparklines on a terminal).
    public var healthByMinute: [TrackHealth] = []

    public init(
      role: String, targetGroupARN: String? = nil, serviceName: String? = nil, weight: Int? = nil,
      parameterWeight: Int? = nil, healthyTargets: Int? = nil, targets: Int? = nil, runningTasks: Int? = nil,
      desiredTasks: Int? = nil
    ) {
      self.role = role
      self.targetGroupARN = targetGroupARN
      self.serviceName = serviceName
      self.weight = weight
      self.parameterWeight = parameterWeight
      self.healthyTargets = healthyTargets
      self.targets = targets
      self.runningTasks = runningTasks
      self.desiredTasks = desiredTasks
    }
  }

  /// A CloudWatch alarm and its state (`OK`, `ALARM`, `INSUFFICIENT_DATA`).
  public struct Alarm: Hashable, Sendable {
    public var name: String
    public var state: String

    public init(name: String, state: String) {
      self.name = name
      self.state = state
    }
  }

  /// What the traffic model shows.
  public struct Traffic: Hashable, Sendable {
    public var loadBalancerDNS: String?
    public var tracks: [Track]
    /// The span the tracks' health covers, ending at the last whole minute.
    public var window: TimeSpan?
    public var alarms: [Alarm]

    public init(loadBalancerDNS: String?, tracks: [Track], window: TimeSpan? = nil, alarms: [Alarm] = []) {
      self.loadBalancerDNS = loadBalancerDNS
      self.tracks = tracks
      self.window = window
      self.alarms = alarms
    }
  }

  public var stackName: String
  public var stackStatus: StackStatus
  /// Nil for a stack without a traffic model.
  public var traffic: Traffic?
  /// The stack's outputs, shown for a stack without a traffic model.
  public var outputs: [DeployedStack.Output]

  public init(
    stackName: String, stackStatus: StackStatus, traffic: Traffic?, outputs: [DeployedStack.Output] = []
  ) {
    self.stackName = stackName
    self.stackStatus = stackStatus
    self.traffic = traffic
    self.outputs = outputs
  }

  /// The report as aligned text:
  ///
  /// ```
  /// Stack          ecs-canary-demo-stack (UPDATE_COMPLETE)
  /// Load balancer  http://demo-123.us-east-1.elb.amazonaws.com
  ///
  /// Track   Weight  Healthy targets  Tasks running/desired  Service
  /// stable  95      2/2              2/2                    app-stable
  /// canary  5       1/1              1/1                    app-canary
  ///
  /// Last 5m  Requests  5xx        p50   p99
  /// stable   22,876    23 (0.1%)  40ms  170ms
  /// canary   1,204     2 (0.17%)  42ms  180ms
  ///
  /// Alarm           State
  /// app-canary-5xx  OK
  /// ```
  ///
  /// or, for a stack without a traffic model:
  ///
  /// ```
  /// Stack          orders (CREATE_COMPLETE)
  ///
  /// Output     Value
  /// TableName  orders-table-1X2Y3Z
  /// ```
  public var text: String { text(sparklines: false) }

  /// The text, with a sparkline of each track's requests and 5xx per minute
  /// when `sparklines` (on a terminal).
  public func text(sparklines: Bool) -> String {
    var lines = ["Stack          \(stackName) (\(stackStatus.rawValue))"]
    guard let traffic else {
      lines.append("")
      if outputs.isEmpty {
        lines.append("No outputs.")
      } else {
        let width = max("Output".count, outputs.map(\.name.logicalID.count).max() ?? 0) + 2
        lines.append("Output".padded(to: width) + "Value")
        for output in outputs { lines.append(output.name.logicalID.padded(to: width) + output.value) }
      }
      return lines.joined(separator: "\n") + "\n"
    }
    func count(_ part: Int?, _ whole: Int?) -> String {
      "\(part.map(String.init) ?? "?")/\(whole.map(String.init) ?? "?")"
    }
    lines += [
      "Load balancer  " + (traffic.loadBalancerDNS.map { "http://\($0)" } ?? "(no output yet)"),
      "",
    ]
    let tracks = traffic.tracks
    let rows =
      [["Track", "Weight", "Healthy targets", "Tasks running/desired", "Service"]]
      + tracks.map { track in
        var weight = track.weight.map(String.init) ?? "?"
        if let parameterWeight = track.parameterWeight, parameterWeight != track.weight {
          weight += " (stack parameter \(parameterWeight))"
        }
        return [
          track.role, weight, count(track.healthyTargets, track.targets), count(track.runningTasks, track.desiredTasks),
          track.serviceName ?? "?",
        ]
      }
    lines += Self.table(rows)
    if let window = traffic.window {
      var health = [
        ["Last \(window)", "Requests", "5xx", "p50", "p99"] + (sparklines ? ["Requests/min", "5xx/min"] : [])
      ]
      for track in tracks {
        let figures = track.health ?? .empty
        let errors =
          "\(HealthText.count(figures.errors))" + (figures.errorRate.map { " (\(HealthText.percent($0)))" } ?? "")
        health.append(
          [
            track.role, HealthText.count(figures.requests), errors, HealthText.latency(figures.p50),
            HealthText.latency(figures.p99),
          ]
            + (sparklines
              ? [
                Sparkline.text(track.healthByMinute.map(\.requests)),
                Sparkline.text(track.healthByMinute.map(\.errors)),
              ] : []))
      }
      lines += [""] + Self.table(health)
    }
    if !traffic.alarms.isEmpty {
      lines += [""] + Self.table([["Alarm", "State"]] + traffic.alarms.map { [$0.name, $0.state] })
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Rows as aligned columns, two spaces apart.
  static func table(_ rows: [[String]]) -> [String] {
    let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { column, cell in column == row.count - 1 ? cell : cell.padded(to: widths[column] + 2) }
        .joined()
    }
  }

  /// The report as JSON, for scripts: `{"stack": …, "status": …, "loadBalancerDNS": …, "tracks": [...]}`,
  /// or `{"stack": …, "status": …, "outputs": {…}}` for a stack without a traffic model.
  public func json() throws -> String {
    func number(_ value: Int?) -> YAMLNode { value.map { .integer($0) } ?? .null }
    func string(_ value: String?) -> YAMLNode { value.map { .string($0) } ?? .null }
    var root = YAMLMapping()
    root.append("stack", .string(stackName))
    root.append("status", .string(stackStatus.rawValue))
    guard let traffic else {
      root.append(
        "outputs",
        .mapping(YAMLMapping(outputs.map { .init(key: .string($0.name.logicalID), value: .string($0.value)) })))
      return try JSONWriter().string(from: .mapping(root))
    }
    let tracks = traffic.tracks
    root.append("loadBalancerDNS", string(traffic.loadBalancerDNS))
    root.append(
      "tracks",
      .sequence(
        YAMLSequence(
          tracks.map { track in
            var entry = YAMLMapping()
            entry.append("role", .string(track.role))
            entry.append("weight", number(track.weight))
            entry.append("parameterWeight", number(track.parameterWeight))
            entry.append("healthyTargets", number(track.healthyTargets))
            entry.append("targets", number(track.targets))
            entry.append("runningTasks", number(track.runningTasks))
            entry.append("desiredTasks", number(track.desiredTasks))
            entry.append("serviceName", string(track.serviceName))
            entry.append("targetGroupArn", string(track.targetGroupARN))
            if traffic.window != nil { entry.append("health", Self.json(track.health ?? .empty)) }
            return .mapping(entry)
          })))
    if let window = traffic.window { root.append("window", .string(window.description)) }
    if !traffic.alarms.isEmpty {
      root.append(
        "alarms",
        .sequence(YAMLSequence(traffic.alarms.map { ["name": .string($0.name), "state": .string($0.state)] })))
    }
    return try JSONWriter().string(from: .mapping(root))
  }

  /// `{"requests": …, "errors": …, "errorRate": …, "p50": …, "p99": …}`, times in seconds.
  static func json(_ health: TrackHealth) -> YAMLNode {
    func number(_ value: Double?) -> YAMLNode {
      guard let value else { return .null }
      return value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .float(value)
    }
    return [
      "requests": number(health.requests), "errors": number(health.errors), "errorRate": number(health.errorRate),
      "p50": number(health.p50), "p99": number(health.p99),
    ]
  }
}
