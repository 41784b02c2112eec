// A `gen` of someone's own: one stack with deploy settings (a stack name, tags,
// termination protection, a capability the template cannot show) and no traffic
// model. The fake-aws tests run it to check what the settings do and that no
// traffic command is offered.
import CloudFormation
import GenCommand

let queueName = Parameter<String>.string("QueueName", description: "The queue's name", minLength: 1)
let queue = UntypedResource("Queue", type: "AWS::SQS::Queue", properties: .map(["QueueName": .init(queueName.ref)]))
let nested = UntypedResource(
  "Workers", type: "AWS::CloudFormation::Stack",
  properties: .map(["TemplateURL": "https://s3.amazonaws.com/templates/workers.template"]))

Gen.run(stacks: [
  StackDefinition(
    name: "queue", fileName: "queue.yml", source: "Tests/SettingsGen", summary: "A queue and a nested stack",
    deployment: DeploySettings(
      stackName: "orders-queue", tags: ["team": "payments", "cost-center": "42"], terminationProtection: true,
      capabilities: [.namedIAM])
  ) {
    Template(description: "A queue and a nested stack of workers") {
      queueName
      queue
      nested
      Output("QueueUrl", value: queue.ref)
    }
  }
])
