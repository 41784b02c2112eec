import AWSEC2
import AWSECS
import AWSElasticLoadBalancingV2
import AWSIAM
import AWSLogs
import CloudFormation
import Patterns

/// The canary deployment: one application in two versions on ECS Fargate,
/// `stable` and `canary`, behind an Application Load Balancer whose listener
/// splits traffic between their target groups by weight (`StableWeight` /
/// `CanaryWeight`). `swift run gen` prints it; `Generated/deploy-canary.yml` is
/// the committed output.
public enum CanaryStack {
  /// The two versions, each with its own image, task count and listener weight.
  public enum Track: String, CaseIterable, Sendable {
    case stable, canary

    /// `Stable`, `Canary`: how the track starts a logical ID or an output name.
    public var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
  }

  // MARK: - Interface: the deploy commands read these names from here.

  public static let imageURIStable = Parameter<String>.string(
    "ImageURIStable",
    description:
      "Container image URI for the stable version (e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0)",
    minLength: 1)
  public static let imageURICanary = Parameter<String>.string(
    "ImageURICanary", description: "Container image URI for the canary version", minLength: 1)
  public static let containerPort = Parameter<Number>.number(
    "ContainerPort", description: "Port the application container listens on", default: 8000, minValue: 1,
    maxValue: 65535)
  public static let desiredCountStable = Parameter<Number>.number(
    "DesiredCountStable", description: "Number of tasks for the stable service", default: 2, minValue: 0)
  public static let desiredCountCanary = Parameter<Number>.number(
    "DesiredCountCanary", description: "Number of tasks for the canary service", default: 1, minValue: 0)
  public static let stableWeight = Parameter<Number>.number(
    "StableWeight", description: "Relative share of listener traffic sent to the stable target group (0-100)",
    default: 95, minValue: 0, maxValue: 100)
  public static let canaryWeight = Parameter<Number>.number(
    "CanaryWeight", description: "Relative share of listener traffic sent to the canary target group (0-100)",
    default: 5, minValue: 0, maxValue: 100)
  public static let taskCPU = Parameter<String>.string(
    "TaskCpu", description: "Fargate task CPU units", default: "256",
    allowedValues: ["256", "512", "1024", "2048", "4096", "8192", "16384"])
  public static let taskMemory = Parameter<String>.string(
    "TaskMemory", description: "Fargate task memory in MiB (must be a valid combination with TaskCpu)", default: "512")

  /// The outputs the deploy commands read.
  public enum Outputs {
    public static let loadBalancerDNS: OutputName = "ALBDNS"
    public static let listenerARN: OutputName = "ListenerArn"
    public static let clusterName: OutputName = "ClusterName"
    /// `StableTargetGroupArn`, `CanaryTargetGroupArn`.
    public static func targetGroupARN(_ track: Track) -> OutputName { OutputName("\(track.title)TargetGroupArn") }
    /// `StableServiceName`, `CanaryServiceName`.
    public static func serviceName(_ track: Track) -> OutputName { OutputName("\(track.title)ServiceName") }
  }

  /// The parameter that sets `track`'s container image.
  public static func image(_ track: Track) -> Parameter<String> { track == .stable ? imageURIStable : imageURICanary }
  static func desiredCount(_ track: Track) -> Parameter<Number> {
    track == .stable ? desiredCountStable : desiredCountCanary
  }
  /// The parameter that sets `track`'s listener weight.
  public static func weight(_ track: Track) -> Parameter<Number> { track == .stable ? stableWeight : canaryWeight }

  // MARK: - The stack

  /// The canary's resources, built once so that a stack composed from the canary
  /// (such as `canary-watched`, which adds alarms and a dashboard) refers to the
  /// same load balancer, target groups and services as the template it extends.
  public struct Parts: Sendable {
    public let network: PublicTwoSubnetVPC
    public let foundation: LoadBalancedFargateFoundation
    /// One per track, in ``Track`` order.
    public let services: [FargateService]
    public let listener: ElasticLoadBalancingV2.Listener

    public init() {
      network = PublicTwoSubnetVPC()
      foundation = LoadBalancedFargateFoundation(network: network, containerPort: containerPort.ref)
      let settings = foundation.serviceSettings(cpu: taskCPU.ref, memory: taskMemory.ref)
      let services = Track.allCases.map { track in
        FargateService(
          track: track.rawValue, image: image(track).ref, desiredCount: desiredCount(track).ref, settings: settings)
      }
      self.services = services
      listener =
        WeightedForwardListener(
          "Listener", loadBalancer: foundation.loadBalancer,
          targets: zip(Track.allCases, services).map { (targetGroup: $1.targetGroup, weight: weight($0).ref) }
        ).listener
    }

    /// The service, task definition and target group of `track`.
    public func service(_ track: Track) -> FargateService { services[Track.allCases.firstIndex(of: track)!] }
  }

  /// The template.
  public static var template: Template { template(Parts()) }

  /// The template made of `parts`; a composed stack adds its own elements to it.
  public static func template(_ parts: Parts) -> Template {
    let network = parts.network
    let foundation = parts.foundation
    let loadBalancer = foundation.loadBalancer
    let services = parts.services
    let listener = parts.listener

    return Template(
      description:
        "Canary deployment on ECS Fargate behind an Application Load Balancer whose listener splits traffic between a stable and a canary target group by weight (StableWeight / CanaryWeight)."
    ) {
      ParameterGroup("Container images", [imageURIStable, imageURICanary, containerPort])
      ParameterGroup("Capacity", [desiredCountStable, desiredCountCanary, taskCPU, taskMemory])
      ParameterGroup("Traffic split", [stableWeight, canaryWeight])
      imageURIStable
      imageURICanary
      containerPort
      desiredCountStable
      desiredCountCanary
      stableWeight
      canaryWeight
      taskCPU
      taskMemory

      network.elements(comment: "Network")
      foundation.elements()
      for service in services { service.taskDefinition }
      loadBalancer.comment("Load balancer and weighted listener")
      for service in services { service.targetGroup }
      listener
      // The services register targets, so they wait for the listener.
      for (index, service) in services.enumerated() {
        let ecsService = service.service.dependsOn(listener)
        index == 0 ? ecsService.comment("ECS services") : ecsService
      }

      Output(
        Outputs.loadBalancerDNS, value: loadBalancer.dnsName,
        description: "Public DNS name of the Application Load Balancer",
        exportName: "\(AWS.stackName)-ALBDNS")
      Output("ALBArn", value: loadBalancer.ref, description: "ARN of the Application Load Balancer")
      Output(
        Outputs.listenerARN, value: listener.ref,
        description: "ARN of the HTTP:80 listener carrying the weighted forward action",
        exportName: "\(AWS.stackName)-ListenerArn")
      for (track, service) in zip(Track.allCases, services) {
        Output(
          Outputs.targetGroupARN(track), value: service.targetGroup.ref,
          description: "ARN of the \(track.rawValue) target group")
      }
      Output(Outputs.clusterName, value: foundation.cluster.ref, description: "Name of the ECS cluster")
      for (track, service) in zip(Track.allCases, services) {
        Output(
          Outputs.serviceName(track), value: service.service.name,
          description: "Name of the \(track.rawValue) ECS service")
      }
      for track in Track.allCases {
        Output(
          "\(track.title)WeightOut", value: weight(track).ref,
          description: "Listener weight of the \(track.rawValue) target group")
      }
      Output("VpcId", value: network.vpc.ref, description: "VPC id")
    }
  }
}
