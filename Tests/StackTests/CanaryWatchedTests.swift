import CanaryStack
import CanaryWatchedStack
import CloudFormation
import Deploy
import ExampleDeployments
import Foundation
import Testing
import YAML

@Suite("Watched canary stack")
struct CanaryWatchedTests {
  let watched: YAMLNode
  let canary: YAMLNode

  init() throws {
    watched = try YAMLParser().parse(try CanaryWatchedStack.template.yaml())
    canary = try YAMLParser().parse(try CanaryStack.template.yaml())
  }

  @Test("every parameter, resource and output of the canary is in it unchanged")
  func extendsTheCanary() throws {
    for section in ["Parameters", "Resources", "Outputs"] {
      let canaryEntries = try #require(canary[section]?.mapping?.stringKeys)
      for key in canaryEntries {
        #expect(watched[section]?[key] == canary[section]?[key], "\(section).\(key)")
      }
    }
  }

  @Test("each version's 5xx-rate alarm is metric math over its own target group's requests and 5xx answers")
  func errorRateAlarms() throws {
    for (track, group) in [("Stable", "TargetGroupStable"), ("Canary", "TargetGroupCanary")] {
      let properties = try #require(watched["Resources"]?["\(track)ErrorRateAlarm"]?["Properties"])
      let queries = try #require(properties["Metrics"]?.sequence?.items)
      let metricNames = queries.compactMap { $0["MetricStat"]?["Metric"]?["MetricName"] }
      #expect(metricNames == ["RequestCount", "HTTPCode_Target_5XX_Count"])
      for query in queries.prefix(2) {
        let dimensions = try #require(query["MetricStat"]?["Metric"]?["Dimensions"]?.sequence?.items)
        #expect(dimensions.map { $0["Name"] } == ["TargetGroup", "LoadBalancer"])
        #expect(
          dimensions.first?["Value"]
            == .scalar(.string("\(group).TargetGroupFullName", tag: "!GetAtt")))
        #expect(query["ReturnData"] == false)
      }
      let expression = try #require(queries.last?["Expression"]?.scalar?.text)
      #expect(expression == "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)")
      #expect(properties["Threshold"] == .scalar(.string("AlarmMaxErrorRatePercent", tag: "!Ref")))
      #expect(properties["TreatMissingData"] == "notBreaching")
    }
  }

  @Test("each version's latency alarm watches its p99 response time")
  func latencyAlarms() throws {
    for track in ["Stable", "Canary"] {
      let properties = try #require(watched["Resources"]?["\(track)LatencyAlarm"]?["Properties"])
      #expect(properties["MetricName"] == "TargetResponseTime")
      #expect(properties["Namespace"] == "AWS/ApplicationELB")
      #expect(properties["ExtendedStatistic"] == "p99")
      #expect(properties["Statistic"] == nil)
      #expect(properties["Threshold"] == .scalar(.string("AlarmMaxP99Seconds", tag: "!Ref")))
    }
  }

  @Test("the dashboard body is JSON once substituted, with requests, 5xx rate and p99 for both target groups")
  func dashboard() throws {
    let body = try #require(watched["Resources"]?["Dashboard"]?["Properties"]?["DashboardBody"]?.scalar)
    #expect(body.tag == "!Sub")
    let substituted = body.text.replacingOccurrences(
      of: #"\$\{[A-Za-z0-9:.]+\}"#, with: "name", options: .regularExpression)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(substituted.utf8)) as? [String: Any])
    let widgets = try #require(json["widgets"] as? [[String: Any]])
    let titles = widgets.compactMap { ($0["properties"] as? [String: Any])?["title"] as? String }
    #expect(titles == ["Requests per minute", "5xx rate (%)", "p99 response time (s)"])
    for group in ["TargetGroupStable", "TargetGroupCanary"] {
      #expect(body.text.contains("${\(group).TargetGroupFullName}"))
    }
  }

  @Test("the alarm names the canary's traffic model reads are outputs of the stack")
  func trafficModelReadsTheOutputs() throws {
    guard case .weighted(let traffic) = CanaryDeployment.watchedTraffic else {
      Issue.record("the watched canary's traffic is not weighted")
      return
    }
    let outputs = try #require(watched["Outputs"]?.mapping?.stringKeys)
    for track in traffic.tracks {
      #expect(track.alarmOutputs.count == 2, "\(track.role)")
      for output in track.alarmOutputs {
        #expect(outputs.contains(output.description), "\(output)")
        #expect(watched["Outputs"]?[output.description]?["Value"]?.scalar?.tag == "!Ref")
      }
    }
    #expect(outputs.contains(CanaryWatchedStack.Outputs.dashboardName.description))
    guard case .weighted(let plain) = CanaryDeployment.traffic else { return }
    #expect(plain.tracks.allSatisfy { $0.alarmOutputs.isEmpty })
  }
}
