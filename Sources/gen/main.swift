// gen: renders, diffs and deploys this package's example stacks. `swift run gen`
// prints the canary template.
import BlueGreenStack
import CanaryStack
import CanaryWatchedStack
import ExampleDeployments
import GenCommand
import NativeCanaryStack

Gen.run(stacks: [
  StackDefinition(
    name: "canary", fileName: "deploy-canary.yml", source: "Examples/Canary",
    summary: "Canary deployment on ECS Fargate: stable and canary services behind a weighted ALB listener",
    deployment: CanaryDeployment.settings, traffic: CanaryDeployment.traffic
  ) { CanaryStack.template },
  StackDefinition(
    name: "canary-watched", fileName: "deploy-canary-watched.yml", source: "Examples/CanaryWatched",
    summary: "The canary with CloudWatch alarms on each version's 5xx rate and p99, and a dashboard",
    deployment: CanaryDeployment.watchedSettings, traffic: CanaryDeployment.watchedTraffic
  ) { CanaryWatchedStack.template },
  StackDefinition(
    name: "native-canary", fileName: "deploy-native-canary.yml", source: "Examples/NativeCanary",
    summary: "One ECS service whose deployments ECS shifts itself (CANARY strategy, alarm rollback)",
    deployment: DeploySettings(stackName: "ecs-native-canary-stack")
  ) { NativeCanaryStack.template },
  StackDefinition(
    name: "blue-green", fileName: "deploy-blue-green.yml", source: "Examples/BlueGreen",
    summary: "Blue/green deployment on ECS Fargate: all traffic on the colour ActiveColor names",
    traffic: BlueGreenDeployment.traffic
  ) { BlueGreenStack.template },
])
