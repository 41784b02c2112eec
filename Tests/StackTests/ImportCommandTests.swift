import TestSupport
import Testing

/// `gen import --stack-name` against a fake aws: the deployed template, read
/// with get-template, written as Swift.
@Suite("gen import: a deployed stack's template")
struct ImportCommandTests {
  @Test("--stack-name reads the deployed template (region and profile passed on) and writes its Swift")
  func deployedStack() throws {
    let template = """
      Parameters:
        Env: {Type: String, Default: dev}
      Resources:
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: !Sub ${AWS::StackName}-${Env}-jobs
      Outputs:
        QueueArn:
          Value: !GetAtt Queue.Arn

      """
    let body = try DiffCommandTests.jsonString(template)
    let aws = FakeAWS(scenario: [DiffCommandTests.getTemplate(body)])
    let run = try aws.gen(["import", "--stack-name", "jobs", "--name", "Jobs", "--region", "eu-west-1"])
    #expect(run.status == 0, "\(run.error)")
    #expect(
      run.calls == [
        [
          "cloudformation", "get-template", "--stack-name", "jobs", "--template-stage", "Original", "--output", "json",
          "--region", "eu-west-1",
        ]
      ])
    #expect(run.output.contains("public enum Jobs {"))
    #expect(run.output.contains("import AWSSQS"))
    #expect(
      run.output.contains(#"static let queue = SQS.Queue("Queue", queueName: "\(AWS.stackName)-\(env.ref)-jobs")"#))
    #expect(run.output.contains(#"Output("QueueArn", value: queue.arn)"#))
  }

  @Test("a stack that does not exist: exit 2, and what to check")
  func missingStack() throws {
    let aws = FakeAWS(scenario: [
      (
        "cloudformation get-template",
        [
          AWSAnswer.failure(
            "An error occurred (ValidationError) when calling the GetTemplate operation: Stack with id gone does not exist"
          )
        ]
      )
    ])
    let run = try aws.gen(["import", "--stack-name", "gone"])
    #expect(run.status == 2)
    #expect(run.error.hasPrefix("gen: import: stack gone does not exist"))
    #expect(run.output.isEmpty)
  }
}
