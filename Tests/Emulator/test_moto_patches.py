#!/usr/bin/env python3
"""Shows, with the real Generated/deploy-canary.yml and deploy-blue-green.yml, what moto_server_patched.py corrects.

    python3 -m unittest Tests/Emulator/test_moto_patches.py
    python3 Tests/Emulator/test_moto_patches.py

Each test starts the patched launcher as a subprocess on a free port and stops
it in tearDown; the flow is the one the `gen deploy / set-weights / rollback /
status / delete` commands and a blue/green switch run: change sets, execution,
describe-stacks, describe-stack-events, the listener, target health, ECS
services, deletion.  Needs boto3 and moto[server] 5.2.1; the aws CLI tests are
skipped without `aws`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import boto3
import botocore.config
import botocore.exceptions
import botocore.parsers

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
LAUNCHER = HERE / "moto_server_patched.py"
TEMPLATE = (REPO / "Generated" / "deploy-canary.yml").read_text()
BLUE_GREEN_TEMPLATE = (REPO / "Generated" / "deploy-blue-green.yml").read_text()
WATCHED_TEMPLATE = (REPO / "Generated" / "deploy-canary-watched.yml").read_text()

STACK = "canary-test"
PARAMETERS = {
    "ImageURIStable": "public.ecr.aws/nginx/nginx:1.27",
    "ImageURICanary": "public.ecr.aws/nginx/nginx:1.28",
    "ContainerPort": "8000",
    "DesiredCountStable": "2",
    "DesiredCountCanary": "1",
    "StableWeight": "95",
    "CanaryWeight": "5",
    "TaskCpu": "256",
    "TaskMemory": "512",
}
# The canary template followed by a long YAML comment: still the same template,
# but over the 51,200 bytes a TemplateBody may hold, so it has to go by S3.
BIG_TEMPLATE = TEMPLATE + "".join(
    f"# {i:03d} This comment only makes the template larger than a TemplateBody may be.\n" for i in range(600)
)
TEMPLATE_BODY_LIMIT = 51_200
TOO_LARGE = "Member must have length less than or equal to 51200"
BUCKET = "gen-templates"
KEY = "canary/deploy-canary.yml"
BLUE_GREEN_STACK = "blue-green-test"
BLUE_GREEN_PARAMETERS = {  # every other parameter keeps its default; ActiveColor defaults to blue
    "ImageURIBlue": "public.ecr.aws/nginx/nginx:1.27",
    "ImageURIGreen": "public.ecr.aws/nginx/nginx:1.28",
}
BLUE_GREEN_PARAMETER_NAMES = ["ImageURIBlue", "ImageURIGreen", "ContainerPort", "DesiredCount", "ActiveColor", "TaskCpu", "TaskMemory"]
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}
NO_CHANGES = "The submitted information didn't contain changes. Submit different information to create a change set."
WATCHED_STACK = "watched-test"
ALB = "AWS/ApplicationELB"


def parameter_list(values: dict[str, str]) -> list[dict[str, str]]:
    return [{"ParameterKey": k, "ParameterValue": v} for k, v in values.items()]


class PatchedMotoTestCase(unittest.TestCase):
    """Starts the patched server; helpers for the deploy flow."""

    stack_name = STACK
    server_environment: dict[str, str] = {}  # extra environment of the launcher

    def setUp(self) -> None:
        env = dict(os.environ, **CREDENTIALS, **self.server_environment)
        env.pop("AWS_PROFILE", None)
        if "MOTO_ECS_SERVICE_RUNNING" not in self.server_environment:
            env.pop("MOTO_ECS_SERVICE_RUNNING", None)
        self.server = subprocess.Popen(
            [sys.executable, str(LAUNCHER), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        line = self.server.stdout.readline().strip()
        if not line.startswith("READY http://127.0.0.1:"):
            self.server.kill()
            _, err = self.server.communicate()
            self.fail(f"launcher did not report READY: {line!r}\n{err}")
        self.endpoint = line.split(" ", 1)[1]
        config = botocore.config.Config(retries={"max_attempts": 1})
        session = boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
        )
        client = lambda name: session.client(name, endpoint_url=self.endpoint, config=config)  # noqa: E731
        self.cfn = client("cloudformation")
        self.elbv2 = client("elbv2")
        self.ecs = client("ecs")
        self.ec2 = client("ec2")
        self.logs = client("logs")
        self.iam = client("iam")
        self.s3 = client("s3")
        self.cloudwatch = client("cloudwatch")

    def aws(self, *args: str) -> str:
        """Runs the aws CLI against the server, as gen does; its stdout."""
        env = dict(os.environ, AWS_ENDPOINT_URL=self.endpoint, **CREDENTIALS)
        env.pop("AWS_PROFILE", None)
        result = subprocess.run(["aws", *args, "--output", "json"], capture_output=True, text=True, env=env, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def tearDown(self) -> None:
        self.server.terminate()
        try:
            _, err = self.server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.server.kill()
            _, err = self.server.communicate()
        # The launcher must stop on SIGTERM and be quiet on stdout.
        self.assertEqual(self.server.returncode, 0, err)

    # -- the deploy flow ---------------------------------------------------

    def create_change_set(self, name: str, change_set_type: str, parameters: list[dict], **template) -> dict:
        if not template:
            template = {"TemplateBody": TEMPLATE}
        self.cfn.create_change_set(
            StackName=self.stack_name,
            ChangeSetName=name,
            ChangeSetType=change_set_type,
            Capabilities=["CAPABILITY_NAMED_IAM"],
            Parameters=parameters,
            **template,
        )
        deadline = time.monotonic() + 30
        while True:
            description = self.cfn.describe_change_set(StackName=self.stack_name, ChangeSetName=name)
            if description["Status"] in ("CREATE_COMPLETE", "FAILED") or time.monotonic() > deadline:
                return description
            time.sleep(0.2)

    def execute(self, name: str) -> dict:
        self.cfn.execute_change_set(StackName=self.stack_name, ChangeSetName=name)
        deadline = time.monotonic() + 30
        while True:
            stack = self.cfn.describe_stacks(StackName=self.stack_name)["Stacks"][0]
            if not stack["StackStatus"].endswith("_IN_PROGRESS") or time.monotonic() > deadline:
                return stack
            time.sleep(0.2)

    def deploy(self, values: dict[str, str] = PARAMETERS, **template) -> dict:
        description = self.create_change_set("gen-deploy-1", "CREATE", parameter_list(values), **template)
        self.assertEqual(description["Status"], "CREATE_COMPLETE", description.get("StatusReason"))
        stack = self.execute("gen-deploy-1")
        self.assertEqual(stack["StackStatus"], "CREATE_COMPLETE", stack.get("StackStatusReason"))
        return stack

    def stack(self, name: str | None = None) -> dict:
        return self.cfn.describe_stacks(StackName=name or self.stack_name)["Stacks"][0]

    @staticmethod
    def outputs(stack: dict) -> dict[str, str]:
        return {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs") or []}

    @staticmethod
    def parameters(stack: dict) -> dict[str, str]:
        return {p["ParameterKey"]: p["ParameterValue"] for p in stack["Parameters"]}

    def physical_ids(self) -> dict[str, str]:
        summaries = self.cfn.list_stack_resources(StackName=self.stack_name)["StackResourceSummaries"]
        return {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in summaries}

    def listener_weights(self, listener_arn: str) -> dict[str, int]:
        listener = self.elbv2.describe_listeners(ListenerArns=[listener_arn])["Listeners"][0]
        action = listener["DefaultActions"][0]
        self.assertEqual(action["Type"], "forward")
        self.assertEqual(action["ForwardConfig"]["TargetGroupStickinessConfig"], {"Enabled": False})
        return {g["TargetGroupArn"]: g["Weight"] for g in action["ForwardConfig"]["TargetGroups"]}

    def assert_nothing_left(self, ids: dict[str, str], cluster: str, services: list[str]) -> None:
        """After delete-stack: no resource of the stack is left in any backend."""
        self.assertEqual(self.cfn.list_exports()["Exports"], [])
        self.assertEqual(self.elbv2.describe_load_balancers()["LoadBalancers"], [])
        self.assertEqual(self.elbv2.describe_target_groups()["TargetGroups"], [])
        default_vpc = [v["VpcId"] for v in self.ec2.describe_vpcs()["Vpcs"] if v["IsDefault"]]
        self.assertEqual([v["VpcId"] for v in self.ec2.describe_vpcs()["Vpcs"]], default_vpc)
        self.assertEqual([s["SubnetId"] for s in self.ec2.describe_subnets()["Subnets"] if s["VpcId"] == ids["VPC"]], [])
        self.assertEqual([r["RouteTableId"] for r in self.ec2.describe_route_tables()["RouteTables"] if r["VpcId"] not in default_vpc], [])
        self.assertEqual(self.ec2.describe_internet_gateways()["InternetGateways"], [])
        self.assertEqual([g["GroupId"] for g in self.ec2.describe_security_groups()["SecurityGroups"] if g["VpcId"] == ids["VPC"]], [])
        # ECS keeps deleted clusters, services and task definitions as INACTIVE, like AWS
        clusters = self.ecs.describe_clusters(clusters=[cluster])["clusters"]
        self.assertEqual([c["status"] for c in clusters], ["INACTIVE"])
        described = self.ecs.describe_services(cluster=cluster, services=services)["services"]
        self.assertEqual([s["status"] for s in described], ["INACTIVE"] * len(services))
        self.assertEqual(self.ecs.list_task_definitions(status="ACTIVE")["taskDefinitionArns"], [])
        task_definitions = [arn for name, arn in ids.items() if name.startswith("TaskDefinition")]
        self.assertTrue(task_definitions)
        for arn in task_definitions:
            self.assertEqual(self.ecs.describe_task_definition(taskDefinition=arn)["taskDefinition"]["status"], "INACTIVE")
        self.assertEqual(self.logs.describe_log_groups()["logGroups"], [])
        self.assertEqual(self.iam.list_roles()["Roles"], [])

    @staticmethod
    def changes(description: dict) -> list[tuple]:
        return [
            (
                c["ResourceChange"]["Action"],
                c["ResourceChange"]["LogicalResourceId"],
                c["ResourceChange"]["ResourceType"],
                c["ResourceChange"].get("Replacement"),
            )
            for c in description["Changes"]
        ]


class CreateTest(PatchedMotoTestCase):
    def test_create_change_set_lists_every_resource_as_add(self) -> None:
        description = self.create_change_set("gen-deploy-1", "CREATE", parameter_list(PARAMETERS))
        self.assertEqual(description["Status"], "CREATE_COMPLETE")
        self.assertEqual(description["ExecutionStatus"], "AVAILABLE")
        changes = self.changes(description)
        self.assertEqual(len(changes), 22)
        self.assertIn(("Add", "Listener", "AWS::ElasticLoadBalancingV2::Listener", None), changes)
        self.assertEqual({c[0] for c in changes}, {"Add"})
        self.assertEqual(self.stack()["StackStatus"], "REVIEW_IN_PROGRESS")

    def test_execute_creates_weighted_listener_outputs_and_exports(self) -> None:
        # patch_listener_forward_config + patch_execute_change_set
        stack = self.deploy()
        outputs = self.outputs(stack)
        for key in ("ALBDNS", "ListenerArn", "StableTargetGroupArn", "CanaryTargetGroupArn", "ClusterName",
                    "StableServiceName", "CanaryServiceName", "StableWeightOut", "CanaryWeightOut", "VpcId", "ALBArn"):
            self.assertTrue(outputs.get(key), key)
        self.assertEqual(outputs["ClusterName"], f"{STACK}-cluster")
        self.assertEqual((outputs["StableServiceName"], outputs["CanaryServiceName"]), ("app-stable", "app-canary"))
        self.assertEqual(self.parameters(stack), PARAMETERS)
        export_names = {o["OutputKey"]: o.get("ExportName") for o in stack["Outputs"]}
        self.assertEqual(export_names["ALBDNS"], f"{STACK}-ALBDNS")
        self.assertEqual(export_names["ListenerArn"], f"{STACK}-ListenerArn")
        exports = {e["Name"]: e["Value"] for e in self.cfn.list_exports()["Exports"]}
        self.assertEqual(exports, {f"{STACK}-ALBDNS": outputs["ALBDNS"], f"{STACK}-ListenerArn": outputs["ListenerArn"]})

        self.assertEqual(
            self.listener_weights(outputs["ListenerArn"]),
            {outputs["StableTargetGroupArn"]: 95, outputs["CanaryTargetGroupArn"]: 5},
        )
        # what `gen status` reads besides the listener
        for arn in (outputs["StableTargetGroupArn"], outputs["CanaryTargetGroupArn"]):
            self.assertEqual(self.elbv2.describe_target_health(TargetGroupArn=arn)["TargetHealthDescriptions"], [])
        services = self.ecs.describe_services(cluster=outputs["ClusterName"], services=["app-stable", "app-canary"])
        self.assertEqual(
            {s["serviceName"]: (s["status"], s["desiredCount"]) for s in services["services"]},
            {"app-stable": ("ACTIVE", 2), "app-canary": ("ACTIVE", 1)},
        )

    def test_stack_events_are_per_resource(self) -> None:
        # patch_stack_resource_events
        self.deploy()
        events = self.cfn.describe_stack_events(StackName=STACK)["StackEvents"]
        newest = events[0]
        self.assertEqual((newest["LogicalResourceId"], newest["ResourceStatus"]), (STACK, "CREATE_COMPLETE"))
        self.assertEqual(newest["ResourceType"], "AWS::CloudFormation::Stack")
        complete = {e["LogicalResourceId"]: e for e in events if e["ResourceStatus"] == "CREATE_COMPLETE"}
        self.assertEqual(set(complete) - {STACK}, set(self.physical_ids()))
        listener = complete["Listener"]
        self.assertEqual(listener["ResourceType"], "AWS::ElasticLoadBalancingV2::Listener")
        self.assertEqual(listener["PhysicalResourceId"], self.outputs(self.stack())["ListenerArn"])
        for field in ("EventId", "Timestamp", "StackId", "StackName"):
            self.assertIn(field, listener)
        self.assertEqual(len({e["EventId"] for e in events}), len(events))
        timestamps = [e["Timestamp"] for e in events]
        self.assertEqual(timestamps, sorted(timestamps, reverse=True))
        statuses = [e["ResourceStatus"] for e in reversed(events) if e["LogicalResourceId"] == "Listener"]
        self.assertEqual(statuses, ["CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"])

    def test_failed_create_rolls_back_and_names_the_resource(self) -> None:
        # patch_execute_change_set (errors) + patch_stack_resource_events;
        # a deliberately broken copy of the template, the real one is untouched.
        broken = TEMPLATE.replace("      Port: 80\n      Protocol: HTTP\n", "      Port: 80\n      Protocol: FTP\n")
        self.assertNotEqual(broken, TEMPLATE)
        self.create_change_set("gen-deploy-1", "CREATE", parameter_list(PARAMETERS), TemplateBody=broken)
        stack = self.execute("gen-deploy-1")
        self.assertEqual(stack["StackStatus"], "ROLLBACK_COMPLETE")
        self.assertIn("FTP", stack["StackStatusReason"])
        self.assertNotIn("Outputs", stack)
        failed = [e for e in self.cfn.describe_stack_events(StackName=STACK)["StackEvents"] if e["ResourceStatus"].endswith("_FAILED")]
        self.assertEqual([(e["LogicalResourceId"], e["ResourceStatus"]) for e in failed], [("Listener", "CREATE_FAILED")])
        self.assertIn("FTP", failed[0]["ResourceStatusReason"])
        self.assertEqual(self.elbv2.describe_target_groups()["TargetGroups"], [])
        self.assertEqual([v for v in self.ec2.describe_vpcs()["Vpcs"] if not v["IsDefault"]], [])
        self.assertEqual(self.cfn.list_exports()["Exports"], [])


class UpdateTest(PatchedMotoTestCase):
    def assert_weights_only_update(self, parameters: list[dict], **template) -> None:
        before_stack = self.deploy()
        outputs = self.outputs(before_stack)
        before_ids = self.physical_ids()

        description = self.create_change_set("gen-weights-2", "UPDATE", parameters, **template)
        self.assertEqual(description["Status"], "CREATE_COMPLETE", description.get("StatusReason"))
        self.assertEqual(
            self.changes(description),
            [("Modify", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "False")],
        )
        change = description["Changes"][0]["ResourceChange"]
        self.assertEqual(change["PhysicalResourceId"], outputs["ListenerArn"])
        self.assertEqual(
            sorted(d["CausingEntity"] for d in change["Details"]), ["CanaryWeight", "StableWeight"]
        )

        stack = self.execute("gen-weights-2")
        self.assertEqual(stack["StackStatus"], "UPDATE_COMPLETE", stack.get("StackStatusReason"))
        self.assertEqual(self.parameters(stack), dict(PARAMETERS, StableWeight="75", CanaryWeight="25"))
        after = self.outputs(stack)
        self.assertEqual((after["StableWeightOut"], after["CanaryWeightOut"]), ("75", "25"))
        self.assertEqual(after["ListenerArn"], outputs["ListenerArn"])
        self.assertEqual(
            self.listener_weights(outputs["ListenerArn"]),
            {outputs["StableTargetGroupArn"]: 75, outputs["CanaryTargetGroupArn"]: 25},
        )
        self.assertEqual(self.physical_ids(), before_ids)  # every resource kept, same IDs
        self.assertEqual({e["Name"] for e in self.cfn.list_exports()["Exports"]}, {f"{STACK}-ALBDNS", f"{STACK}-ListenerArn"})
        services = self.ecs.describe_services(cluster=after["ClusterName"], services=["app-stable", "app-canary"])["services"]
        self.assertEqual({s["taskDefinition"] for s in services}, {before_ids["TaskDefinitionStable"], before_ids["TaskDefinitionCanary"]})
        events = self.cfn.describe_stack_events(StackName=STACK)["StackEvents"]
        self.assertEqual(
            [(e["LogicalResourceId"], e["ResourceStatus"]) for e in events[:4]],
            [(STACK, "UPDATE_COMPLETE"), (STACK, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"),
             ("Listener", "UPDATE_COMPLETE"), ("Listener", "UPDATE_IN_PROGRESS")],
        )

    def test_weights_only_update_as_set_weights_sends_it(self) -> None:
        # patch_update_change_set_diff: previous template, every parameter explicit
        values = dict(PARAMETERS, StableWeight="75", CanaryWeight="25")
        self.assert_weights_only_update(parameter_list(values), UsePreviousTemplate=True)

    def test_weights_only_update_with_template_body_and_use_previous_value(self) -> None:
        # patch_update_change_set_diff: UsePreviousValue compared as strings
        parameters = [{"ParameterKey": k, "UsePreviousValue": True} for k in PARAMETERS if "Weight" not in k]
        parameters += parameter_list({"StableWeight": "75", "CanaryWeight": "25"})
        self.assert_weights_only_update(parameters)

    def test_rollback_weights_100_0_then_unchanged_change_set_fails(self) -> None:
        stack = self.deploy()
        outputs = self.outputs(stack)
        values = dict(PARAMETERS, StableWeight="100", CanaryWeight="0")
        self.create_change_set("gen-weights-2", "UPDATE", parameter_list(values), UsePreviousTemplate=True)
        self.assertEqual(self.execute("gen-weights-2")["StackStatus"], "UPDATE_COMPLETE")
        self.assertEqual(
            self.listener_weights(outputs["ListenerArn"]),
            {outputs["StableTargetGroupArn"]: 100, outputs["CanaryTargetGroupArn"]: 0},
        )
        # the same values again: AWS creates the change set, in status FAILED
        description = self.create_change_set("gen-weights-3", "UPDATE", parameter_list(values), UsePreviousTemplate=True)
        self.assertEqual(description["Status"], "FAILED")
        self.assertEqual(description["ExecutionStatus"], "UNAVAILABLE")
        self.assertEqual(description["StatusReason"], NO_CHANGES)
        self.assertEqual(description["Changes"], [])

    def test_new_canary_image_replaces_task_definition_and_updates_service(self) -> None:
        # patch_ecs_task_definition_update + reference cascade in patch_update_change_set_diff
        self.deploy()
        before = self.physical_ids()
        values = dict(PARAMETERS, ImageURICanary="public.ecr.aws/nginx/nginx:1.29")
        description = self.create_change_set("gen-deploy-2", "UPDATE", parameter_list(values))
        self.assertEqual(
            self.changes(description),
            [("Modify", "TaskDefinitionCanary", "AWS::ECS::TaskDefinition", "True"),
             ("Modify", "ServiceCanary", "AWS::ECS::Service", "False")],
        )
        self.assertEqual(self.execute("gen-deploy-2")["StackStatus"], "UPDATE_COMPLETE")
        after = self.physical_ids()
        new_revision = after["TaskDefinitionCanary"]
        self.assertNotEqual(new_revision, before["TaskDefinitionCanary"])
        self.assertEqual({k: v for k, v in after.items() if k != "TaskDefinitionCanary"},
                         {k: v for k, v in before.items() if k != "TaskDefinitionCanary"})
        definition = self.ecs.describe_task_definition(taskDefinition=new_revision)["taskDefinition"]
        self.assertEqual([(c["name"], c["image"]) for c in definition["containerDefinitions"]],
                         [("app", "public.ecr.aws/nginx/nginx:1.29")])
        old = self.ecs.describe_task_definition(taskDefinition=before["TaskDefinitionCanary"])["taskDefinition"]
        self.assertEqual(old["status"], "INACTIVE")
        service = self.ecs.describe_services(cluster=f"{STACK}-cluster", services=["app-canary"])["services"][0]
        self.assertEqual(service["taskDefinition"], new_revision)


class DeleteTest(PatchedMotoTestCase):
    def test_delete_stack_removes_every_resource(self) -> None:
        # patch_delete_stack_resources
        stack = self.deploy()
        outputs = self.outputs(stack)
        ids = self.physical_ids()
        stack_id = stack["StackId"]
        self.cfn.delete_stack(StackName=STACK)

        with self.assertRaises(botocore.exceptions.ClientError) as missing:
            self.cfn.describe_stacks(StackName=STACK)
        self.assertEqual(missing.exception.response["Error"]["Code"], "ValidationError")
        self.assertEqual(missing.exception.response["Error"]["Message"], f"Stack with id {STACK} does not exist")
        deleted = self.stack(stack_id)  # by stack ID: DELETE_COMPLETE, as on AWS
        self.assertEqual(deleted["StackStatus"], "DELETE_COMPLETE")
        self.assertNotIn("Outputs", deleted)
        events = self.cfn.describe_stack_events(StackName=stack_id)["StackEvents"]
        self.assertEqual((events[0]["LogicalResourceId"], events[0]["ResourceStatus"]), (STACK, "DELETE_COMPLETE"))
        self.assertEqual({e["LogicalResourceId"] for e in events if e["ResourceStatus"] == "DELETE_COMPLETE"} - {STACK}, set(ids))
        self.assert_nothing_left(ids, outputs["ClusterName"], ["app-stable", "app-canary"])

        # reading the deleted stack did not bring anything back, and the same name deploys again
        self.assertEqual(self.elbv2.describe_target_groups()["TargetGroups"], [])
        self.assertEqual(self.deploy()["StackStatus"], "CREATE_COMPLETE")

    def test_deleting_a_missing_stack_succeeds(self) -> None:
        self.cfn.delete_stack(StackName="never-created")

    @unittest.skipUnless(shutil.which("aws"), "the aws CLI is not installed")
    def test_aws_cli_reports_missing_stack(self) -> None:
        env = dict(os.environ, AWS_ENDPOINT_URL=self.endpoint, **CREDENTIALS)
        env.pop("AWS_PROFILE", None)
        result = subprocess.run(
            ["aws", "cloudformation", "describe-stacks", "--stack-name", STACK, "--output", "json", "--region", "us-east-1"],
            capture_output=True, text=True, env=env, timeout=60,
        )
        self.assertEqual(result.returncode, 255)
        self.assertEqual(result.stdout, "")
        self.assertEqual(
            result.stderr.strip(),
            f"An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id {STACK} does not exist",
        )


class BlueGreenSwitchTest(PatchedMotoTestCase):
    """patch_condition_driven_updates: the listener weights are
    !If [BlueIsActive, 100, 0] / !If [GreenIsActive, 100, 0], the conditions
    compare ActiveColor.  In Generated/deploy-blue-green.yml nothing else
    depends on ActiveColor: no resource refers to it or to the two conditions
    except the Listener, and the only other use is the ActiveColorOut output
    (outputs are not listed in Changes).  So a switch lists exactly one change."""

    stack_name = BLUE_GREEN_STACK

    def deploy_blue_green(self, **template) -> dict:
        if not template:
            template = {"TemplateBody": BLUE_GREEN_TEMPLATE}
        stack = self.deploy(BLUE_GREEN_PARAMETERS, **template)
        self.assertEqual(self.parameters(stack)["ActiveColor"], "blue")
        return stack

    def colour_weights(self, outputs: dict[str, str]) -> dict[str, int]:
        weights = self.listener_weights(outputs["ListenerArn"])
        return {"blue": weights[outputs["BlueTargetGroupArn"]], "green": weights[outputs["GreenTargetGroupArn"]]}

    def switch(self, name: str, colour: str, parameters: list[dict]) -> dict:
        """What `gen switch COLOUR` sends: previous template, ActiveColor changed."""
        parameters = [p for p in parameters if p["ParameterKey"] != "ActiveColor"]
        parameters.append({"ParameterKey": "ActiveColor", "ParameterValue": colour})
        return self.create_change_set(name, "UPDATE", parameters, UsePreviousTemplate=True)

    def assert_listener_only_change(self, description: dict, listener_arn: str) -> None:
        self.assertEqual(description["Status"], "CREATE_COMPLETE", description.get("StatusReason"))
        self.assertEqual(
            self.changes(description),
            [("Modify", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "False")],
        )
        change = description["Changes"][0]["ResourceChange"]
        self.assertEqual(change["PhysicalResourceId"], listener_arn)
        self.assertEqual(change["Scope"], ["Properties"])
        self.assertEqual(
            [(d["ChangeSource"], d.get("CausingEntity")) for d in change["Details"]],
            [("ParameterReference", "ActiveColor")],
        )

    def test_switch_to_green_and_back_then_delete(self) -> None:
        stack = self.deploy_blue_green()
        outputs = self.outputs(stack)
        ids = self.physical_ids()
        deployed = self.parameters(stack)
        self.assertEqual(self.colour_weights(outputs), {"blue": 100, "green": 0})
        self.assertEqual(outputs["ActiveColorOut"], "blue")

        # to green, every other parameter UsePreviousValue
        previous = [{"ParameterKey": k, "UsePreviousValue": True} for k in BLUE_GREEN_PARAMETER_NAMES]
        description = self.switch("gen-switch-2", "green", previous)
        self.assert_listener_only_change(description, outputs["ListenerArn"])
        stack = self.execute("gen-switch-2")
        self.assertEqual(stack["StackStatus"], "UPDATE_COMPLETE", stack.get("StackStatusReason"))
        self.assertEqual(self.colour_weights(outputs), {"blue": 0, "green": 100})
        self.assertEqual(self.outputs(stack)["ActiveColorOut"], "green")
        self.assertEqual(self.parameters(stack), dict(deployed, ActiveColor="green"))
        self.assertEqual(self.physical_ids(), ids)  # the same listener, nothing replaced
        events = self.cfn.describe_stack_events(StackName=BLUE_GREEN_STACK)["StackEvents"]
        updated = {e["LogicalResourceId"] for e in events if e["ResourceStatus"].startswith("UPDATE_")}
        self.assertEqual(updated, {BLUE_GREEN_STACK, "Listener"})

        # back to blue, every other parameter passed as deployed
        description = self.switch("gen-switch-3", "blue", parameter_list(deployed))
        self.assert_listener_only_change(description, outputs["ListenerArn"])
        stack = self.execute("gen-switch-3")
        self.assertEqual(stack["StackStatus"], "UPDATE_COMPLETE", stack.get("StackStatusReason"))
        self.assertEqual(self.colour_weights(outputs), {"blue": 100, "green": 0})
        self.assertEqual(self.outputs(stack)["ActiveColorOut"], "blue")
        self.assertEqual(self.parameters(stack), deployed)
        self.assertEqual(self.physical_ids(), ids)
        services = self.ecs.describe_services(cluster=f"{BLUE_GREEN_STACK}-cluster", services=["app-blue", "app-green"])["services"]
        self.assertEqual({s["taskDefinition"] for s in services}, {ids["TaskDefinitionBlue"], ids["TaskDefinitionGreen"]})

        # blue again: nothing to do, a FAILED change set as on AWS
        description = self.switch("gen-switch-4", "blue", previous)
        self.assertEqual((description["Status"], description["StatusReason"]), ("FAILED", NO_CHANGES))

        self.cfn.delete_stack(StackName=BLUE_GREEN_STACK)
        self.assertEqual(self.stack(stack["StackId"])["StackStatus"], "DELETE_COMPLETE")
        self.assertEqual(self.cfn.list_stacks(StackStatusFilter=["DELETE_FAILED"])["StackSummaries"], [])
        self.assert_nothing_left(ids, f"{BLUE_GREEN_STACK}-cluster", ["app-blue", "app-green"])

    def test_condition_named_inside_a_condition(self) -> None:
        # A deliberately modified copy: GreenIsActive through Fn::Not and a
        # nested {"Condition": ...}; the committed template is untouched.
        template = BLUE_GREEN_TEMPLATE.replace(
            "  GreenIsActive: !Equals [!Ref ActiveColor, green]\n",
            "  GreenIsActive: !Not [{Condition: BlueIsActive}]\n",
        )
        self.assertNotEqual(template, BLUE_GREEN_TEMPLATE)
        outputs = self.outputs(self.deploy_blue_green(TemplateBody=template))
        self.assertEqual(self.colour_weights(outputs), {"blue": 100, "green": 0})
        previous = [{"ParameterKey": k, "UsePreviousValue": True} for k in BLUE_GREEN_PARAMETER_NAMES]
        self.assert_listener_only_change(self.switch("gen-switch-2", "green", previous), outputs["ListenerArn"])
        self.assertEqual(self.execute("gen-switch-2")["StackStatus"], "UPDATE_COMPLETE")
        self.assertEqual(self.colour_weights(outputs), {"blue": 0, "green": 100})

    @unittest.skipUnless(shutil.which("aws"), "the aws CLI is not installed")
    def test_switch_through_the_aws_cli(self) -> None:
        # The calls `gen switch` makes, through awscli; the weights are read
        # back with `aws elbv2 describe-listeners`.
        outputs = self.outputs(self.deploy_blue_green())

        def aws(*args: str) -> str:
            env = dict(os.environ, AWS_ENDPOINT_URL=self.endpoint, **CREDENTIALS)
            env.pop("AWS_PROFILE", None)
            result = subprocess.run(["aws", *args, "--output", "json"], capture_output=True, text=True, env=env, timeout=60)
            self.assertEqual(result.returncode, 0, result.stderr)
            return result.stdout

        def weights() -> tuple[int, int]:
            groups = json.loads(aws(
                "elbv2", "describe-listeners", "--listener-arns", outputs["ListenerArn"],
                "--query", "Listeners[0].DefaultActions[0].ForwardConfig.TargetGroups",
            ))
            by_arn = {g["TargetGroupArn"]: g["Weight"] for g in groups}
            return by_arn[outputs["BlueTargetGroupArn"]], by_arn[outputs["GreenTargetGroupArn"]]

        self.assertEqual(weights(), (100, 0))
        for number, colour, expected in ((2, "green", (0, 100)), (3, "blue", (100, 0))):
            name = f"gen-switch-{number}"
            others = [f"ParameterKey={k},UsePreviousValue=true" for k in BLUE_GREEN_PARAMETER_NAMES if k != "ActiveColor"]
            aws("cloudformation", "create-change-set", "--stack-name", BLUE_GREEN_STACK, "--change-set-name", name,
                "--change-set-type", "UPDATE", "--use-previous-template", "--capabilities", "CAPABILITY_NAMED_IAM",
                "--parameters", f"ParameterKey=ActiveColor,ParameterValue={colour}", *others)
            changes = json.loads(aws(
                "cloudformation", "describe-change-set", "--stack-name", BLUE_GREEN_STACK, "--change-set-name", name,
                "--query", "Changes[].ResourceChange.[Action,LogicalResourceId,Replacement]",
            ))
            self.assertEqual(changes, [["Modify", "Listener", "False"]])
            aws("cloudformation", "execute-change-set", "--stack-name", BLUE_GREEN_STACK, "--change-set-name", name)
            self.assertEqual(self.stack()["StackStatus"], "UPDATE_COMPLETE")
            self.assertEqual(weights(), expected, colour)


class TemplateUrlTest(PatchedMotoTestCase):
    """patch_template_url: create-change-set --template-url reads the
    emulator's own S3; a TemplateBody over 51,200 bytes is refused."""

    def setUp(self) -> None:
        super().setUp()
        self.assertGreater(len(BIG_TEMPLATE.encode()), TEMPLATE_BODY_LIMIT)
        self.s3.create_bucket(Bucket=BUCKET)
        self.s3.put_object(Bucket=BUCKET, Key=KEY, Body=BIG_TEMPLATE.encode())

    def assert_refused(self, message: str, **request) -> None:
        with self.assertRaises(botocore.exceptions.ClientError) as refused:
            self.cfn.create_change_set(
                StackName=STACK, ChangeSetName="gen-deploy-1", ChangeSetType="CREATE",
                Capabilities=["CAPABILITY_NAMED_IAM"], Parameters=parameter_list(PARAMETERS), **request,
            )
        error = refused.exception.response["Error"]
        self.assertEqual(error["Code"], "ValidationError")
        self.assertIn(message, error["Message"])
        with self.assertRaises(botocore.exceptions.ClientError):  # no stack was made
            self.stack()

    def test_create_by_path_style_urls_then_delete(self) -> None:
        # moto 5.2.1 reads these two already; the stack's whole life by URL
        for url in (f"https://s3.amazonaws.com/{BUCKET}/{KEY}", f"https://s3.us-east-1.amazonaws.com/{BUCKET}/{KEY}"):
            with self.subTest(url=url):
                stack = self.deploy(TemplateURL=url)
                outputs = self.outputs(stack)
                for key in ("ALBDNS", "ListenerArn", "StableTargetGroupArn", "CanaryTargetGroupArn", "ClusterName",
                            "StableServiceName", "CanaryServiceName", "StableWeightOut", "CanaryWeightOut", "VpcId", "ALBArn"):
                    self.assertTrue(outputs.get(key), key)
                self.assertEqual(
                    self.listener_weights(outputs["ListenerArn"]),
                    {outputs["StableTargetGroupArn"]: 95, outputs["CanaryTargetGroupArn"]: 5},
                )
                self.assertEqual(self.cfn.get_template(StackName=STACK)["TemplateBody"], BIG_TEMPLATE)
                ids = self.physical_ids()
                self.cfn.delete_stack(StackName=STACK)
                self.assertEqual(self.stack(stack["StackId"])["StackStatus"], "DELETE_COMPLETE")
                self.assert_nothing_left(ids, outputs["ClusterName"], ["app-stable", "app-canary"])

    def test_update_by_virtual_hosted_urls(self) -> None:
        outputs = self.outputs(self.deploy(TemplateURL=f"https://{BUCKET}.s3.amazonaws.com/{KEY}"))
        values = dict(PARAMETERS, StableWeight="75", CanaryWeight="25")
        description = self.create_change_set(
            "gen-weights-2", "UPDATE", parameter_list(values), TemplateURL=f"https://{BUCKET}.s3.us-east-1.amazonaws.com/{KEY}",
        )
        self.assertEqual(self.changes(description), [("Modify", "Listener", "AWS::ElasticLoadBalancingV2::Listener", "False")])
        self.assertEqual(self.execute("gen-weights-2")["StackStatus"], "UPDATE_COMPLETE")
        self.assertEqual(
            self.listener_weights(outputs["ListenerArn"]),
            {outputs["StableTargetGroupArn"]: 75, outputs["CanaryTargetGroupArn"]: 25},
        )

    def test_url_forms_moto_misread(self) -> None:
        # moto 5.2.1, case by case: NoSuchBucket (bucket "canary", from the key),
        # NoSuchBucket (bucket "gen"), HTTP 500 (%20 not decoded), 23 changes
        # (versionId ignored), -, NoSuchBucket (bucket "127")
        extra = TEMPLATE.replace("Resources:\n", "Resources:\n  ExtraTopic:\n    Type: AWS::SNS::Topic\n", 1)
        self.s3.create_bucket(Bucket="s3templates")
        self.s3.create_bucket(Bucket="gen.templates")
        self.s3.create_bucket(Bucket="versioned")
        self.s3.put_bucket_versioning(Bucket="versioned", VersioningConfiguration={"Status": "Enabled"})
        first = self.s3.put_object(Bucket="versioned", Key=KEY, Body=TEMPLATE.encode())["VersionId"]
        self.s3.put_object(Bucket="versioned", Key=KEY, Body=extra.encode())
        for bucket, key in (("s3templates", KEY), ("gen.templates", KEY), (BUCKET, "canary/deploy canary.yml")):
            self.s3.put_object(Bucket=bucket, Key=key, Body=BIG_TEMPLATE.encode())
        cases = (
            ("https://s3templates.s3.amazonaws.com/" + KEY, 22),
            ("https://gen.templates.s3.us-east-1.amazonaws.com/" + KEY, 22),
            (f"https://s3.amazonaws.com/{BUCKET}/canary/deploy%20canary.yml", 22),
            (f"https://versioned.s3.amazonaws.com/{KEY}?versionId={first}", 22),
            (f"https://versioned.s3.amazonaws.com/{KEY}", 23),  # the latest version has ExtraTopic
            (f"{self.endpoint}/{BUCKET}/{KEY}", 22),  # the emulator's own endpoint, path style
        )
        for url, count in cases:
            with self.subTest(url=url):
                description = self.create_change_set("gen-deploy-1", "CREATE", parameter_list(PARAMETERS), TemplateURL=url)
                self.assertEqual(description["Status"], "CREATE_COMPLETE", description.get("StatusReason"))
                self.assertEqual(len(self.changes(description)), count)

    def test_refused_urls_and_oversized_template_body(self) -> None:
        # moto 5.2.1 accepted any TemplateBody; AWS refuses one over 51,200 bytes
        self.assert_refused(f"' at 'templateBody' failed to satisfy constraint: {TOO_LARGE}", TemplateBody=BIG_TEMPLATE)
        with self.assertRaises(botocore.exceptions.ClientError) as refused:
            self.cfn.validate_template(TemplateBody=BIG_TEMPLATE)
        self.assertIn(TOO_LARGE, refused.exception.response["Error"]["Message"])
        # exactly 51,200 bytes is still accepted
        padded = TEMPLATE + "#" * (TEMPLATE_BODY_LIMIT - len(TEMPLATE.encode()) - 1) + "\n"
        self.assertEqual(len(padded.encode()), TEMPLATE_BODY_LIMIT)
        self.assertEqual(self.create_change_set("gen-deploy-1", "CREATE", parameter_list(PARAMETERS), TemplateBody=padded)["Status"], "CREATE_COMPLETE")
        self.cfn.delete_stack(StackName=STACK)
        # moto 5.2.1: HTTP 500 (missing key), NoSuchBucket (missing bucket,
        # not an S3 URL), the latest version (missing version), or a read of
        # the emulator's S3 (s3://, refused by AWS)
        missing = "TemplateURL must reference a valid S3 object to which you have access."
        self.assert_refused(missing, TemplateURL=f"https://s3.amazonaws.com/{BUCKET}/canary/missing.yml")
        self.assert_refused(missing, TemplateURL=f"https://no-such-bucket.s3.amazonaws.com/{KEY}")
        self.assert_refused(missing, TemplateURL=f"https://{BUCKET}.s3.amazonaws.com/{KEY}?versionId=no-such-version")
        for url in (f"https://example.com/{BUCKET}/{KEY}", f"s3://{BUCKET}/{KEY}"):
            self.assert_refused("TemplateURL must be a supported URL.", TemplateURL=url)

    @unittest.skipUnless(shutil.which("aws"), "the aws CLI is not installed")
    def test_aws_cli_uploads_and_creates_by_url(self) -> None:
        env = dict(os.environ, AWS_ENDPOINT_URL=self.endpoint, **CREDENTIALS)
        env.pop("AWS_PROFILE", None)

        def aws(*args: str) -> str:
            result = subprocess.run(["aws", *args], capture_output=True, text=True, env=env, timeout=60)
            self.assertEqual(result.returncode, 0, result.stderr)
            return result.stdout

        with tempfile.TemporaryDirectory() as work:
            path = Path(work) / "deploy-canary.yml"
            path.write_text(BIG_TEMPLATE)
            aws("s3", "mb", "s3://gen-cli-templates")
            aws("s3", "cp", str(path), "s3://gen-cli-templates/deploy-canary.yml")
        aws("cloudformation", "create-change-set", "--stack-name", STACK, "--change-set-name", "gen-deploy-1",
            "--change-set-type", "CREATE", "--capabilities", "CAPABILITY_NAMED_IAM",
            "--template-url", "https://s3.amazonaws.com/gen-cli-templates/deploy-canary.yml",
            "--parameters", *[f"ParameterKey={k},ParameterValue={v}" for k, v in PARAMETERS.items()])
        aws("cloudformation", "execute-change-set", "--stack-name", STACK, "--change-set-name", "gen-deploy-1")
        stack = self.stack()
        self.assertEqual(stack["StackStatus"], "CREATE_COMPLETE", stack.get("StackStatusReason"))
        self.assertEqual(len(self.outputs(stack)), 11)


def dimensions(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"Name": name, "Value": value} for name, value in pairs]


TARGET_GROUP = ("TargetGroup", "targetgroup/app-stable/0123456789abcdef")
LOAD_BALANCER = ("LoadBalancer", "app/demo-alb/fedcba9876543210")


class MetricDataTest(PatchedMotoTestCase):
    """patch_metric_data_percentiles and patch_metric_dimension_matching: the
    get-metric-data queries gen rollout makes on load balancer metrics."""

    def setUp(self) -> None:
        super().setUp()
        # a whole second in the recent past, where the one-second buckets start
        self.start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(seconds=30)

    def at(self, second: float) -> datetime:
        return self.start + timedelta(seconds=second)

    def put(self, name: str, dims: list[dict[str, str]], second: float, **value: Any) -> None:
        self.cloudwatch.put_metric_data(Namespace=ALB, MetricData=[
            {"MetricName": name, "Dimensions": dims, "Timestamp": self.at(second), "StorageResolution": 1, **value},
        ])

    def query(self, stats: dict[str, tuple[str, str]], dims: list[dict[str, str]], seconds: int, period: int = 1) -> dict[str, list]:
        """{query id: [(second after start, value)]} for {id: (metric name, stat)}."""
        answer = self.cloudwatch.get_metric_data(
            MetricDataQueries=[
                {"Id": query_id, "MetricStat": {"Metric": {"Namespace": ALB, "MetricName": name, "Dimensions": dims},
                                                "Period": period, "Stat": stat}}
                for query_id, (name, stat) in stats.items()
            ],
            StartTime=self.start, EndTime=self.at(seconds), ScanBy="TimestampAscending",
        )
        return {
            r["Id"]: [(int((t - self.start).total_seconds()), v) for t, v in zip(r["Timestamps"], r["Values"])]
            for r in answer["MetricDataResults"]
        }

    def test_percentiles_per_one_second_bucket(self) -> None:
        dims = dimensions(TARGET_GROUP, LOAD_BALANCER)
        hundred = [i / 100 for i in range(1, 101)]  # 0.01 .. 1.00
        self.put("TargetResponseTime", dims, 0.25, Values=hundred, Unit="Seconds")
        self.put("TargetResponseTime", dims, 1.5, Values=[0.2, 0.4], Counts=[3, 1], Unit="Seconds")
        self.put("TargetResponseTime", dims, 1.75, Value=2.0, Unit="Seconds")
        self.put("TargetResponseTime", dims, 2.5, StatisticValues={"SampleCount": 4, "Sum": 10, "Minimum": 1, "Maximum": 4})
        stats = {"pfifty": "p50", "pninetynine": "p99", "pninetyninenine": "p99.9", "pzero": "p0", "phundred": "p100",
                 "sum": "Sum", "count": "SampleCount", "average": "Average", "maximum": "Maximum"}
        got = self.query({k: ("TargetResponseTime", v) for k, v in stats.items()}, dims, seconds=3)
        # second 1 holds 0.2, 0.2, 0.2, 0.4, 2.0 (Counts repeat a value); second 2
        # only a statistic set, which has no percentiles (no datapoint, as on AWS)
        self.assertEqual(got["pfifty"], [(0, 0.5), (1, 0.2)])
        self.assertEqual(got["pninetynine"], [(0, 0.99), (1, 2.0)])
        self.assertEqual(got["pninetyninenine"], [(0, 1.0), (1, 2.0)])
        self.assertEqual(got["pzero"], [(0, 0.01), (1, 0.2)])
        self.assertEqual(got["phundred"], [(0, 1.0), (1, 2.0)])
        # the other statistics as moto computes them
        self.assertEqual([v for _, v in got["count"]], [100, 5, 4])
        self.assertEqual([(s, round(v, 6)) for s, v in got["sum"]], [(0, 50.5), (1, 3.0), (2, 10.0)])
        self.assertEqual([round(v, 6) for _, v in got["average"]], [0.505, 0.6, 2.5])
        self.assertEqual([v for _, v in got["maximum"]], [1.0, 2.0, 4.0])
        # one bucket for the whole span: the percentiles of all 105 raw values
        # (the 53rd is 0.49: 49 values up to 0.49 from second 0, four from second 1)
        whole = self.query({"p": ("TargetResponseTime", "p99"), "m": ("TargetResponseTime", "p50")}, dims, seconds=60, period=60)
        self.assertEqual(whole, {"p": [(0, 1.0)], "m": [(0, 0.49)]})

    def test_dimensions_match_as_a_set_in_any_order(self) -> None:
        written = dimensions(TARGET_GROUP, LOAD_BALANCER)
        other_balancer = ("LoadBalancer", "app/other-alb/0000000000000000")
        for second in (0.1, 0.2, 0.3):
            self.put("RequestCount", written, second, Value=7, Unit="Count")
        self.put("RequestCount", dimensions(TARGET_GROUP), 0.4, Value=100, Unit="Count")
        self.put("RequestCount", dimensions(other_balancer, TARGET_GROUP), 0.5, Value=1000, Unit="Count")

        def requests(dims: list[dict[str, str]]) -> list:
            return self.query({"r": ("RequestCount", "Sum")}, dims, seconds=2)["r"]

        self.assertEqual(requests(written), [(0, 21.0)])
        self.assertEqual(requests(list(reversed(written))), [(0, 21.0)])  # moto 5.2.1: []
        self.assertEqual(requests(dimensions(TARGET_GROUP)), [(0, 100.0)])  # exactly this set, not a subset
        self.assertEqual(requests(dimensions(TARGET_GROUP, other_balancer)), [(0, 1000.0)])
        self.assertEqual(requests(dimensions(LOAD_BALANCER, ("TargetGroup", "targetgroup/other/1"))), [])
        # list-metrics: each metric once (moto 5.2.1 listed the two-dimension one three times)
        listed = self.cloudwatch.list_metrics(Namespace=ALB, MetricName="RequestCount")["Metrics"]
        self.assertEqual(
            sorted(sorted((d["Name"], d["Value"]) for d in m["Dimensions"]) for m in listed),
            sorted([sorted([TARGET_GROUP, LOAD_BALANCER]), [TARGET_GROUP], sorted([other_balancer, TARGET_GROUP])]),
        )

    @unittest.skipUnless(shutil.which("aws"), "the aws CLI is not installed")
    def test_aws_cli_reads_what_gen_rollout_asks(self) -> None:
        # gen's queries (Sum of the counts, p50/p99 of TargetResponseTime, one
        # second, dimensions TargetGroup then LoadBalancer), here against
        # metrics written with the dimensions the other way round.
        written = dimensions(LOAD_BALANCER, TARGET_GROUP)
        self.put("RequestCount", written, 0.5, Value=40, Unit="Count")
        self.put("HTTPCode_Target_5XX_Count", written, 0.5, Value=4, Unit="Count")
        self.put("TargetResponseTime", written, 0.5, Values=[0.05 + 0.01 * (i % 10) for i in range(40)], Unit="Seconds")
        queried = dimensions(TARGET_GROUP, LOAD_BALANCER)
        queries = [
            {"Id": query_id, "MetricStat": {"Metric": {"Namespace": ALB, "MetricName": name, "Dimensions": queried},
                                            "Period": 1, "Stat": stat}, "ReturnData": True}
            for query_id, name, stat in (("t0requests", "RequestCount", "Sum"), ("t0errors", "HTTPCode_Target_5XX_Count", "Sum"),
                                         ("t0pfifty", "TargetResponseTime", "p50"), ("t0pninetynine", "TargetResponseTime", "p99"))
        ]
        iso = lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
        answer = json.loads(self.aws(
            "cloudwatch", "get-metric-data", "--metric-data-queries", json.dumps(queries),
            "--start-time", iso(self.start), "--end-time", iso(self.at(1)), "--scan-by", "TimestampAscending",
        ))
        results = {r["Id"]: r for r in answer["MetricDataResults"]}
        self.assertEqual({k: r["Values"] for k, r in results.items()},
                         {"t0requests": [40.0], "t0errors": [4.0], "t0pfifty": [0.09], "t0pninetynine": [0.14]})
        # awscli 1.45 talks JSON to CloudWatch and prints Timestamps as it
        # receives them: seconds since 1970, not ISO 8601 text
        self.assertEqual({k: r["Timestamps"] for k, r in results.items()},
                         {k: [int(self.start.timestamp())] for k in results})


class LoadBalancerAttributesTest(PatchedMotoTestCase):
    """patch_elbv2_cfn_attributes: Fn::GetAtt on the load balancer's and the
    target groups' names, as alarms and dashboards use them."""

    OUTPUTS = (
        "  LoadBalancerFullName:\n    Value: !GetAtt ALB.LoadBalancerFullName\n"
        "  CanaryFullName:\n    Value: !GetAtt TargetGroupCanary.TargetGroupFullName\n"
        "  CanaryName:\n    Value: !GetAtt TargetGroupCanary.TargetGroupName\n"
        "  CanaryArn:\n    Value: !GetAtt TargetGroupCanary.TargetGroupArn\n"
        "  CanaryLoadBalancers:\n    Value: !Join [',', !GetAtt TargetGroupCanary.LoadBalancerArns]\n"
    )

    def test_full_names_and_target_group_attributes(self) -> None:
        # a copy of the canary template with outputs of each attribute
        outputs = self.outputs(self.deploy(TemplateBody=TEMPLATE + self.OUTPUTS))
        load_balancer, canary = outputs["ALBArn"], outputs["CanaryTargetGroupArn"]
        self.assertRegex(load_balancer, r":loadbalancer/app/[^/]+/[0-9a-f]+$")
        self.assertEqual(outputs["LoadBalancerFullName"], load_balancer.split(":loadbalancer/")[1])
        self.assertEqual(outputs["CanaryFullName"], canary.split(":")[-1])
        self.assertRegex(outputs["CanaryFullName"], r"^targetgroup/[^/]+/[0-9a-f]+$")
        group = self.elbv2.describe_target_groups(TargetGroupArns=[canary])["TargetGroups"][0]
        self.assertEqual(outputs["CanaryName"], group["TargetGroupName"])
        self.assertEqual(outputs["CanaryArn"], canary)
        self.assertEqual(outputs["CanaryLoadBalancers"], load_balancer)

    def test_unknown_target_group_attribute_is_a_template_error(self) -> None:
        # (AWS refuses it at CreateChangeSet already; moto only when executing)
        broken = TEMPLATE + "  Nothing:\n    Value: !GetAtt TargetGroupCanary.NoSuchAttribute\n"
        self.create_change_set("gen-deploy-1", "CREATE", parameter_list(PARAMETERS), TemplateBody=broken)
        stack = self.execute("gen-deploy-1")
        self.assertEqual(stack["StackStatus"], "ROLLBACK_COMPLETE")
        self.assertIn("resource TargetGroup does not support attribute type NoSuchAttribute in Fn::GetAtt",
                      stack["StackStatusReason"])


class EcsServicesTestCase(PatchedMotoTestCase):
    """Reads the canary stack's two ECS services."""

    def services(self) -> dict[str, dict]:
        described = self.ecs.describe_services(cluster=f"{STACK}-cluster", services=["app-stable", "app-canary"])["services"]
        return {s["serviceName"]: s for s in described}

    @staticmethod
    def counts(service: dict) -> tuple:
        return (service["desiredCount"], service["runningCount"], service["pendingCount"])

    @staticmethod
    def deployments(service: dict) -> list[tuple]:
        return [(d["status"], d["taskDefinition"], d["desiredCount"], d["runningCount"], d["rolloutState"])
                for d in service["deployments"]]


class EcsDeploymentTest(EcsServicesTestCase):
    """patch_ecs_service_deployments: what gen promote waits for (one
    deployment, running = desired) after a stack update of the image."""

    def test_deployments_complete_at_once(self) -> None:
        self.deploy()
        ids = self.physical_ids()
        services = self.services()
        self.assertEqual(self.counts(services["app-stable"]), (2, 2, 0))  # moto 5.2.1: (2, 0, 2)
        self.assertEqual(self.counts(services["app-canary"]), (1, 1, 0))
        self.assertEqual(self.deployments(services["app-stable"]),
                         [("PRIMARY", ids["TaskDefinitionStable"], 2, 2, "COMPLETED")])
        first = services["app-stable"]["deployments"][0]["id"]

        # gen promote's update: a new stable image (and here a new count too)
        values = dict(PARAMETERS, ImageURIStable=PARAMETERS["ImageURICanary"], DesiredCountStable="3")
        self.create_change_set("gen-promote-2", "UPDATE", parameter_list(values), UsePreviousTemplate=True)
        self.assertEqual(self.execute("gen-promote-2")["StackStatus"], "UPDATE_COMPLETE")
        revision = self.physical_ids()["TaskDefinitionStable"]
        self.assertNotEqual(revision, ids["TaskDefinitionStable"])
        stable = self.services()["app-stable"]
        self.assertEqual(stable["taskDefinition"], revision)
        self.assertEqual(self.counts(stable), (3, 3, 0))
        # one deployment, a new one, of the new revision (moto 5.2.1 kept the
        # first deployment, its revision and its counts)
        self.assertEqual(self.deployments(stable), [("PRIMARY", revision, 3, 3, "COMPLETED")])
        self.assertNotEqual(stable["deployments"][0]["id"], first)
        self.assertEqual(self.services()["app-canary"]["deployments"][0]["taskDefinition"], ids["TaskDefinitionCanary"])
        cluster = self.ecs.describe_clusters(clusters=[f"{STACK}-cluster"])["clusters"][0]
        self.assertEqual((cluster["runningTasksCount"], cluster["pendingTasksCount"]), (4, 0))

        # the ECS API: scaling keeps the deployment, forceNewDeployment replaces it
        self.ecs.update_service(cluster=f"{STACK}-cluster", service="app-stable", desiredCount=1)
        stable = self.services()["app-stable"]
        self.assertEqual(self.deployments(stable), [("PRIMARY", revision, 1, 1, "COMPLETED")])
        second = stable["deployments"][0]["id"]
        self.ecs.update_service(cluster=f"{STACK}-cluster", service="app-stable", forceNewDeployment=True)
        stable = self.services()["app-stable"]
        self.assertEqual(self.deployments(stable), [("PRIMARY", revision, 1, 1, "COMPLETED")])
        self.assertNotEqual(stable["deployments"][0]["id"], second)


class EcsServiceRunningSettingTest(EcsServicesTestCase):
    """patch_ecs_service_deployments: with MOTO_ECS_SERVICE_RUNNING set,
    moto's setting still decides how many tasks run."""

    server_environment = {"MOTO_ECS_SERVICE_RUNNING": "1"}

    def test_running_count_from_the_setting(self) -> None:
        self.deploy()
        ids = self.physical_ids()
        stable = self.services()["app-stable"]
        self.assertEqual(self.counts(stable), (2, 1, 1))
        self.assertEqual(self.deployments(stable), [("PRIMARY", ids["TaskDefinitionStable"], 2, 1, "IN_PROGRESS")])
        values = dict(PARAMETERS, ImageURIStable=PARAMETERS["ImageURICanary"])
        self.create_change_set("gen-promote-2", "UPDATE", parameter_list(values), UsePreviousTemplate=True)
        self.assertEqual(self.execute("gen-promote-2")["StackStatus"], "UPDATE_COMPLETE")
        revision = self.physical_ids()["TaskDefinitionStable"]
        stable = self.services()["app-stable"]
        self.assertEqual(self.counts(stable), (2, 1, 1))
        # the new deployment cannot finish: two deployments, as gen promote must wait for
        self.assertEqual(self.deployments(stable), [("PRIMARY", revision, 2, 1, "IN_PROGRESS"),
                                                    ("ACTIVE", ids["TaskDefinitionStable"], 2, 1, "IN_PROGRESS")])
        self.assertEqual(self.counts(self.services()["app-canary"]), (1, 1, 0))


class CloudWatchResourcesTest(PatchedMotoTestCase):
    """patch_cloudwatch_cfn_resources, with Generated/deploy-canary-watched.yml:
    two alarms per version (metric math 5xx rate, p99), a dashboard, their
    names as outputs."""

    stack_name = WATCHED_STACK

    def alarms(self, names: list[str]) -> dict[str, dict]:
        return {a["AlarmName"]: a for a in self.cloudwatch.describe_alarms(AlarmNames=names)["MetricAlarms"]}

    @unittest.skipUnless(shutil.which("aws"), "the aws CLI is not installed")
    def test_alarms_and_dashboard_created_updated_deleted(self) -> None:
        stack = self.deploy(TemplateBody=WATCHED_TEMPLATE)
        outputs = self.outputs(stack)
        names = [outputs[k] for k in ("StableErrorRateAlarmName", "StableLatencyAlarmName",
                                      "CanaryErrorRateAlarmName", "CanaryLatencyAlarmName")]
        self.assertEqual(names, [f"{WATCHED_STACK}-{n}" for n in ("stable-5xx-rate", "stable-p99", "canary-5xx-rate", "canary-p99")])
        ids = self.physical_ids()
        self.assertEqual(ids["CanaryErrorRateAlarm"], names[2])  # Ref is the name
        alarms = self.alarms(names)
        self.assertEqual(set(alarms), set(names))
        balancer = outputs["ALBArn"].split(":loadbalancer/")[1]
        canary_group = outputs["CanaryTargetGroupArn"].split(":")[-1]
        expected_dimensions = [{"Name": "TargetGroup", "Value": canary_group}, {"Name": "LoadBalancer", "Value": balancer}]

        rate = alarms[names[2]]
        self.assertNotIn("MetricName", rate)
        self.assertEqual((rate["ComparisonOperator"], rate["EvaluationPeriods"], rate["DatapointsToAlarm"], rate["Threshold"]),
                         ("GreaterThanThreshold", 3, 2, 1.0))
        self.assertEqual(rate["TreatMissingData"], "notBreaching")
        self.assertEqual(
            [(m["Id"], m.get("Expression"), m["ReturnData"]) for m in rate["Metrics"]],
            [("requests", None, False), ("errors", None, False),
             ("rate", "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)", True)],
        )
        requests = rate["Metrics"][0]["MetricStat"]
        self.assertEqual((requests["Metric"]["Namespace"], requests["Metric"]["MetricName"], requests["Period"], requests["Stat"]),
                         (ALB, "RequestCount", 60, "Sum"))
        self.assertEqual(requests["Metric"]["Dimensions"], expected_dimensions)
        latency = alarms[names[3]]
        self.assertEqual((latency["MetricName"], latency["Namespace"], latency["ExtendedStatistic"], latency["Period"], latency["Threshold"]),
                         ("TargetResponseTime", ALB, "p99", 60, 0.5))
        self.assertEqual(latency["Dimensions"], expected_dimensions)
        self.assertEqual({a["StateValue"] for a in alarms.values()}, {"OK"})

        dashboard = self.cloudwatch.get_dashboard(DashboardName=outputs["DashboardName"])
        self.assertEqual(outputs["DashboardName"], f"{WATCHED_STACK}-traffic")
        body = json.loads(dashboard["DashboardBody"])
        self.assertEqual([w["properties"]["title"] for w in body["widgets"]],
                         ["Requests per minute", "5xx rate (%)", "p99 response time (s)"])
        self.assertIn(["AWS/ApplicationELB", "RequestCount", "TargetGroup", canary_group, "LoadBalancer", balancer, {"label": "canary"}],
                      body["widgets"][0]["properties"]["metrics"])

        # what gen status/rollout read, and how a test puts an alarm in ALARM
        self.aws("cloudwatch", "set-alarm-state", "--alarm-name", names[2], "--state-value", "ALARM",
                 "--state-reason", "canary 5xx rate over the limit")
        described = json.loads(self.aws("cloudwatch", "describe-alarms", "--alarm-names", *names))
        self.assertEqual({a["AlarmName"]: a["StateValue"] for a in described["MetricAlarms"]},
                         {names[0]: "OK", names[1]: "OK", names[2]: "ALARM", names[3]: "OK"})

        # an update of the limit: both rate alarms change in place, the state stays
        values = dict(PARAMETERS, AlarmMaxErrorRatePercent="2.5")
        description = self.create_change_set("gen-deploy-2", "UPDATE", parameter_list(values), UsePreviousTemplate=True)
        self.assertEqual(self.changes(description), [
            ("Modify", "StableErrorRateAlarm", "AWS::CloudWatch::Alarm", "False"),
            ("Modify", "CanaryErrorRateAlarm", "AWS::CloudWatch::Alarm", "False"),
        ])
        self.assertEqual(self.execute("gen-deploy-2")["StackStatus"], "UPDATE_COMPLETE")
        alarms = self.alarms(names)
        self.assertEqual({n: a["Threshold"] for n, a in alarms.items()},
                         {names[0]: 2.5, names[1]: 0.5, names[2]: 2.5, names[3]: 0.5})
        self.assertEqual(alarms[names[2]]["StateValue"], "ALARM")
        self.assertEqual(alarms[names[2]]["StateReason"], "canary 5xx rate over the limit")
        self.assertEqual(self.physical_ids(), ids)

        # a new dashboard body: the same dashboard, updated
        retitled = WATCHED_TEMPLATE.replace('"title": "Requests per minute"', '"title": "Requests each minute"')
        self.assertNotEqual(retitled, WATCHED_TEMPLATE)
        description = self.create_change_set("gen-deploy-3", "UPDATE", parameter_list(values), TemplateBody=retitled)
        self.assertEqual(self.changes(description), [("Modify", "Dashboard", "AWS::CloudWatch::Dashboard", "False")])
        self.assertEqual(self.execute("gen-deploy-3")["StackStatus"], "UPDATE_COMPLETE")
        body = json.loads(self.cloudwatch.get_dashboard(DashboardName=outputs["DashboardName"])["DashboardBody"])
        self.assertEqual(body["widgets"][0]["properties"]["title"], "Requests each minute")
        self.assertEqual([d["DashboardName"] for d in self.cloudwatch.list_dashboards()["DashboardEntries"]], [outputs["DashboardName"]])

        self.cfn.delete_stack(StackName=WATCHED_STACK)
        self.assertEqual(self.stack(stack["StackId"])["StackStatus"], "DELETE_COMPLETE")
        self.assertEqual(self.cloudwatch.describe_alarms()["MetricAlarms"], [])
        self.assertEqual(self.cloudwatch.list_dashboards()["DashboardEntries"], [])

    def test_alarm_with_both_metric_name_and_metrics_fails_the_create(self) -> None:
        # a deliberately broken copy: MetricName beside Metrics
        broken = WATCHED_TEMPLATE.replace(
            "      AlarmName: !Sub ${AWS::StackName}-canary-5xx-rate\n",
            "      AlarmName: !Sub ${AWS::StackName}-canary-5xx-rate\n      MetricName: RequestCount\n",
        )
        self.assertNotEqual(broken, WATCHED_TEMPLATE)
        self.create_change_set("gen-deploy-1", "CREATE", parameter_list(PARAMETERS), TemplateBody=broken)
        stack = self.execute("gen-deploy-1")
        self.assertEqual(stack["StackStatus"], "ROLLBACK_COMPLETE")
        self.assertIn("exactly one of MetricName and Metrics", stack["StackStatusReason"])
        failed = [(e["LogicalResourceId"], e["ResourceStatus"]) for e in self.cfn.describe_stack_events(StackName=WATCHED_STACK)["StackEvents"]
                  if e["ResourceStatus"].endswith("_FAILED")]
        self.assertEqual(failed, [("CanaryErrorRateAlarm", "CREATE_FAILED")])
        self.assertEqual(self.cloudwatch.describe_alarms()["MetricAlarms"], [])
        self.assertEqual(self.cloudwatch.list_dashboards()["DashboardEntries"], [])


class WithMotoTest(unittest.TestCase):
    def test_runs_the_command_against_the_server_and_returns_its_status(self) -> None:
        probe = (
            "import os, sys, boto3\n"
            "assert 'AWS_PROFILE' not in os.environ\n"
            "assert os.environ['AWS_ACCESS_KEY_ID'] == os.environ['AWS_SECRET_ACCESS_KEY'] == 'testing'\n"
            "assert os.environ['AWS_DEFAULT_REGION'] == 'us-east-1'\n"
            "url = os.environ['AWS_ENDPOINT_URL']\n"
            "boto3.client('cloudformation', endpoint_url=url).list_stacks()\n"
            "print(url)\n"
            "sys.exit(7)\n"
        )
        env = dict(os.environ, AWS_PROFILE="someone")
        result = subprocess.run(
            [str(HERE / "with-moto"), sys.executable, "-c", probe],
            capture_output=True, text=True, env=env, timeout=120,
        )
        self.assertEqual(result.returncode, 7, result.stderr)
        url = result.stdout.strip()
        self.assertRegex(url, r"^http://127\.0\.0\.1:\d+$")
        port = int(url.rsplit(":", 1)[1])
        import socket

        with self.assertRaises(OSError):  # the server was stopped
            socket.create_connection(("127.0.0.1", port), timeout=2).close()


class UnpatchedMotoTest(unittest.TestCase):
    """The same requests, on moto without the patches (in this process)."""

    def unpatched_client(self, service: str) -> Any:
        """A client of `service` on a moto server without the patches, stopped when the test ends."""
        import logging

        logging.getLogger("werkzeug").setLevel(logging.CRITICAL)
        from moto.server import ThreadedMotoServer

        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        self.addCleanup(server.stop)
        host, port = server.get_host_and_port()
        return boto3.client(
            service, endpoint_url=f"http://{host}:{port}", region_name="us-east-1",
            aws_access_key_id="testing", aws_secret_access_key="testing",
            config=botocore.config.Config(retries={"max_attempts": 1}),
        )

    def test_unpatched_moto_cannot_execute_the_create_change_set(self) -> None:
        cfn = self.unpatched_client("cloudformation")
        cfn.create_change_set(
            StackName=STACK, ChangeSetName="gen-deploy-1", ChangeSetType="CREATE", TemplateBody=TEMPLATE,
            Parameters=parameter_list(PARAMETERS), Capabilities=["CAPABILITY_NAMED_IAM"],
        )
        # moto's Listener handler raises KeyError: 'TargetGroupArn' -> HTTP 500
        with self.assertRaises(botocore.parsers.ResponseParserError) as failure:
            cfn.execute_change_set(StackName=STACK, ChangeSetName="gen-deploy-1")
        self.assertIn("500 Internal Server Error", str(failure.exception))
        stack = cfn.describe_stacks(StackName=STACK)["Stacks"][0]
        self.assertEqual(stack["StackStatus"], "REVIEW_IN_PROGRESS")
        self.assertNotIn("Outputs", stack)

    def test_unpatched_moto_fails_percentiles_and_reordered_dimensions(self) -> None:
        cloudwatch = self.unpatched_client("cloudwatch")
        start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(seconds=30)
        written = dimensions(TARGET_GROUP, LOAD_BALANCER)
        cloudwatch.put_metric_data(Namespace=ALB, MetricData=[
            {"MetricName": "TargetResponseTime", "Dimensions": written, "Timestamp": start, "Values": [0.1, 0.2]},
        ])

        def query(stat: str, dims: list[dict[str, str]]) -> list[float]:
            answer = cloudwatch.get_metric_data(
                MetricDataQueries=[{"Id": "q", "MetricStat": {
                    "Metric": {"Namespace": ALB, "MetricName": "TargetResponseTime", "Dimensions": dims},
                    "Period": 1, "Stat": stat}}],
                StartTime=start, EndTime=start + timedelta(seconds=1),
            )
            return answer["MetricDataResults"][0]["Values"]

        self.assertEqual(query("Maximum", written), [0.2])
        self.assertEqual(query("Maximum", list(reversed(written))), [])  # the same metric, not found
        with self.assertRaises(botocore.exceptions.ClientError) as failure:  # HTTP 500
            query("p99", written)
        self.assertEqual(failure.exception.response["ResponseMetadata"]["HTTPStatusCode"], 500)


if __name__ == "__main__":
    unittest.main(verbosity=2)
