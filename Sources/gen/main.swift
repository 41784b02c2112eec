// gen: renders this package's stacks and deploys the canary. `swift run gen`
// prints the canary template.
import BlueGreenStack
import CanaryStack
import Deploy
import GenCommand

Gen.run(
  stacks: [
    StackDefinition(
      name: "canary", fileName: "deploy-canary.yml", source: "Examples/Canary",
      summary: "Canary deployment on ECS Fargate: stable and canary services behind a weighted ALB listener"
    ) { CanaryStack.template },
    StackDefinition(
      name: "blue-green", fileName: "deploy-blue-green.yml", source: "Examples/BlueGreen",
      summary: "Blue/green deployment on ECS Fargate: all traffic on the colour ActiveColor names"
    ) { BlueGreenStack.template },
  ],
  // What gen deploy, set-weights, rollback, status, delete and probe work on.
  deployment: WeightedStack(
    defaultStackName: "ecs-canary-demo-stack", template: { CanaryStack.template },
    tracks: CanaryStack.Track.allCases.map { track in
      .init(
        role: track.rawValue, weight: CanaryStack.weight(track),
        targetGroupOutput: CanaryStack.OutputName.targetGroupARN(track),
        serviceNameOutput: CanaryStack.OutputName.serviceName(track))
    },
    loadBalancerDNSOutput: CanaryStack.OutputName.loadBalancerDNS,
    listenerARNOutput: CanaryStack.OutputName.listenerARN, clusterOutput: CanaryStack.OutputName.clusterName))
