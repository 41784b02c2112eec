// A `Number` parameter cannot stand where a string is required.
// expect-error: cannot convert value of type 'Value<Number>' to expected argument type 'Value<String>'
import CloudFormation

func container(image: Value<String>) {}

let port = Parameter<Number>.number("ContainerPort")
container(image: port.ref)
