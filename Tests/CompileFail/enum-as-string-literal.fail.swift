// An allowed value is written with its member, not as a free string.
// expect-error: requires that 'ElasticLoadBalancingV2.ProtocolValue' conform to 'StringLiteralKind'
import AWSElasticLoadBalancingV2
import CloudFormation

let listener = ElasticLoadBalancingV2.Listener(
  "Listener", defaultActions: [], loadBalancerARN: "arn:aws:elasticloadbalancing:example", protocol: "HTTP")
