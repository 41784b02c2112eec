// A parameter inside a plain Swift String would write its debug description.
// expect-error: ambiguous use of 'appendInterpolation'
import CloudFormation

let image = Parameter<String>.string("ImageURI")
print("deploying \(image)")
