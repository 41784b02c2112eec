import CloudFormation
import Testing

/// `Fn::ForEach` loops over whole sections, kept as written.
@Suite("ForEachLoop")
struct ForEachLoopTests {
  static let names = Parameter<[String]>.commaDelimitedList("Names", default: "Orders,Payments")
  static let queues = ForEachLoop(
    "Queues", in: .resources, identifier: "Name", collection: names.ref,
    outputs: ["${Name}Queue": .map(["Type": "AWS::SQS::Queue", "Properties": ["QueueName": .sub("${Name}-jobs")]])])

  @Test(
    "a loop renders as its section's Fn::ForEach entry, in declaration order, and entries it makes can be referred to")
  func rendering() throws {
    let topic = UntypedResource(
      "Alerts", type: "AWS::SNS::Topic",
      properties: .map([
        "Subscription": [["Endpoint": JSONValue(.getAtt(resource: "OrdersQueue", attribute: "Arn"))]]
      ]))
    let template = Template(transform: ["AWS::LanguageExtensions"]) {
      Self.names
      Self.queues
      topic
      ForEachLoop(
        "Urls", in: .outputs, identifier: "Name", collection: ["Orders"],
        outputs: ["${Name}Url": .map(["Value": .init(Value<String>(.ref("${Name}Queue")))])])
    }
    let yaml = try template.yaml()
    #expect(
      yaml == """
        AWSTemplateFormatVersion: "2010-09-09"

        Parameters:
          Names:
            Type: CommaDelimitedList
            Default: Orders,Payments

        Transform: AWS::LanguageExtensions

        Resources:
          Fn::ForEach::Queues:
            - Name
            - !Ref Names
            - ${Name}Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub ${Name}-jobs

          Alerts:
            Type: AWS::SNS::Topic
            Properties:
              Subscription:
                - Endpoint: !GetAtt OrdersQueue.Arn

        Outputs:
          Fn::ForEach::Urls:
            - Name
            - - Orders
            - ${Name}Url:
                Value: !Ref ${Name}Queue

        """)
  }

  @Test("a name no loop can make is still a dangling reference")
  func danglingReference() {
    let template = Template {
      Self.names
      Self.queues
      UntypedResource(
        "Alerts", type: "AWS::SNS::Topic",
        properties: .map(["Endpoint": .init(Value<String>(.getAtt(resource: "OrdersTopic", attribute: "Arn")))]))
    }
    let messages = template.problems().map(\.description)
    #expect(messages.contains { $0.contains("OrdersTopic") && $0.contains("not a resource of the template") })
  }
}
