// gen: renders, diffs and deploys this package's example stacks. `swift run gen`
// prints the canary template.
import BlueGreenStack
import CanaryStack
import ExampleDeployments
import GenCommand

Gen.run(stacks: [
  StackDefinition(
    name: "canary", fileName: "deploy-canary.yml", source: "Examples/Canary",
    summary: "Canary deployment on ECS Fargate: stable and canary services behind a weighted ALB listener",
    deployment: CanaryDeployment.settings, traffic: CanaryDeployment.traffic
  ) { CanaryStack.template },
  StackDefinition(
    name: "blue-green", fileName: "deploy-blue-green.yml", source: "Examples/BlueGreen",
    summary: "Blue/green deployment on ECS Fargate: all traffic on the colour ActiveColor names",
    traffic: BlueGreenDeployment.traffic
  ) { BlueGreenStack.template },
])
