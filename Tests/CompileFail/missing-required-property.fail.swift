// A generated resource without one of its required properties does not compile.
// expect-error: missing argument for parameter 'defaultActions' in call
import AWSElasticLoadBalancingV2
import CloudFormation

let listener = ElasticLoadBalancingV2.Listener("Listener", loadBalancerARN: "arn:aws:elasticloadbalancing:example")
