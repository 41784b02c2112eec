import YAML

/// Reads a load balancer's per-target-group metrics from CloudWatch
/// (`AWS/ApplicationELB`: `RequestCount`, `HTTPCode_Target_5XX_Count`,
/// `TargetResponseTime`), with the dimensions derived from the ARNs the stack outputs.
///
/// ```swift
/// let metrics = LoadBalancerMetricsReader(aws: aws, loadBalancerARN: lb, targetGroupARNs: [stable, canary])
/// let health = try metrics.health(from: now - 300, to: now, period: 300)  // one TrackHealth per target group
/// ```
public struct LoadBalancerMetricsReader: Sendable {
  public var aws: AWSCommandLine
  public var loadBalancerARN: String
  public var targetGroupARNs: [String]

  public init(aws: AWSCommandLine, loadBalancerARN: String, targetGroupARNs: [String]) {
    self.aws = aws
    self.loadBalancerARN = loadBalancerARN
    self.targetGroupARNs = targetGroupARNs
  }

  /// The `LoadBalancer` dimension: `app/NAME/ID`, the ARN's part after `loadbalancer/`.
  public static func loadBalancerDimension(_ arn: String) -> String {
    guard let range = arn.firstRange(of: ":loadbalancer/") else { return arn }
    return String(arn[range.upperBound...])
  }

  /// The `TargetGroup` dimension: `targetgroup/NAME/ID`, the ARN's last part.
  public static func targetGroupDimension(_ arn: String) -> String {
    guard let index = arn.lastIndex(of: ":") else { return arn }
    return String(arn[arn.index(after: index)...])
  }

  /// Each target group's totals from `start` to `end` (seconds since 1970),
  /// read in buckets of `period` seconds: counts added up, percentiles the
  /// highest bucket's (one bucket when `period` spans the time).
  public func health(from start: Double, to end: Double, period: Int) throws -> [TrackHealth] {
    let datapoints = try fetch(from: start, to: end, period: period)
    return targetGroupARNs.indices.map { index in
      func values(_ name: String) -> [Double] { (datapoints["t\(index)\(name)"] ?? []).map(\.value) }
      return TrackHealth(
        requests: values("requests").reduce(0, +), errors: values("errors").reduce(0, +),
        p50: values("pfifty").max(), p99: values("pninetynine").max())
    }
  }

  /// Each target group's buckets of `period` seconds from `start` to `end`,
  /// oldest first; a bucket without data has zero requests and no latency.
  public func series(from start: Double, to end: Double, period: Int) throws -> [[TrackHealth]] {
    let datapoints = try fetch(from: start, to: end, period: period)
    let bucketStarts = Array(stride(from: start, to: end, by: Double(period)))
    return targetGroupARNs.indices.map { index in
      bucketStarts.map { bucketStart in
        func values(_ name: String) -> [Double] {
          (datapoints["t\(index)\(name)"] ?? []).filter {
            $0.time >= bucketStart && $0.time < bucketStart + Double(period)
          }
          .map(\.value)
        }
        return TrackHealth(
          requests: values("requests").reduce(0, +), errors: values("errors").reduce(0, +),
          p50: values("pfifty").max(), p99: values("pninetynine").max())
      }
    }
  }

  /// The datapoints of every query, by query ID, oldest first.
  private func fetch(from start: Double, to end: Double, period: Int) throws -> [String: [(
    time: Double, value: Double
  )]] {
    let measures: [(name: String, metric: String, stat: String)] = [
      ("requests", "RequestCount", "Sum"), ("errors", "HTTPCode_Target_5XX_Count", "Sum"),
      ("pfifty", "TargetResponseTime", "p50"), ("pninetynine", "TargetResponseTime", "p99"),
    ]
    var queries: [YAMLNode] = []
    for (index, arn) in targetGroupARNs.enumerated() {
      let dimensions: YAMLNode = .sequence(
        YAMLSequence([
          ["Name": "TargetGroup", "Value": .string(Self.targetGroupDimension(arn))],
          ["Name": "LoadBalancer", "Value": .string(Self.loadBalancerDimension(loadBalancerARN))],
        ]))
      for measure in measures {
        queries.append([
          "Id": .string("t\(index)\(measure.name)"),
          "MetricStat": [
            "Metric": [
              "Namespace": "AWS/ApplicationELB", "MetricName": .string(measure.metric), "Dimensions": dimensions,
            ],
            "Period": .integer(period), "Stat": .string(measure.stat),
          ],
          "ReturnData": .boolean(true),
        ])
      }
    }
    var datapoints: [String: [(time: Double, value: Double)]] = [:]
    var token: String?
    repeat {
      let answer = try aws.json(
        [
          "cloudwatch", "get-metric-data", "--metric-data-queries",
          try JSONWriter(indentation: nil).string(from: .sequence(YAMLSequence(queries))),
          "--start-time", WallClock.iso8601(start), "--end-time", WallClock.iso8601(end),
          "--scan-by", "TimestampAscending",
        ] + (token.map { ["--next-token", $0] } ?? []))
      for result in answer["MetricDataResults"]?.elements ?? [] {
        guard let id = result["Id"]?.text else { continue }
        let times = (result["Timestamps"]?.elements ?? []).map { WallClock.seconds(fromTimestamp: $0.text ?? "") }
        let numbers = (result["Values"]?.elements ?? []).map { $0.scalar.flatMap { Double($0.text) } }
        for (time, number) in zip(times, numbers) {
          guard let time, let number else { continue }
          datapoints[id, default: []].append((time, number))
        }
      }
      token = answer["NextToken"]?.text
    } while token != nil
    return datapoints.mapValues { $0.sorted { $0.time < $1.time } }
  }
}
