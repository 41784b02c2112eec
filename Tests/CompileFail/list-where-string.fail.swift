// A list parameter cannot stand where one string is required.
// expect-error: cannot convert value of type 'Value<[String]>' to expected argument type 'Value<String>'
import CloudFormation

func subnet(id: Value<String>) {}

let subnets = Parameter<[String]>.awsSpecificList("Subnets", type: .subnetIDs)
subnet(id: subnets.ref)
