// A template value inside a plain Swift String would write its debug description.
// expect-error: ambiguous use of 'appendInterpolation'
import CloudFormation

let path: String = "/\(AWS.stackName)/data-bucket-name"
