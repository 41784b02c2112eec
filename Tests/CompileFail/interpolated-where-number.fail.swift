// Interpolation makes text, which cannot stand where a number is required.
// expect-error: generic struct 'Value' requires that 'Number' conform to 'StringLiteralKind'
import CloudFormation

let port: Value<Number> = "\(AWS.region)"
