import AWSECS
import AWSElasticLoadBalancingV2
import CloudFormation

/// One version of an application on ECS Fargate behind its own target group: a
/// task definition (one container, logs to CloudWatch), an IP target group with
/// an HTTP health check, and a service that registers its tasks in the group.
///
/// A canary deployment runs two of these (`stable` and `canary`) behind one
/// weighted listener; blue/green runs `blue` and `green`.
///
/// ```swift
/// let stable = FargateService(
///   track: "stable", image: imageStable.ref, desiredCount: countStable.ref, settings: settings)
/// ```
///
/// Logical IDs: `TaskDefinition<Track>`, `TargetGroup<Track>` and `Service<Track>`
/// (`<Track>` is `track` with a capital first letter); the service is named
/// `<serviceNamePrefix>-<track>`.
public struct FargateService: Sendable {
  /// What every service of a deployment shares.
  public struct Settings: Sendable {
    public var cluster: Value<String>
    public var containerPort: Value<Number>
    public var cpu: Value<String>
    public var memory: Value<String>
    public var executionRoleARN: Value<String>
    public var logGroup: Value<String>
    public var vpcID: Value<String>
    public var subnetIDs: Value<[String]>
    public var securityGroupIDs: Value<[String]>
    /// The container's name in every task definition.
    public var containerName: String
    public var serviceNamePrefix: String
    public var healthCheckPath: String

    public init(
      cluster: Value<String>, containerPort: Value<Number>, cpu: Value<String>, memory: Value<String>,
      executionRoleARN: Value<String>, logGroup: Value<String>, vpcID: Value<String>, subnetIDs: Value<[String]>,
      securityGroupIDs: Value<[String]>, containerName: String = "app", serviceNamePrefix: String = "app",
      healthCheckPath: String = "/"
    ) {
      self.cluster = cluster
      self.containerPort = containerPort
      self.cpu = cpu
      self.memory = memory
      self.executionRoleARN = executionRoleARN
      self.logGroup = logGroup
      self.vpcID = vpcID
      self.subnetIDs = subnetIDs
      self.securityGroupIDs = securityGroupIDs
      self.containerName = containerName
      self.serviceNamePrefix = serviceNamePrefix
      self.healthCheckPath = healthCheckPath
    }
  }

  public let track: String
  public let taskDefinition: ECS.TaskDefinition
  public let targetGroup: ElasticLoadBalancingV2.TargetGroup
  public let service: ECS.Service

  /// - Parameters:
  ///   - track: `stable`, `canary`, `blue`…: names the resources and is the
  ///     container's `APP_VERSION` and the log stream prefix.
  ///   - image: the container image.
  ///   - desiredCount: how many tasks run.
  ///   - settings: what every service on one foundation shares (cluster, network,
  ///     port, execution role, logs; see ``LoadBalancedFargateFoundation/serviceSettings(cpu:memory:)``).
  ///   - dependsOn: resources the service waits for (the listener, so that the
  ///     target group is attached to a load balancer first).
  public init(
    track: String, image: Value<String>, desiredCount: Value<Number>, settings: Settings,
    dependsOn: [any Resource] = []
  ) {
    self.track = track
    let title = track.prefix(1).uppercased() + track.dropFirst()
    let trackName = Value<String>(track)
    let containerName = Value<String>(settings.containerName)
    // Built in small steps: one large nested literal is slow for Swift's type checker.
    let logOptions: Value<[String: String]> = .map([
      "awslogs-group": settings.logGroup, "awslogs-region": AWS.region, "awslogs-stream-prefix": trackName,
    ])
    let logConfiguration = Value<ECS.TaskDefinition.LogConfiguration>(logDriver: "awslogs", options: logOptions)
    let environment: Value<[ECS.TaskDefinition.KeyValuePair]> = [.init(name: "APP_VERSION", value: trackName)]
    let portMappings: Value<[ECS.TaskDefinition.PortMapping]> = [
      .init(containerPort: settings.containerPort, protocol: .tcp)
    ]
    let container = Value<ECS.TaskDefinition.ContainerDefinition>(
      image: image, name: containerName, environment: environment, essential: true,
      logConfiguration: logConfiguration, portMappings: portMappings)
    taskDefinition = ECS.TaskDefinition(
      "TaskDefinition\(title)", containerDefinitions: [container], cpu: settings.cpu,
      executionRoleARN: settings.executionRoleARN, family: "\(AWS.stackName)-\(track)", memory: settings.memory,
      networkMode: .awsvpc, requiresCompatibilities: [.fargate])

    targetGroup = Self.targetGroup("TargetGroup\(title)", track: track, settings: settings)

    let deployment = Value<ECS.Service.DeploymentConfiguration>(
      deploymentCircuitBreaker: .init(enable: true, rollback: true), maximumPercent: 200, minimumHealthyPercent: 100)
    let loadBalancers: Value<[ECS.Service.LoadBalancer]> = [
      .init(containerName: containerName, containerPort: settings.containerPort, targetGroupARN: targetGroup.ref)
    ]
    let awsvpc = Value<ECS.Service.AwsVPCConfiguration>(
      assignPublicIP: .enabled, securityGroups: settings.securityGroupIDs, subnets: settings.subnetIDs)
    var service = ECS.Service(
      "Service\(title)", cluster: settings.cluster, deploymentConfiguration: deployment, desiredCount: desiredCount,
      healthCheckGracePeriodSeconds: 60, launchType: .fargate, loadBalancers: loadBalancers,
      networkConfiguration: .init(awsvpcConfiguration: awsvpc),
      serviceName: Value("\(settings.serviceNamePrefix)-\(track)"), taskDefinition: taskDefinition.ref)
    service.attributes.dependsOn = dependsOn.map(\.logicalID)
    self.service = service
  }

  /// An IP target group on `settings`' VPC and port with the HTTP health check
  /// every service here uses, tagged `Track: track`: the group ``init(track:image:desiredCount:settings:dependsOn:)``
  /// gives each service, and the alternate group of a service whose deployments
  /// ECS shifts itself.
  public static func targetGroup(
    _ logicalID: String, track: String, settings: Settings
  ) -> ElasticLoadBalancingV2.TargetGroup {
    let trackName = Value<String>(track)
    let matcher = Value<ElasticLoadBalancingV2.TargetGroup.Matcher>(httpCode: "200-399")
    let groupTags: Value<[ElasticLoadBalancingV2.TargetGroup.Tag]> = [.init(key: "Track", value: trackName)]
    let groupAttributes: Value<[ElasticLoadBalancingV2.TargetGroup.TargetGroupAttribute]> = [
      .init(key: "deregistration_delay.timeout_seconds", value: "30")
    ]
    return ElasticLoadBalancingV2.TargetGroup(
      logicalID, healthCheckEnabled: true, healthCheckIntervalSeconds: 15,
      healthCheckPath: Value(settings.healthCheckPath), healthCheckProtocol: .http, healthCheckTimeoutSeconds: 5,
      healthyThresholdCount: 2, matcher: matcher, port: settings.containerPort, protocol: .http, tags: groupTags,
      targetGroupAttributes: groupAttributes, targetType: .ip, unhealthyThresholdCount: 3, vpcID: settings.vpcID)
  }
}
