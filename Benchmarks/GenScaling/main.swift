// Generator benchmark: a stack of N copies of the canary app (2 task
// definitions, 2 target groups, a listener and 2 services per copy, on one
// shared network, cluster and load balancer), quotas lifted, rendered to YAML.
// Run it through Benchmarks/gen-scaling.sh.
//
//   gen-benchmark time N RUNS   # median render time in ms (stack built and rendered each run)
//   gen-benchmark memory N      # peak resident memory of a process that renders it once
import AWSEC2
import AWSECS
import AWSElasticLoadBalancingV2
import AWSIAM
import AWSLogs
import CloudFormation
import Patterns

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func copiesTemplate(_ copies: Int) -> Template {
  let image = Parameter<String>.string("ImageURI", minLength: 1)
  let port = Parameter<Number>.number("ContainerPort", default: 8000)
  let count = Parameter<Number>.number("DesiredCount", default: 1)
  let network = PublicTwoSubnetVPC()
  let group = EC2.SecurityGroup("ServiceSecurityGroup", groupDescription: "Services", vpcID: network.vpc.ref)
  let cluster = ECS.Cluster("Cluster")
  let logGroup = Logs.LogGroup("LogGroup", retentionInDays: 14)
  let role = IAM.Role(
    "TaskExecutionRole",
    assumeRolePolicyDocument: .map([
      "Version": "2012-10-17",
      "Statement": [
        .map(["Effect": "Allow", "Principal": .map(["Service": "ecs-tasks.amazonaws.com"]), "Action": "sts:AssumeRole"])
      ],
    ]))
  let alb = ElasticLoadBalancingV2.LoadBalancer("ALB", scheme: .internetFacing, subnets: network.subnetIDs)
  let settings = FargateService.Settings(
    cluster: cluster.ref, containerPort: port.ref, cpu: "256", memory: "512", executionRoleARN: role.arn,
    logGroup: logGroup.ref, vpcID: network.vpc.ref, subnetIDs: network.subnetIDs, securityGroupIDs: [group.ref])
  return Template(description: "\(copies) copies of the canary app") {
    image
    port
    count
    network.elements()
    group
    cluster
    logGroup
    role
    alb
    for copy in 0..<copies {
      let services = ["stable", "canary"].map { track in
        FargateService(track: "\(track)\(copy)", image: image.ref, desiredCount: count.ref, settings: settings)
      }
      let listener = WeightedForwardListener(
        "Listener\(copy)", loadBalancer: alb, port: Value(80 + copy),
        targets: [(services[0].targetGroup, 95), (services[1].targetGroup, 5)]
      ).listener
      for service in services { service.taskDefinition }
      for service in services { service.targetGroup }
      listener
      for service in services { service.service.dependsOn(listener) }
    }
  }
}

func milliseconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let arguments = CommandLine.arguments
let options = RenderOptions(ignoresQuotasForBenchmarks: true)
switch arguments.count > 2 ? arguments[1] : "" {
case "time":
  let copies = Int(arguments[2]) ?? 1
  let runs = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
  let clock = ContinuousClock()
  var times: [Double] = []
  var bytes = 0
  for _ in 0...runs {
    let start = clock.now
    bytes = try copiesTemplate(copies).yaml(options: options).utf8.count
    times.append(milliseconds(clock.now - start))
  }
  let measured = times.dropFirst().sorted()  // the first run warms up
  print("\(copies)\t\(measured[measured.count / 2])\t\(bytes)")
case "memory":
  let copies = Int(arguments[2]) ?? 1
  let bytes = try copiesTemplate(copies).yaml(options: options).utf8.count
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  print("\(copies)\t\(usage.ru_maxrss)\t\(bytes)")
default:
  print("usage: gen-benchmark time N RUNS | memory N")
  exit(2)
}
