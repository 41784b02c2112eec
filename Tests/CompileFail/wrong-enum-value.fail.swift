// A value outside a property's allowed set does not compile.
// expect-error: has no member 'htttp'
import AWSElasticLoadBalancingV2
import CloudFormation

let listener = ElasticLoadBalancingV2.Listener(
  "Listener", defaultActions: [], loadBalancerARN: "arn:aws:elasticloadbalancing:example", protocol: .htttp)
