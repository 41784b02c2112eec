// A list cannot stand in !Sub text.
// expect-error: no exact matches in call to instance method 'appendInterpolation'
import CloudFormation

let zones: Value<String> = "zones: \(Value<[String]>.getAZs())"
