// A stack with a mistake, printed the way the README shows: `template.print()`
// must list the problem on stderr and exit 1, never crash or print half a template.
import CloudFormation

let ghost = UntypedResource("Ghost", type: "AWS::SQS::Queue")
let template = Template(description: "A stack with a dangling reference") {
  UntypedResource("Topic", type: "AWS::SNS::Topic", properties: .map(["DisplayName": .init(ghost.ref)]))
}
template.print()
