// A `String` parameter cannot stand where a number is required.
// expect-error: cannot convert value of type 'Value<String>' to expected argument type 'Value<Number>'
import CloudFormation

func listener(port: Value<Number>) {}

let image = Parameter<String>.string("ImageURI")
listener(port: image.ref)
