import AWSEC2
import AWSECS
import AWSElasticLoadBalancingV2
import AWSIAM
import AWSLogs
import CloudFormation

/// What Fargate services behind one internet-facing load balancer share: the
/// load balancer's security group (HTTP from anywhere), the services' security
/// group (the container port from the load balancer only), an ECS cluster with
/// Container Insights, a log group kept 14 days, the task execution role, and
/// the Application Load Balancer in the VPC's public subnets.
///
/// ```swift
/// let network = PublicTwoSubnetVPC()
/// let foundation = LoadBalancedFargateFoundation(network: network, containerPort: port.ref)
/// let service = FargateService(
///   track: "stable", image: image.ref, desiredCount: 2,
///   settings: foundation.serviceSettings(cpu: "256", memory: "512"))
/// ```
///
/// Logical IDs: `ALBSecurityGroup`, `ServiceSecurityGroup`, `Cluster`, `LogGroup`,
/// `TaskExecutionRole` and `ALB`.
public struct LoadBalancedFargateFoundation: Sendable {
  public let network: PublicTwoSubnetVPC
  public let containerPort: Value<Number>
  public let loadBalancerSecurityGroup: EC2.SecurityGroup
  public let serviceSecurityGroup: EC2.SecurityGroup
  public let cluster: ECS.Cluster
  public let logGroup: Logs.LogGroup
  public let executionRole: IAM.Role
  public let loadBalancer: ElasticLoadBalancingV2.LoadBalancer

  public init(network: PublicTwoSubnetVPC, containerPort: Value<Number>) {
    self.network = network
    self.containerPort = containerPort
    let loadBalancerGroup = EC2.SecurityGroup(
      "ALBSecurityGroup", groupDescription: "Allow HTTP from the internet to the load balancer",
      securityGroupIngress: [
        .init(ipProtocol: "tcp", cidrIP: "0.0.0.0/0", description: "HTTP from anywhere", fromPort: 80, toPort: 80)
      ],
      tags: [.init(key: "Name", value: "\(AWS.stackName)-alb-sg")], vpcID: network.vpc.ref)
    loadBalancerSecurityGroup = loadBalancerGroup
    serviceSecurityGroup = EC2.SecurityGroup(
      "ServiceSecurityGroup", groupDescription: "Allow the container port only from the load balancer",
      securityGroupIngress: [
        .init(
          ipProtocol: "tcp", description: "App traffic from the ALB", fromPort: containerPort,
          sourceSecurityGroupID: loadBalancerGroup.ref, toPort: containerPort)
      ],
      tags: [.init(key: "Name", value: "\(AWS.stackName)-service-sg")], vpcID: network.vpc.ref)
    cluster = ECS.Cluster(
      "Cluster", clusterName: "\(AWS.stackName)-cluster",
      clusterSettings: [.init(name: "containerInsights", value: "enabled")])
    logGroup = Logs.LogGroup("LogGroup", logGroupName: "/ecs/\(AWS.stackName)", retentionInDays: 14)
      .deletionPolicy(.delete)
      .updateReplacePolicy(.delete)
    executionRole = IAM.Role(
      "TaskExecutionRole", assumeRolePolicyDocument: Self.ecsTasksMayAssume,
      managedPolicyArns: ["arn:\(AWS.partition):iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"])
    loadBalancer = ElasticLoadBalancingV2.LoadBalancer(
      "ALB", ipAddressType: .ipv4,
      loadBalancerAttributes: [
        .init(key: "idle_timeout.timeout_seconds", value: "60"),
        .init(key: "routing.http.drop_invalid_header_fields.enabled", value: "true"),
      ],
      scheme: .internetFacing, securityGroups: [loadBalancerGroup.ref], subnets: network.subnetIDs, type: .application
    )
    .dependsOn(network.gatewayAttachment)
  }

  /// What every ``FargateService`` on this foundation shares.
  public func serviceSettings(cpu: Value<String>, memory: Value<String>) -> FargateService.Settings {
    FargateService.Settings(
      cluster: cluster.ref, containerPort: containerPort, cpu: cpu, memory: memory,
      executionRoleARN: executionRole.arn, logGroup: logGroup.ref, vpcID: network.vpc.ref,
      subnetIDs: network.subnetIDs, securityGroupIDs: [serviceSecurityGroup.ref])
  }

  /// The security groups (titled `Security groups`), then the cluster, log group
  /// and role (titled `clusterComment`), in dependency order. The load balancer is
  /// placed by the stack, next to its listener.
  public func elements(clusterComment: String = "ECS cluster, logs and task definitions") -> [TemplateElement] {
    let resources: [any Resource] = [
      loadBalancerSecurityGroup.comment("Security groups"), serviceSecurityGroup,
      cluster.comment(clusterComment), logGroup, executionRole,
    ]
    return resources.map { .resource($0) }
  }

  /// The trust policy that lets ECS tasks assume the execution role.
  public static let ecsTasksMayAssume: Value<JSON> = .policy(
    .allow("sts:AssumeRole", principal: .service("ecs-tasks.amazonaws.com")))
}
