import BlueGreenStack
import Deploy

/// How gen's deploy commands see the blue/green stack: all traffic on the colour
/// `ActiveColor` names, switched by `gen switch`; every name taken from ``BlueGreenStack``.
public enum BlueGreenDeployment {
  /// `gen switch blue|green` steers this.
  public static let traffic = TrafficModel.switched(
    SwitchedTraffic(
      BlueGreenStack.activeColor,
      targets: BlueGreenStack.Color.allCases.map { color in
        TrafficTarget(
          name: color.rawValue, targetGroupOutput: BlueGreenStack.Outputs.targetGroupARN(color),
          serviceNameOutput: BlueGreenStack.Outputs.serviceName(color))
      },
      listener: ListenerOutputs(
        listenerARN: BlueGreenStack.Outputs.listenerARN, loadBalancerDNS: BlueGreenStack.Outputs.loadBalancerDNS,
        cluster: BlueGreenStack.Outputs.clusterName)))
}
