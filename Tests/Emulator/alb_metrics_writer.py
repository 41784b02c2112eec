#!/usr/bin/env python3
"""Writes the canary stack's load balancer metrics into the emulator, as ALB would.

Usage (under Tests/Emulator/with-moto):
    python3 Tests/Emulator/alb_metrics_writer.py STACK_NAME MODE_FILE

Every quarter second it puts, for each target group of the stack (stable and
canary), `RequestCount`, `HTTPCode_Target_5XX_Count` and `TargetResponseTime`
samples into `AWS/ApplicationELB` (one-second resolution, dimensions
`LoadBalancer` and `TargetGroup` with the values ALB files them with; listed in
the other order than gen's queries list them, which must not matter), in
proportion to the listener's current weights: 40 requests a round. MODE_FILE
holds one word, read on every round:

- `healthy`: both versions answer fast, 0.1% of stable's requests fail.
- `failing-from-50`: as healthy until the canary's weight reaches 50, then 10%
  of the canary's requests fail.
- `quiet`: nothing is written (no traffic).
- `stop`: the writer exits.

A failed call (such as the listener gone with its stack) is reported on
stderr and the round skipped; the writer goes on until `stop`.
"""

import os
import sys
import time

import boto3
import botocore.exceptions

stack_name, mode_file = sys.argv[1], sys.argv[2]
session = boto3.session.Session(region_name=os.environ.get("AWS_DEFAULT_REGION", "us-east-1"))
endpoint = os.environ["AWS_ENDPOINT_URL"]
cloudformation = session.client("cloudformation", endpoint_url=endpoint)
elbv2 = session.client("elbv2", endpoint_url=endpoint)
cloudwatch = session.client("cloudwatch", endpoint_url=endpoint)

outputs = {
    output["OutputKey"]: output["OutputValue"]
    for output in cloudformation.describe_stacks(StackName=stack_name)["Stacks"][0]["Outputs"]
}
listener_arn = outputs["ListenerArn"]
groups = {"stable": outputs["StableTargetGroupArn"], "canary": outputs["CanaryTargetGroupArn"]}
load_balancer_arn = elbv2.describe_listeners(ListenerArns=[listener_arn])["Listeners"][0]["LoadBalancerArn"]
load_balancer = load_balancer_arn.split(":loadbalancer/", 1)[1]
requests_per_round = 40


def weights():
    action = elbv2.describe_listeners(ListenerArns=[listener_arn])["Listeners"][0]["DefaultActions"][0]
    by_arn = {group["TargetGroupArn"]: group["Weight"] for group in action["ForwardConfig"]["TargetGroups"]}
    return {track: by_arn.get(arn, 0) for track, arn in groups.items()}


def write_round(mode):
    """One round of requests, split by the listener's weights."""
    current = weights()
    data = []
    for track, arn in groups.items():
        requests = round(requests_per_round * current[track] / 100)
        if requests == 0:
            continue
        failing = track == "canary" and mode == "failing-from-50" and current["canary"] >= 50
        errors = round(requests * (0.1 if failing else (0.001 if track == "stable" else 0)))
        dimensions = [
            {"Name": "LoadBalancer", "Value": load_balancer},
            {"Name": "TargetGroup", "Value": arn.split(":")[-1]},
        ]
        now = time.time()
        common = {"Dimensions": dimensions, "Timestamp": now, "StorageResolution": 1}
        data += [
            {"MetricName": "RequestCount", "Value": requests, "Unit": "Count", **common},
            {"MetricName": "HTTPCode_Target_5XX_Count", "Value": errors, "Unit": "Count", **common},
            {
                "MetricName": "TargetResponseTime",
                "Values": [0.05 + 0.01 * (index % 10) for index in range(requests)],
                "Unit": "Seconds",
                **common,
            },
        ]
    if data:
        cloudwatch.put_metric_data(Namespace="AWS/ApplicationELB", MetricData=data)


while True:
    try:
        with open(mode_file) as file:
            mode = file.read().strip()
    except OSError:
        mode = "quiet"
    if mode == "stop":
        break
    if mode != "quiet":
        try:
            write_round(mode)
        except (botocore.exceptions.BotoCoreError, botocore.exceptions.ClientError) as error:
            print(f"alb_metrics_writer: round skipped: {error}", file=sys.stderr)
    time.sleep(0.25)
