import AWSCloudWatch
import AWSECS
import AWSElasticLoadBalancingV2
import AWSIAM
import CloudFormation
import Patterns

/// ECS's own canary, for comparison with ``CanaryStack``: one ECS service whose
/// deployments ECS shifts itself. On each new task definition (a new `ImageURI`)
/// ECS starts the new revision in the alternate target group, moves
/// `CanaryPercent` of the production listener rule's traffic to it, waits
/// `CanaryBakeTimeInMinutes`, moves the rest, waits `BakeTimeInMinutes`, then
/// stops the old revision; an alarm in ALARM or a failing circuit breaker rolls
/// the deployment back. `Generated/deploy-native-canary.yml` is the committed
/// output.
public enum NativeCanaryStack {
  // MARK: - Interface

  public static let imageURI = Parameter<String>.string(
    "ImageURI", description: "Container image URI; changing it starts a canary deployment", minLength: 1)
  public static let containerPort = Parameter<Number>.number(
    "ContainerPort", description: "Port the application container listens on", default: 8000, minValue: 1,
    maxValue: 65535)
  public static let desiredCount = Parameter<Number>.number(
    "DesiredCount", description: "Number of tasks of the service", default: 2, minValue: 0)
  public static let canaryPercent = Parameter<Number>.number(
    "CanaryPercent",
    description: "Percentage of production traffic the new revision gets during the canary phase (0.1-100)",
    default: 5, minValue: 0.1, maxValue: 100)
  public static let canaryBakeTime = Parameter<Number>.number(
    "CanaryBakeTimeInMinutes", description: "Minutes the canary phase lasts before the rest of the traffic moves",
    default: 10, minValue: 0, maxValue: 1440)
  public static let bakeTime = Parameter<Number>.number(
    "BakeTimeInMinutes",
    description: "Minutes both revisions keep running after all traffic moved, during which an alarm still rolls back",
    default: 10, minValue: 0, maxValue: 1440)
  /// `AlarmMaxErrorRatePercent`: see ``ResponseAlarms``.
  public static let alarmMaxErrorRate = ResponseAlarms.maxErrorRate
  /// `AlarmMaxP99Seconds`: see ``ResponseAlarms``.
  public static let alarmMaxP99 = ResponseAlarms.maxP99
  public static let taskCPU = Parameter<String>.string(
    "TaskCpu", description: "Fargate task CPU units", default: "256",
    allowedValues: ["256", "512", "1024", "2048", "4096", "8192", "16384"])
  public static let taskMemory = Parameter<String>.string(
    "TaskMemory", description: "Fargate task memory in MiB (must be a valid combination with TaskCpu)", default: "512")

  // MARK: - The stack

  /// The template.
  public static var template: Template {
    let network = PublicTwoSubnetVPC()
    let foundation = LoadBalancedFargateFoundation(network: network, containerPort: containerPort.ref)
    let loadBalancer = foundation.loadBalancer
    let settings = foundation.serviceSettings(cpu: taskCPU.ref, memory: taskMemory.ref)
    let app = FargateService(track: "app", image: imageURI.ref, desiredCount: desiredCount.ref, settings: settings)
    let alternateTargetGroup = FargateService.targetGroup("TargetGroupAlternate", track: "app", settings: settings)
    let listener = WeightedForwardListener(
      "Listener", loadBalancer: loadBalancer,
      targets: [(targetGroup: app.targetGroup, weight: 100), (targetGroup: alternateTargetGroup, weight: 0)]
    ).listener
    let productionRule = ElasticLoadBalancingV2.ListenerRule(
      "ProductionListenerRule",
      actions: [
        .init(
          type: .forward,
          forwardConfig: .init(targetGroups: [
            .init(targetGroupARN: app.targetGroup.ref, weight: 100),
            .init(targetGroupARN: alternateTargetGroup.ref, weight: 0),
          ]))
      ],
      conditions: [.init(field: "path-pattern", pathPatternConfig: .init(values: ["/*"]))], priority: 1,
      listenerARN: listener.ref)
    let trafficRole = IAM.Role(
      "LoadBalancerTrafficRole",
      assumeRolePolicyDocument: .policy(.allow("sts:AssumeRole", principal: .service("ecs.amazonaws.com"))),
      managedPolicyArns: [
        "arn:\(AWS.partition):iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"
      ])
    // The alarms see both revisions at once: which target group holds the new
    // revision changes with every deployment, so a static alarm cannot single it out.
    let alarms = ResponseAlarms(
      metrics: LoadBalancerMetrics(loadBalancer: loadBalancer), maxErrorRatePercent: alarmMaxErrorRate.ref,
      maxP99Seconds: alarmMaxP99.ref)
    let service = canaryService(
      app.service, targetGroup: app.targetGroup, alternateTargetGroup: alternateTargetGroup,
      productionRule: productionRule, trafficRole: trafficRole, alarms: alarms, containerName: settings.containerName)

    return Template(
      description:
        "One ECS Fargate service behind an Application Load Balancer whose deployments ECS shifts itself with its CANARY strategy: CanaryPercent of the traffic to the new revision for CanaryBakeTimeInMinutes, then all of it; a CloudWatch alarm rolls the deployment back."
    ) {
      ParameterGroup("Container image", [imageURI, containerPort])
      ParameterGroup("Canary", [canaryPercent, canaryBakeTime, bakeTime, alarmMaxErrorRate, alarmMaxP99])
      ParameterGroup("Capacity", [desiredCount, taskCPU, taskMemory])
      imageURI
      containerPort
      desiredCount
      canaryPercent
      canaryBakeTime
      bakeTime
      alarmMaxErrorRate
      alarmMaxP99
      taskCPU
      taskMemory

      network.elements(comment: "Network")
      foundation.elements()
      app.taskDefinition
      loadBalancer.comment("Load balancer, the production listener rule ECS shifts, and its role")
      app.targetGroup
      alternateTargetGroup
      listener
      productionRule
      trafficRole
      alarms.errorRate.comment("Alarms that roll a deployment back")
      alarms.latency
      service.comment("The ECS service")

      Output("ALBDNS", value: loadBalancer.dnsName, description: "Public DNS name of the Application Load Balancer")
      Output("ClusterName", value: foundation.cluster.ref, description: "Name of the ECS cluster")
      Output("ServiceName", value: service.name, description: "Name of the ECS service")
      Output(
        "ProductionListenerRuleArn", value: productionRule.ref,
        description: "ARN of the listener rule whose weights ECS shifts during a deployment")
    }
  }

  /// `service` as ECS's canary strategy needs it, named after its container:
  /// the ECS deployment controller, the canary configuration, the alarms that
  /// roll back, and the load balancer's alternate target group, production rule
  /// and role.
  private static func canaryService(
    _ service: ECS.Service, targetGroup: ElasticLoadBalancingV2.TargetGroup,
    alternateTargetGroup: ElasticLoadBalancingV2.TargetGroup, productionRule: ElasticLoadBalancingV2.ListenerRule,
    trafficRole: IAM.Role, alarms: ResponseAlarms, containerName: String
  ) -> ECS.Service {
    var service = service
    service.serviceName = Value(containerName)
    let deploymentAlarms = Value<ECS.Service.DeploymentAlarms>(
      alarmNames: [alarms.errorRate.ref, alarms.latency.ref], enable: true, rollback: true)
    service.deploymentController = .init(type: .ecs)
    service.deploymentConfiguration = .init(
      alarms: deploymentAlarms, bakeTimeInMinutes: bakeTime.ref,
      canaryConfiguration: .init(canaryBakeTimeInMinutes: canaryBakeTime.ref, canaryPercent: canaryPercent.ref),
      deploymentCircuitBreaker: .init(enable: true, rollback: true), maximumPercent: 200, minimumHealthyPercent: 100,
      strategy: .canary)
    let advanced = Value<ECS.Service.AdvancedConfiguration>(
      alternateTargetGroupARN: alternateTargetGroup.ref, productionListenerRule: productionRule.ref,
      roleARN: trafficRole.arn)
    service.loadBalancers = [
      .init(
        advancedConfiguration: advanced, containerName: Value(containerName),
        containerPort: containerPort.ref, targetGroupARN: targetGroup.ref)
    ]
    return service
  }
}
