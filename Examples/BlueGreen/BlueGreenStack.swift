import AWSEC2
import AWSECS
import AWSElasticLoadBalancingV2
import AWSIAM
import AWSLogs
import CloudFormation
import Patterns

/// Blue/green deployment, the canary stack's sibling strategy: two versions on
/// ECS Fargate, `blue` and `green`, and all listener traffic on the active one,
/// switched at once by changing the parameter `ActiveColor`.
public enum BlueGreenStack {
  /// The two colours.
  public enum Color: String, CaseIterable, Sendable {
    case blue, green

    var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
  }

  public static let imageURIBlue = Parameter<String>.string(
    "ImageURIBlue", description: "Container image URI for the blue version", minLength: 1)
  public static let imageURIGreen = Parameter<String>.string(
    "ImageURIGreen", description: "Container image URI for the green version", minLength: 1)
  public static let containerPort = Parameter<Number>.number(
    "ContainerPort", description: "Port the application container listens on", default: 8000, minValue: 1,
    maxValue: 65535)
  public static let desiredCount = Parameter<Number>.number(
    "DesiredCount", description: "Number of tasks for each colour's service", default: 2, minValue: 0)
  public static let activeColor = Parameter<String>.string(
    "ActiveColor", description: "The colour that receives all listener traffic", default: "blue",
    allowedValues: Color.allCases.map(\.rawValue))
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
    /// `BlueTargetGroupArn`, `GreenTargetGroupArn`.
    public static func targetGroupARN(_ color: Color) -> OutputName { OutputName("\(color.title)TargetGroupArn") }
    /// `BlueServiceName`, `GreenServiceName`.
    public static func serviceName(_ color: Color) -> OutputName { OutputName("\(color.title)ServiceName") }
  }

  static func image(_ color: Color) -> Parameter<String> { color == .blue ? imageURIBlue : imageURIGreen }

  /// `BlueIsActive` / `GreenIsActive`: whether `ActiveColor` names the colour.
  public static func isActive(_ color: Color) -> Condition {
    Condition("\(color.title)IsActive", .equals(activeColor.ref, Value(color.rawValue)))
  }

  /// The template.
  public static var template: Template {
    let network = PublicTwoSubnetVPC()
    let foundation = LoadBalancedFargateFoundation(network: network, containerPort: containerPort.ref)
    let loadBalancer = foundation.loadBalancer
    let settings = foundation.serviceSettings(cpu: taskCPU.ref, memory: taskMemory.ref)
    let services = Color.allCases.map { color in
      FargateService(track: color.rawValue, image: image(color).ref, desiredCount: desiredCount.ref, settings: settings)
    }
    // All traffic to the active colour, none to the other: 100/0, switched at once.
    let listener = WeightedForwardListener(
      "Listener", loadBalancer: loadBalancer,
      targets: zip(Color.allCases, services).map { color, service in
        (targetGroup: service.targetGroup, weight: Value<Number>.if(isActive(color), 100, 0))
      }
    ).listener

    return Template(
      description:
        "Blue/green deployment on ECS Fargate: all listener traffic goes to the service of the colour named by ActiveColor."
    ) {
      ParameterGroup("Container images", [imageURIBlue, imageURIGreen, containerPort])
      ParameterGroup("Capacity", [desiredCount, taskCPU, taskMemory])
      ParameterGroup("Traffic", [activeColor])
      imageURIBlue
      imageURIGreen
      containerPort
      desiredCount
      activeColor
      taskCPU
      taskMemory

      for color in Color.allCases { isActive(color) }

      network.elements(comment: "Network")
      foundation.elements()
      for service in services { service.taskDefinition }
      loadBalancer.comment("Load balancer and the listener that sends all traffic to the active colour")
      for service in services { service.targetGroup }
      listener
      for (index, service) in services.enumerated() {
        let ecsService = service.service.dependsOn(listener)
        index == 0 ? ecsService.comment("ECS services, one per colour") : ecsService
      }

      Output(
        Outputs.loadBalancerDNS, value: loadBalancer.dnsName,
        description: "Public DNS name of the Application Load Balancer",
        exportName: "\(AWS.stackName)-ALBDNS")
      Output(
        Outputs.listenerARN, value: listener.ref, description: "ARN of the HTTP:80 listener",
        exportName: "\(AWS.stackName)-ListenerArn")
      Output("ActiveColorOut", value: activeColor.ref, description: "The colour receiving all traffic")
      Output(Outputs.clusterName, value: foundation.cluster.ref, description: "Name of the ECS cluster")
      for (color, service) in zip(Color.allCases, services) {
        Output(
          Outputs.targetGroupARN(color), value: service.targetGroup.ref,
          description: "ARN of the \(color.rawValue) target group")
        Output(
          Outputs.serviceName(color), value: service.service.name,
          description: "Name of the \(color.rawValue) ECS service")
      }
    }
  }
}
