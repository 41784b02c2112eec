import AWSElasticLoadBalancingV2
import CloudFormation
import Patterns
import Testing
import YAML

@Suite("Patterns")
struct PatternTests {
  @Test("the public VPC: two subnets in the first two zones, routed through the internet gateway")
  func publicVPC() throws {
    let network = PublicTwoSubnetVPC(cidrBlock: "10.1.0.0/16", subnetCIDRBlocks: ["10.1.0.0/24", "10.1.1.0/24"])
    let yaml = try Template { network.elements(comment: nil) }.yaml()
    let template = try YAMLParser().parse(yaml)
    #expect(
      template["Resources"]?.mapping?.stringKeys == [
        "VPC", "InternetGateway", "VPCGatewayAttachment", "PublicSubnet1", "PublicSubnet2", "PublicRouteTable",
        "DefaultPublicRoute", "PublicSubnet1RouteTableAssociation", "PublicSubnet2RouteTableAssociation",
      ])
    #expect(template["Resources"]?["DefaultPublicRoute"]?["DependsOn"] == "VPCGatewayAttachment")
    #expect(yaml.contains("      AvailabilityZone: !Select [1, !GetAZs \"\"]\n      CidrBlock: 10.1.1.0/24\n"))
    #expect(network.subnetIDs.expression == .list([.ref("PublicSubnet1"), .ref("PublicSubnet2")]))
  }

  @Test("response alarms: per version on its target group, or on the whole load balancer, named after the stack")
  func responseAlarms() throws {
    let alb = ElasticLoadBalancingV2.LoadBalancer("ALB")
    let group = ElasticLoadBalancingV2.TargetGroup("Group")
    let version = ResponseAlarms(
      version: "canary", metrics: LoadBalancerMetrics(loadBalancer: alb, targetGroup: group),
      maxErrorRatePercent: 2, maxP99Seconds: 0.3)
    let whole = ResponseAlarms(
      metrics: LoadBalancerMetrics(loadBalancer: alb), maxErrorRatePercent: 2, maxP99Seconds: 0.3)
    let template = try YAMLParser().parse(
      try Template {
        alb
        group
        version.errorRate
        version.latency
        whole.errorRate
        whole.latency
      }.yaml())
    let resources = try #require(template["Resources"])
    #expect(
      resources.mapping?.stringKeys == [
        "ALB", "Group", "CanaryErrorRateAlarm", "CanaryLatencyAlarm", "ErrorRateAlarm", "LatencyAlarm",
      ])
    #expect(
      resources["CanaryErrorRateAlarm"]?["Properties"]?["AlarmName"]
        == .scalar(.string("${AWS::StackName}-canary-5xx-rate", tag: "!Sub")))
    #expect(
      resources["LatencyAlarm"]?["Properties"]?["AlarmName"]
        == .scalar(.string("${AWS::StackName}-p99", tag: "!Sub")))
    let versionDimensions = resources["CanaryLatencyAlarm"]?["Properties"]?["Dimensions"]?.sequence?.items
    #expect(versionDimensions?.map { $0["Name"] } == ["TargetGroup", "LoadBalancer"])
    let wholeDimensions = resources["LatencyAlarm"]?["Properties"]?["Dimensions"]?.sequence?.items
    #expect(wholeDimensions?.map { $0["Name"] } == ["LoadBalancer"])
    #expect(wholeDimensions?.first?["Value"] == .scalar(.string("ALB.LoadBalancerFullName", tag: "!GetAtt")))
    #expect(resources["ErrorRateAlarm"]?["Properties"]?["Threshold"] == 2)
    #expect(resources["LatencyAlarm"]?["Properties"]?["Threshold"] == 0.3)
  }

  @Test("the weighted listener forwards to every target group with its weight")
  func weightedListener() throws {
    let alb = ElasticLoadBalancingV2.LoadBalancer("ALB")
    let first = ElasticLoadBalancingV2.TargetGroup("First")
    let second = ElasticLoadBalancingV2.TargetGroup("Second")
    let listener = WeightedForwardListener("Listener", loadBalancer: alb, targets: [(first, 90), (second, 10)])
    let yaml = try Template {
      alb
      first
      second
      listener.listener
    }.yaml()
    #expect(
      yaml.hasSuffix(
        """
          Listener:
            Type: AWS::ElasticLoadBalancingV2::Listener
            Properties:
              DefaultActions:
                - ForwardConfig:
                    TargetGroupStickinessConfig:
                      Enabled: false
                    TargetGroups:
                      - TargetGroupArn: !Ref First
                        Weight: 90
                      - TargetGroupArn: !Ref Second
                        Weight: 10
                  Type: forward
              LoadBalancerArn: !Ref ALB
              Port: 80
              Protocol: HTTP

        """))
  }

  @Test("a Fargate service: task definition, target group and service named after the track")
  func fargateService() throws {
    let settings = FargateService.Settings(
      cluster: "cluster", containerPort: 8080, cpu: "256", memory: "512", executionRoleARN: "arn:role",
      logGroup: "/ecs/app", vpcID: "vpc-1", subnetIDs: ["subnet-1"], securityGroupIDs: ["sg-1"])
    let service = FargateService(track: "canary", image: "app:2", desiredCount: 1, settings: settings)
    #expect(service.taskDefinition.logicalID == "TaskDefinitionCanary")
    #expect(service.targetGroup.logicalID == "TargetGroupCanary")
    #expect(service.service.logicalID == "ServiceCanary")
    let yaml = try Template {
      service.taskDefinition
      service.targetGroup
      service.service
    }.yaml()
    #expect(yaml.contains("      ServiceName: app-canary\n      TaskDefinition: !Ref TaskDefinitionCanary\n"))
    #expect(yaml.contains("              awslogs-stream-prefix: canary\n"))
  }

  @Test("the load-balanced Fargate foundation: groups, cluster, logs, role and the load balancer, titled")
  func foundation() throws {
    let network = PublicTwoSubnetVPC()
    let foundation = LoadBalancedFargateFoundation(network: network, containerPort: 8080)
    let yaml = try Template {
      network.elements(comment: nil)
      foundation.elements()
      foundation.loadBalancer
    }.yaml()
    let template = try YAMLParser().parse(yaml)
    let resources = try #require(template["Resources"]?.mapping?.stringKeys)
    #expect(
      Array(resources.suffix(6)) == [
        "ALBSecurityGroup", "ServiceSecurityGroup", "Cluster", "LogGroup", "TaskExecutionRole", "ALB",
      ])
    #expect(yaml.contains("  # Security groups\n  ALBSecurityGroup:\n"))
    #expect(yaml.contains("  # ECS cluster, logs and task definitions\n  Cluster:\n"))
    #expect(template["Resources"]?["ALB"]?["DependsOn"] == "VPCGatewayAttachment")
    #expect(
      template["Resources"]?["ServiceSecurityGroup"]?["Properties"]?["SecurityGroupIngress"]?.sequence?.items.first?[
        "SourceSecurityGroupId"] == .scalar(.string("ALBSecurityGroup", tag: "!Ref")))
    let settings = foundation.serviceSettings(cpu: "256", memory: "512")
    #expect(settings.executionRoleARN.expression == .getAtt(resource: "TaskExecutionRole", attribute: "Arn"))
    #expect(settings.securityGroupIDs.expression == .list([.ref("ServiceSecurityGroup")]))
  }
}
