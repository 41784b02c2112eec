// The control for the generated-resource snippets: the same listener, complete and
// with an allowed value, compiles; so does a String parameter through the escape.
import AWSElasticLoadBalancingV2
import CloudFormation

let protocolParameter = Parameter<String>.string("ListenerProtocol")
let listener = ElasticLoadBalancingV2.Listener(
  "Listener", defaultActions: [.init(type: .forward)], loadBalancerARN: "arn:aws:elasticloadbalancing:example",
  protocol: .http)
let other = ElasticLoadBalancingV2.Listener(
  "Other", defaultActions: [], loadBalancerARN: "arn:aws:elasticloadbalancing:example",
  protocol: .init(protocolParameter.ref))
