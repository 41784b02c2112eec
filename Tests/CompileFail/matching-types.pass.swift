// The control: the same shapes with matching types compile, so the failures
// above are the type checks and not a broken set-up.
import CloudFormation

func listener(port: Value<Number>) {}
func container(image: Value<String>) {}
func subnet(id: Value<String>) {}

let image = Parameter<String>.string("ImageURI")
let port = Parameter<Number>.number("ContainerPort")
let subnets = Parameter<[String]>.awsSpecificList("Subnets", type: .subnetIDs)
listener(port: port.ref)
listener(port: 8000)
container(image: image.ref)
container(image: .sub("${AWS::StackName}-app"))
subnet(id: .select(0, subnets.ref))
