import AWSCloudWatch
import CloudFormation
import Patterns

/// A CloudWatch dashboard of a weighted deployment's traffic: three graphs,
/// requests per minute, 5xx rate (percent) and p99 response time (seconds),
/// each with one line per version, from the load balancer's own metrics.
///
/// The body is JSON text in which CloudFormation substitutes the region and
/// the load balancer's and target groups' names (`!Sub`).
struct TrafficDashboard {
  /// A version and where its metrics are filed.
  struct Track {
    let name: String
    let metrics: LoadBalancerMetrics
  }

  /// Writes one entry of a graph's `metrics` list.
  private typealias MetricEntry = (inout TemplateTextInterpolation) -> Void

  let dashboard: CloudWatch.Dashboard

  /// - Parameters:
  ///   - logicalID: the dashboard's logical ID.
  ///   - name: the dashboard's name.
  ///   - tracks: the versions, in the order their lines are drawn.
  init(_ logicalID: String, name: Value<String>, tracks: [Track]) {
    let requests: [MetricEntry] = tracks.map { track in
      { Self.appendMetric(track.metrics, "RequestCount", options: "{\"label\": \"\(track.name)\"}", to: &$0) }
    }
    let errorRates: [MetricEntry] = tracks.flatMap { track -> [MetricEntry] in
      let id = track.name.lowercased()
      return [
        {
          $0.appendLiteral(
            "[{\"expression\": \"IF(\(id)Requests > 0, 100 * FILL(\(id)Errors, 0) / \(id)Requests, 0)\", "
              + "\"label\": \"\(track.name)\", \"id\": \"\(id)Rate\"}]")
        },
        {
          Self.appendMetric(
            track.metrics,
            "RequestCount", options: "{\"id\": \"\(id)Requests\", \"visible\": false}", to: &$0)
        },
        {
          Self.appendMetric(
            track.metrics,
            "HTTPCode_Target_5XX_Count", options: "{\"id\": \"\(id)Errors\", \"visible\": false}", to: &$0)
        },
      ]
    }
    let latencies: [MetricEntry] = tracks.map { track in
      { Self.appendMetric(track.metrics, "TargetResponseTime", options: "{\"label\": \"\(track.name)\"}", to: &$0) }
    }

    var body = TemplateTextInterpolation(literalCapacity: 0, interpolationCount: 0)
    body.appendLiteral("{\n  \"widgets\": [\n")
    Self.appendGraph(title: "Requests per minute", stat: "Sum", column: 0, metrics: requests, to: &body)
    body.appendLiteral(",\n")
    Self.appendGraph(title: "5xx rate (%)", stat: "Sum", column: 8, metrics: errorRates, to: &body)
    body.appendLiteral(",\n")
    Self.appendGraph(title: "p99 response time (s)", stat: "p99", column: 16, metrics: latencies, to: &body)
    body.appendLiteral("\n  ]\n}\n")
    dashboard = CloudWatch.Dashboard(logicalID, dashboardBody: Value(stringInterpolation: body), dashboardName: name)
  }

  /// Appends one of `metrics` as a graph lists it:
  /// `["AWS/ApplicationELB", name, "TargetGroup", …, "LoadBalancer", …, options]`.
  private static func appendMetric(
    _ metrics: LoadBalancerMetrics, _ name: String, options: String, to text: inout TemplateTextInterpolation
  ) {
    text.appendLiteral("[\"AWS/ApplicationELB\", \"\(name)\"")
    for dimension in metrics.dimensions {
      text.appendLiteral(", \"\(dimension.name)\", \"")
      text.appendInterpolation(dimension.value)
      text.appendLiteral("\"")
    }
    text.appendLiteral(", \(options)]")
  }

  /// Appends one graph, 8 columns wide and 6 rows high at `column`, one metric
  /// entry per line.
  private static func appendGraph(
    title: String, stat: String, column: Int, metrics: [MetricEntry], to body: inout TemplateTextInterpolation
  ) {
    body.appendLiteral(
      """
          {
            "type": "metric", "x": \(column), "y": 0, "width": 8, "height": 6,
            "properties": {
              "title": "\(title)", "view": "timeSeries", "stat": "\(stat)", "period": 60, "region": "
      """)
    body.appendInterpolation(AWS.region)
    body.appendLiteral("\",\n        \"metrics\": [\n")
    for (index, appendEntry) in metrics.enumerated() {
      body.appendLiteral("          ")
      appendEntry(&body)
      body.appendLiteral(index == metrics.count - 1 ? "\n" : ",\n")
    }
    body.appendLiteral("        ]\n      }\n    }")
  }
}
