// A resource itself cannot be interpolated: use its .ref or an attribute.
// expect-error: instance method 'appendInterpolation' requires that 'UntypedResource' conform to 'BinaryInteger'
import CloudFormation

let topic = UntypedResource("Topic", type: "AWS::SNS::Topic")
let name: Value<String> = "alerts-\(topic)"
