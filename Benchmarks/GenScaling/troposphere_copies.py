"""The generator benchmark's stack (N copies of the canary app) built with
troposphere and rendered to YAML, for comparison in the same run.

Usage: troposphere_copies.py N RUNS   → prints "N<TAB>median ms<TAB>bytes"
"""
import statistics
import sys
import time

import troposphere
from troposphere import GetAtt, Parameter, Ref, Select, GetAZs, Sub, Tags, Template
from troposphere import ec2, ecs, elasticloadbalancingv2 as elb, iam, logs


# Past CloudFormation's quotas, as the Swift side (RenderOptions.ignoresQuotasForBenchmarks).
troposphere.MAX_RESOURCES = 1_000_000


def build(copies):
    t = Template(Description=f"{copies} copies of the canary app")
    image = t.add_parameter(Parameter("ImageURI", Type="String", MinLength=1))
    port = t.add_parameter(Parameter("ContainerPort", Type="Number", Default=8000))
    count = t.add_parameter(Parameter("DesiredCount", Type="Number", Default=1))
    vpc = t.add_resource(ec2.VPC("VPC", CidrBlock="10.0.0.0/16", EnableDnsHostnames=True, EnableDnsSupport=True,
                                 Tags=Tags(Name=Sub("${AWS::StackName}-vpc"))))
    igw = t.add_resource(ec2.InternetGateway("InternetGateway", Tags=Tags(Name=Sub("${AWS::StackName}-igw"))))
    attachment = t.add_resource(ec2.VPCGatewayAttachment("VPCGatewayAttachment", VpcId=Ref(vpc),
                                                         InternetGatewayId=Ref(igw)))
    subnets = []
    for index, block in enumerate(["10.0.0.0/24", "10.0.1.0/24"]):
        subnets.append(t.add_resource(ec2.Subnet(
            f"PublicSubnet{index + 1}", VpcId=Ref(vpc), AvailabilityZone=Select(index, GetAZs("")), CidrBlock=block,
            MapPublicIpOnLaunch=True, Tags=Tags(Name=Sub(f"${{AWS::StackName}}-public-{index + 1}")))))
    table = t.add_resource(ec2.RouteTable("PublicRouteTable", VpcId=Ref(vpc),
                                          Tags=Tags(Name=Sub("${AWS::StackName}-public-rt"))))
    t.add_resource(ec2.Route("DefaultPublicRoute", DependsOn=attachment, RouteTableId=Ref(table),
                             DestinationCidrBlock="0.0.0.0/0", GatewayId=Ref(igw)))
    for subnet in subnets:
        t.add_resource(ec2.SubnetRouteTableAssociation(f"{subnet.title}RouteTableAssociation",
                                                       RouteTableId=Ref(table), SubnetId=Ref(subnet)))
    group = t.add_resource(ec2.SecurityGroup("ServiceSecurityGroup", GroupDescription="Services", VpcId=Ref(vpc)))
    cluster = t.add_resource(ecs.Cluster("Cluster"))
    log_group = t.add_resource(logs.LogGroup("LogGroup", RetentionInDays=14))
    role = t.add_resource(iam.Role("TaskExecutionRole", AssumeRolePolicyDocument={
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                       "Action": "sts:AssumeRole"}]}))
    alb = t.add_resource(elb.LoadBalancer("ALB", Scheme="internet-facing", Subnets=[Ref(s) for s in subnets]))
    for copy in range(copies):
        parts = []
        for track in (f"stable{copy}", f"canary{copy}"):
            title = track[0].upper() + track[1:]
            task = ecs.TaskDefinition(
                f"TaskDefinition{title}",
                ContainerDefinitions=[ecs.ContainerDefinition(
                    Image=Ref(image), Name="app", Environment=[ecs.Environment(Name="APP_VERSION", Value=track)],
                    Essential=True,
                    LogConfiguration=ecs.LogConfiguration(LogDriver="awslogs", Options={
                        "awslogs-group": Ref(log_group), "awslogs-region": Ref("AWS::Region"),
                        "awslogs-stream-prefix": track}),
                    PortMappings=[ecs.PortMapping(ContainerPort=Ref(port), Protocol="tcp")])],
                Cpu="256", ExecutionRoleArn=GetAtt(role, "Arn"), Family=Sub(f"${{AWS::StackName}}-{track}"),
                Memory="512", NetworkMode="awsvpc", RequiresCompatibilities=["FARGATE"])
            target = elb.TargetGroup(
                f"TargetGroup{title}", HealthCheckEnabled=True, HealthCheckIntervalSeconds=15, HealthCheckPath="/",
                HealthCheckProtocol="HTTP", HealthCheckTimeoutSeconds=5, HealthyThresholdCount=2,
                Matcher=elb.Matcher(HttpCode="200-399"), Port=Ref(port), Protocol="HTTP",
                Tags=Tags(Track=track),
                TargetGroupAttributes=[elb.TargetGroupAttribute(Key="deregistration_delay.timeout_seconds",
                                                                 Value="30")],
                TargetType="ip", UnhealthyThresholdCount=3, VpcId=Ref(vpc))
            parts.append((track, title, task, target))
        listener = elb.Listener(
            f"Listener{copy}", LoadBalancerArn=Ref(alb), Port=80 + copy, Protocol="HTTP",
            DefaultActions=[elb.Action(Type="forward", ForwardConfig=elb.ForwardConfig(
                TargetGroupStickinessConfig=elb.TargetGroupStickinessConfig(Enabled=False),
                TargetGroups=[elb.TargetGroupTuple(TargetGroupArn=Ref(parts[0][3]), Weight=95),
                              elb.TargetGroupTuple(TargetGroupArn=Ref(parts[1][3]), Weight=5)]))])
        for _, _, task, _ in parts:
            t.add_resource(task)
        for _, _, _, target in parts:
            t.add_resource(target)
        t.add_resource(listener)
        for track, title, task, target in parts:
            t.add_resource(ecs.Service(
                f"Service{title}", DependsOn=listener, Cluster=Ref(cluster),
                DeploymentConfiguration=ecs.DeploymentConfiguration(
                    DeploymentCircuitBreaker=ecs.DeploymentCircuitBreaker(Enable=True, Rollback=True),
                    MaximumPercent=200, MinimumHealthyPercent=100),
                DesiredCount=Ref(count), HealthCheckGracePeriodSeconds=60, LaunchType="FARGATE",
                LoadBalancers=[ecs.LoadBalancer(ContainerName="app", ContainerPort=Ref(port),
                                                TargetGroupArn=Ref(target))],
                NetworkConfiguration=ecs.NetworkConfiguration(AwsvpcConfiguration=ecs.AwsvpcConfiguration(
                    AssignPublicIp="ENABLED", SecurityGroups=[Ref(group)], Subnets=[Ref(s) for s in subnets])),
                ServiceName=f"app-{track}", TaskDefinition=Ref(task)))
    return t


def main():
    copies, runs = int(sys.argv[1]), int(sys.argv[2])
    times, size = [], 0
    for _ in range(runs + 1):
        start = time.perf_counter()
        size = len(build(copies).to_yaml().encode())
        times.append((time.perf_counter() - start) * 1000)
    print(f"{copies}\t{statistics.median(times[1:]):.2f}\t{size}")


if __name__ == "__main__":
    main()
