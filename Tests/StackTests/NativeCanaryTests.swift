import CloudFormation
import NativeCanaryStack
import Testing
import YAML

@Suite("ECS's native canary stack")
struct NativeCanaryTests {
  @Test(
    "one service on ECS's CANARY strategy, shifting the production rule to the alternate group, rolled back by alarms")
  func canaryStrategy() throws {
    let template = try YAMLParser().parse(try NativeCanaryStack.template.yaml())
    let resources = try #require(template["Resources"])
    let services = try #require(resources.mapping?.entries.filter { $0.value["Type"] == "AWS::ECS::Service" })
    #expect(services.count == 1)
    let service = try #require(services.first?.value["Properties"])
    #expect(service["DeploymentController"]?["Type"] == "ECS")
    let deployment = try #require(service["DeploymentConfiguration"])
    #expect(deployment["Strategy"] == "CANARY")
    #expect(
      deployment["CanaryConfiguration"]?["CanaryPercent"] == .scalar(.string("CanaryPercent", tag: "!Ref")))
    #expect(
      deployment["CanaryConfiguration"]?["CanaryBakeTimeInMinutes"]
        == .scalar(.string("CanaryBakeTimeInMinutes", tag: "!Ref")))
    #expect(deployment["BakeTimeInMinutes"] == .scalar(.string("BakeTimeInMinutes", tag: "!Ref")))
    #expect(deployment["Alarms"]?["Rollback"] == true)
    let alarmNames = try #require(deployment["Alarms"]?["AlarmNames"]?.sequence?.items)
    for alarm in alarmNames {
      let name = try #require(alarm.scalar?.text)
      #expect(resources[name]?["Type"] == "AWS::CloudWatch::Alarm", "\(name)")
    }

    let loadBalancer = try #require(service["LoadBalancers"]?.sequence?.items.first)
    let advanced = try #require(loadBalancer["AdvancedConfiguration"])
    #expect(advanced["AlternateTargetGroupArn"] == .scalar(.string("TargetGroupAlternate", tag: "!Ref")))
    #expect(loadBalancer["TargetGroupArn"] == .scalar(.string("TargetGroupApp", tag: "!Ref")))
    #expect(advanced["ProductionListenerRule"] == .scalar(.string("ProductionListenerRule", tag: "!Ref")))
    let rule = try #require(resources["ProductionListenerRule"]?["Properties"])
    let weights = rule["Actions"]?.sequence?.items.first?["ForwardConfig"]?["TargetGroups"]?.sequence?.items
    #expect(weights?.map { $0["Weight"] } == [100, 0])
    #expect(advanced["RoleArn"] == .scalar(.string("LoadBalancerTrafficRole.Arn", tag: "!GetAtt")))
    let role = try #require(resources["LoadBalancerTrafficRole"]?["Properties"])
    #expect(
      role["AssumeRolePolicyDocument"]?["Statement"]?.sequence?.items.first?["Principal"]?["Service"]
        == "ecs.amazonaws.com")
  }
}
