// A string literal is not a number.
// expect-error: generic struct 'Value' requires that 'Number' conform to 'StringLiteralKind'
import CloudFormation

let port: Value<Number> = "8000"
