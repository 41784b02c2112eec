// gen: renders this package's stacks and deploys the canary. `swift run gen`
// prints the canary template.
import BlueGreenStack
import CanaryDeployment
import CanaryStack
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
  deployment: CanaryDeployment.stack)
