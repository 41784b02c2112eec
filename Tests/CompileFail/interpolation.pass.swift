// Interpolation where a text value is expected compiles (and means !Sub).
import CloudFormation

let topic = UntypedResource("Topic", type: "AWS::SNS::Topic")
let port = Parameter<Number>.number("Port")
let name: Value<String> = "/\(AWS.stackName)/\(topic.ref)/\(port.ref)/\(3)/\("text")"
let document: Value<JSON> = .map(["Resource": "arn:\(AWS.partition):sns:::\(topic.getAtt("TopicName"))"])
let swiftText = "plain \(3) \("swift")"
