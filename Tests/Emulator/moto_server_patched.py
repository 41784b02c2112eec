#!/usr/bin/env python3
"""Launch a local moto server able to run Generated/deploy-canary.yml and deploy-blue-green.yml.

Usage:
    python3 Tests/Emulator/moto_server_patched.py --port PORT   # 0 = pick a free port

Once the server accepts connections, exactly one line is written to stdout:

    READY http://127.0.0.1:PORT

and the server then runs until SIGTERM or SIGINT.  Nothing else is written to
stdout; request logging is disabled, warnings and server-side tracebacks go to
stderr.

moto's CloudFormation emulation cannot deploy our real template as is.  Rather
than weakening the template, this launcher monkey-patches moto at import time.
Every patch is one `patch_*` function below, whose docstring names the moto
behaviour it corrects.  The patches were written against moto 5.2.1 (moto's
CloudFormation code lives in moto/cloudformation/{models,parsing,responses}.py);
another moto version gets a warning on stderr, and a patch whose target moved
fails loudly at start-up instead of silently doing nothing.

Only this process is affected: nothing in the installed moto package changes.
"""

from __future__ import annotations

import argparse
import copy
import logging
import os
import re
import signal
import socket
import sys
import threading
import traceback
from typing import Any

PATCHED_FOR_MOTO_VERSION = "5.2.1"


# --------------------------------------------------------------------------
# helpers shared by the patches
# --------------------------------------------------------------------------


def _normalize_parameter_value(value: Any) -> Any:
    """CloudFormation parameter values are strings on the wire.

    moto sometimes keeps them as resolved Python values (int for Number, list
    for CommaDelimitedList), so compare and store them in their string form.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(str(_normalize_parameter_value(v)) for v in value)
    return str(value)


def _resolve_parameters(
    template_dict: dict[str, Any], parameters: dict[str, Any]
) -> dict[str, Any]:
    """Parameter values a stack would run with: the given ones, else the defaults."""
    resolved = {}
    for name, slot in (template_dict.get("Parameters") or {}).items():
        value = parameters.get(name, slot.get("Default"))
        resolved[name] = _normalize_parameter_value(value)
    return resolved


def _references(fragment: Any) -> set[str]:
    """Names a template fragment refers to through Ref, Fn::GetAtt or Fn::Sub."""
    found: set[str] = set()
    if isinstance(fragment, dict):
        for key, value in fragment.items():
            if key == "Ref" and isinstance(value, str):
                found.add(value)
            elif key == "Fn::GetAtt":
                target = value[0] if isinstance(value, list) else str(value).split(".")[0]
                found.add(target)
            elif key == "Fn::Sub":
                text = value[0] if isinstance(value, list) else value
                if isinstance(text, str):
                    for ref in re.findall(r"\$\{([^!}][^}]*)\}", text):
                        found.add(ref.split(".")[0])
                found |= _references(value)
            else:
                found |= _references(value)
    elif isinstance(fragment, list):
        for item in fragment:
            found |= _references(item)
    return found


def _conditions_used(fragment: Any, in_condition: bool = False) -> set[str]:
    """Names of the conditions a fragment evaluates: the first argument of
    every Fn::If and, inside a condition definition (in_condition),
    every {"Condition": name}."""
    found: set[str] = set()
    if isinstance(fragment, dict):
        for key, value in fragment.items():
            if key == "Fn::If" and isinstance(value, list) and value and isinstance(value[0], str):
                found.add(value[0])
                found |= _conditions_used(value[1:], in_condition)
            elif in_condition and key == "Condition" and isinstance(value, str) and len(fragment) == 1:
                found.add(value)
            else:
                found |= _conditions_used(value, in_condition)
    elif isinstance(fragment, list):
        for item in fragment:
            found |= _conditions_used(item, in_condition)
    return found


def _condition_parameters(resource_json: dict[str, Any], conditions: dict[str, Any]) -> set[str]:
    """Names a resource depends on through the conditions of its Fn::If
    functions, followed through Fn::Equals, Fn::And, Fn::Or, Fn::Not and
    conditions named inside conditions.

    The resource's own Condition attribute is not followed: it decides
    whether the resource exists, not what its properties are.
    """
    pending = list(_conditions_used({k: v for k, v in resource_json.items() if k != "Condition"}))
    seen: set[str] = set()
    found: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen or name not in conditions:
            continue
        seen.add(name)
        found |= _references(conditions[name])
        pending.extend(_conditions_used(conditions[name], in_condition=True))
    return found


def _has_update_handler(resource_class: Any) -> bool:
    return resource_class is not None and not hasattr(
        resource_class.update_from_cloudformation_json, "__isabstractmethod__"
    )


# Types whose every update is a replacement (new physical ID) on AWS, and
# which the patched moto replaces too (see patch_ecs_task_definition_update).
_REPLACED_ON_UPDATE = {"AWS::ECS::TaskDefinition"}


def _replacement(resource_class: Any, resource_type: str) -> str:
    """The Replacement a Modify change reports.

    moto cannot tell which property changes force a replacement, so: "True"
    for types that are always replaced, "False" for types moto updates in
    place, "Conditional" for types moto cannot update (kept unchanged).
    """
    if resource_type in _REPLACED_ON_UPDATE:
        return "True"
    return "False" if _has_update_handler(resource_class) else "Conditional"


def _changed_parameters(resource_map: Any, template_dict: dict[str, Any], parameters: dict[str, Any]) -> set[str]:
    """Parameters whose value (as a string, defaults included) differs between
    what the stack runs with and what an update would run with."""
    old = {k: _normalize_parameter_value(v) for k, v in resource_map.resolved_parameters.items()}
    new = _resolve_parameters(template_dict, parameters)
    return {name for name in set(old) | set(new) if old.get(name) != new.get(name)}


def _cascade_replacements(
    by_action: dict[str, list[str]],
    causes: dict[str, list[tuple[str, str]]],
    old: dict[str, Any],
    new: dict[str, Any],
    replaced: list[str],
) -> None:
    """A replaced resource gets a new physical ID: whatever refers to it is
    updated too (AWS lists those as Modify with Evaluation Dynamic)."""
    queue = [n for n in replaced if new[n].get("Type") in _REPLACED_ON_UPDATE]
    while queue:
        replaced_name = queue.pop(0)
        for name in new:
            if name in old and name != replaced_name and replaced_name in _references(new[name]):
                causes.setdefault(name, []).append(("ResourceReference", replaced_name))
                if name not in by_action["Modify"]:
                    by_action["Modify"].append(name)
                    if new[name].get("Type") in _REPLACED_ON_UPDATE:
                        queue.append(name)


def _sort_modify(resource_map: Any, by_action: dict[str, list[str]], new: dict[str, Any]) -> None:
    """Update in dependency order: _parsed_resources holds resources in the
    order they were created, dependencies first."""
    created = {name: i for i, name in enumerate(resource_map._parsed_resources)}
    template_order = {name: i for i, name in enumerate(new)}
    by_action["Modify"].sort(key=lambda n: (created.get(n, len(created)), template_order.get(n, 0)))


def _drop_change_sets(backend: Any, stack_id: str) -> None:
    """Delete a stack's change sets, as AWS does when the stack is deleted."""
    for change_set_id in [i for i, c in backend.change_sets.items() if c.stack_id == stack_id]:
        del backend.change_sets[change_set_id]


def _forget_resources(stack: Any) -> None:
    """Detach a deleted or rolled-back stack from its (deleted) resources.

    moto's ResourceMap and OutputMap are lazy: reading the outputs or the
    resource list of a stack whose resources were deleted (describe-stacks
    by stack ID, list-stack-resources) would create the resources again.
    """
    from moto.cloudformation.parsing import OutputMap

    stack.resource_map._resource_json_map = {}
    stack.output_map = OutputMap(stack.resource_map, {}, stack.stack_id)


def _owning_stack(resource_map: Any) -> Any:
    """The Stack a ResourceMap belongs to (set by patch_stack_resource_events)."""
    return getattr(resource_map, "_gen_owning_stack", None)


# --------------------------------------------------------------------------
# 1. ELBv2 listener: ForwardConfig (weighted target groups)
# --------------------------------------------------------------------------


def patch_listener_forward_config() -> None:
    """moto 5.2.1: AWS::ElasticLoadBalancingV2::Listener only accepts a forward
    action with a top-level TargetGroupArn.

    ELBv2Backend.convert_and_validate_properties (used by FakeListener's
    create_from_cloudformation_json and update_from_cloudformation_json) does
    `action["TargetGroupArn"]` for every forward action, so a DefaultActions
    entry with ForwardConfig (weighted TargetGroups, TargetGroupStickinessConfig)
    raises KeyError: 'TargetGroupArn' and the stack operation dies with HTTP 500.
    The elbv2 API itself (CreateListener/ModifyListener) supports ForwardConfig,
    so pass it through unchanged to the backend.  Updates keep using moto's
    update handler, which calls modify_listener on the existing listener: the
    listener ARN is kept and only the weights change.
    """
    from moto.elbv2 import models as elbv2_models
    from moto.elbv2.exceptions import InvalidActionTypeError

    def convert_and_validate_properties(self: Any, properties: dict[str, Any]) -> list[dict[str, Any]]:
        default_actions = []
        for index, action in enumerate(properties["DefaultActions"]):
            action_type = action["Type"]
            if action_type == "forward":
                converted: dict[str, Any] = {"Type": "forward"}
                if "TargetGroupArn" in action:
                    converted["TargetGroupArn"] = action["TargetGroupArn"]
                if "ForwardConfig" in action:
                    converted["ForwardConfig"] = copy.deepcopy(action["ForwardConfig"])
                if "Order" in action:
                    converted["Order"] = action["Order"]
                if len(converted) == 1:
                    raise InvalidActionTypeError(action_type, index + 1)
                default_actions.append(converted)
            elif action_type in elbv2_models.ALLOWED_ACTIONS:
                default_actions.append(action)
            else:
                raise InvalidActionTypeError(action_type, index + 1)
        return default_actions

    elbv2_models.ELBv2Backend.convert_and_validate_properties = convert_and_validate_properties


# --------------------------------------------------------------------------
# 2. ExecuteChangeSet: create the stack like CreateStack, fill outputs/exports
# --------------------------------------------------------------------------


def patch_execute_change_set() -> None:
    """moto 5.2.1: CloudFormationBackend.execute_change_set never fills Outputs
    or Exports, and turns execution errors into HTTP 500.

    A CREATE change set belongs to a placeholder Stack built from an empty
    template; executing it only runs ResourceMap.update() on that empty map, so
    the stack's OutputMap (built from the empty template) stays empty,
    describe-stacks shows no Outputs, no export is registered (list-exports is
    empty), resources get no aws:cloudformation:* tags and DependsOn is ignored.
    An UPDATE change set also leaves outputs, exports and stack.parameters stale.
    Any exception while executing escapes as an HTTP 500 and leaves the stack
    in its previous status (REVIEW_IN_PROGRESS for a create) with whatever
    resources were made so far.

    Replacement: CREATE builds the resource map from the change set's template
    and parameters and creates it exactly like CreateStack does; UPDATE applies
    the resource diff; both then rebuild outputs and (re)register the stack's
    exports.  An execution error is reported the AWS way: ExecuteChangeSet
    succeeds, the stack ends in ROLLBACK_COMPLETE (create; created resources
    are deleted again) or UPDATE_ROLLBACK_COMPLETE (update; the previous
    template and parameters are re-applied), with StackStatusReason and a
    stack event carrying the error.  The traceback goes to stderr.
    """
    from moto.cloudformation import models as cfn_models
    from moto.cloudformation.exceptions import ValidationError

    def find_change_set(backend: Any, change_set_name: str, stack_name: str | None) -> Any:
        if change_set_name in backend.change_sets:
            return backend.change_sets[change_set_name]
        # By name: the change set of the live stack with that name (moto took
        # the first change set of that name, even one of a deleted stack).
        live_ids = {s.stack_id for s in backend.stacks.values() if stack_name in (s.name, s.stack_id)}
        for change_set in reversed(list(backend.change_sets.values())):
            if change_set.change_set_name == change_set_name and change_set.stack_id in live_ids:
                return change_set
        raise ValidationError(message=f"ChangeSet [{change_set_name}] does not exist")

    def register_exports(backend: Any, stack: Any) -> None:
        owned = [name for name, export in backend.exports.items() if export.exporting_stack_id == stack.stack_id]
        new_exports = stack.exports
        for export in new_exports:
            other = backend.exports.get(export.name)
            if other is not None and other.exporting_stack_id != stack.stack_id:
                raise ValidationError(
                    stack.stack_id,
                    message=f"Export with name {export.name} is already exported by stack {other.exporting_stack_id}",
                )
        for name in owned:
            backend.exports.pop(name, None)
        for export in new_exports:
            backend.exports[export.name] = export

    def execute_create(backend: Any, stack: Any, change_set: Any) -> None:
        stack.template = change_set.template
        stack._parse_template()
        stack.description = stack.template_dict.get("Description")
        stack.parameters = dict(change_set.parameters)
        stack.cross_stack_resources = backend.exports
        stack._add_stack_event("CREATE_IN_PROGRESS", resource_status_reason="User Initiated")
        stack.status = "CREATE_IN_PROGRESS"
        try:
            stack.resource_map = stack._create_resource_map()
            stack.output_map = stack._create_output_map()
            all_ready = stack.resource_map.create(stack.template_dict)
            register_exports(backend, stack)
            # Resolve every output now, so a broken output fails the create.
            _ = stack.outputs
        except Exception as error:  # noqa: BLE001 - reported on the stack, like AWS
            traceback.print_exc(file=sys.stderr)
            reason = f"{type(error).__name__}: {error}"
            _report_resource_failures(stack.resource_map)
            stack.status = "ROLLBACK_IN_PROGRESS"
            stack.status_reason = reason
            stack._add_stack_event("ROLLBACK_IN_PROGRESS", resource_status_reason=reason)
            try:
                stack.resource_map.delete()
                stack.status = "ROLLBACK_COMPLETE"
                _forget_resources(stack)
            except Exception:  # noqa: BLE001
                traceback.print_exc(file=sys.stderr)
                stack.status = "ROLLBACK_FAILED"
            for name in [n for n, e in backend.exports.items() if e.exporting_stack_id == stack.stack_id]:
                backend.exports.pop(name, None)
            stack._add_stack_event(stack.status)
            return
        if all_ready:
            stack.mark_creation_complete()

    def execute_update(backend: Any, stack: Any, change_set: Any) -> None:
        previous_template = stack.template
        previous_parameters = dict(stack.resource_map.input_parameters)
        stack._add_stack_event("UPDATE_IN_PROGRESS", resource_status_reason="User Initiated")
        stack.status = "UPDATE_IN_PROGRESS"
        try:
            stack.resource_map.update(change_set.template_dict, dict(change_set.parameters))
            stack.template = change_set.template
            stack._parse_template()
            stack.description = stack.template_dict.get("Description")
            stack.parameters = dict(change_set.parameters)
            stack.output_map = stack._create_output_map()
            register_exports(backend, stack)
            _ = stack.outputs
        except Exception as error:  # noqa: BLE001 - reported on the stack, like AWS
            traceback.print_exc(file=sys.stderr)
            reason = f"{type(error).__name__}: {error}"
            _report_resource_failures(stack.resource_map)
            stack.status = "UPDATE_ROLLBACK_IN_PROGRESS"
            stack.status_reason = reason
            stack._add_stack_event("UPDATE_ROLLBACK_IN_PROGRESS", resource_status_reason=reason)
            try:
                stack.template = previous_template
                stack._parse_template()
                stack.resource_map.update(stack.template_dict, previous_parameters)
                stack.parameters = previous_parameters
                stack.output_map = stack._create_output_map()
                stack.status = "UPDATE_ROLLBACK_COMPLETE"
            except Exception:  # noqa: BLE001
                traceback.print_exc(file=sys.stderr)
                stack.status = "UPDATE_ROLLBACK_FAILED"
            stack._add_stack_event(stack.status)
            return
        stack.status_reason = None
        stack._add_stack_event("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS")
        stack._add_stack_event("UPDATE_COMPLETE")
        stack.status = "UPDATE_COMPLETE"

    def execute_change_set(self: Any, change_set_name: str, stack_name: str | None = None) -> None:
        change_set = find_change_set(self, change_set_name, stack_name)
        if change_set.execution_status != "AVAILABLE":
            raise ValidationError(
                message=f"ChangeSet [{change_set.change_set_id}] cannot be executed in its current execution status of [{change_set.execution_status}]"
            )
        stack = self.stacks.get(change_set.stack_id)
        if stack is None:
            raise ValidationError(change_set.stack_name)
        change_set.execution_status = "EXECUTE_IN_PROGRESS"
        if change_set.change_set_type == "CREATE":
            execute_create(self, stack, change_set)
        else:
            execute_update(self, stack, change_set)
        failed = "ROLLBACK" in stack.status or stack.status.endswith("FAILED")
        change_set.execution_status = "EXECUTE_FAILED" if failed else "EXECUTE_COMPLETE"

    cfn_models.CloudFormationBackend.execute_change_set = execute_change_set


# --------------------------------------------------------------------------
# 3. UPDATE change sets: only resources whose inputs changed are touched
# --------------------------------------------------------------------------


def patch_update_change_set_diff() -> None:
    """moto 5.2.1: update change sets diff parameters wrongly and destroy
    resources they cannot update.

    * ResourceMap.build_resource_diff compares the new parameter strings with
      ResourceMap.input_parameters, and the CreateChangeSet handler resolves
      UsePreviousValue to the *resolved* value (int 8000 for a Number), so
      "8000" != 8000 and every resource referring to such a parameter is
      marked Modify.  It also ignores parameters used through Fn::Sub.
      Fixed: parameters are compared by their string value against the values
      the stack runs with, defaults included, and Fn::Sub/GetAtt references count.
    * parse_and_update_resource returns None for a resource type without an
      update handler (VPC, Subnet, TargetGroup, LogGroup, RouteTable, ...), and
      ResourceMap.update stores that None as the resource: the resource is
      gone from the stack and every later !Ref to it breaks.  Fixed: such a
      resource is kept as it is (same physical ID); a warning goes to stderr.
    * ChangeSet.diff builds Changes without the parameters, so a change set
      that only changes parameters (our weights-only update) lists no Changes,
      and Changes never carry Replacement, PhysicalResourceId, Scope or
      Details.  Fixed: Changes include parameter-driven modifications; each
      gets PhysicalResourceId (Modify/Remove), Scope, Details (ChangeSource
      ParameterReference/ResourceReference/DirectModification, CausingEntity)
      and, for Modify, Replacement: "True" for types always replaced
      (AWS::ECS::TaskDefinition), "False" for types moto updates in place,
      "Conditional" for types moto cannot update (moto cannot tell which
      properties force a replacement).
    * Nothing is updated when a resource it refers to is replaced: a new
      TaskDefinition revision left the Service on the old one.  Fixed: the
      resources referring to a replaced resource are modified too (AWS shows
      them as Modify, Evaluation Dynamic), and Modify runs in dependency order.
    * Stack.has_parameters (no-change detection) compares raw dicts, so a
      parameter passed as UsePreviousValue or equal to its default looks like
      a change.  Fixed with the same value comparison.
    * The CreateChangeSet handler rejects an unchanged update with the
      UpdateStack error "No updates are to be performed." when all parameters
      are Strings; AWS instead creates the change set in status FAILED with
      "The submitted information didn't contain changes. ..." (which moto's
      backend already does).  Fixed by skipping that UpdateStack-only check.
    * UsePreviousValue values are normalised back to strings before the change
      set is stored (moto stored the resolved value, e.g. a list for a
      CommaDelimitedList, which its parameter loading then tries to split).
    * A CREATE change set for a name whose stack is still REVIEW_IN_PROGRESS
      (a create change set that never ran) made moto create a second stack of
      the same name; AWS reuses it.  The unexecuted stack is now dropped first;
      for any other existing stack the request fails as on AWS ("Stack [X]
      already exists and cannot be created again with the changeSet [Y].").
    """
    from moto.cloudformation import models as cfn_models
    from moto.cloudformation import parsing
    from moto.cloudformation import responses as cfn_responses
    from moto.cloudformation.exceptions import ValidationError

    def build_resource_diff(self: Any, other_template: dict[str, Any], parameters: dict[str, Any] | None = None) -> dict[str, Any]:
        old = self._resource_json_map
        new = other_template["Resources"]
        by_action: dict[str, list[str]] = {
            "Add": [name for name in new if name not in old],
            "Modify": [name for name in new if name in old and new[name] != old[name]],
            "Remove": [name for name in old if name not in new],
        }
        # Why each Modify happens: ("ParameterReference" | "ResourceReference", entity)
        causes: dict[str, list[tuple[str, str]]] = {}
        if parameters is not None:
            changed = _changed_parameters(self, other_template, parameters)
            for name in new:
                if name in old and new[name] == old[name]:
                    params = sorted(changed & _references(new[name]))
                    if params:
                        by_action["Modify"].append(name)
                        causes[name] = [("ParameterReference", p) for p in params]
        _cascade_replacements(by_action, causes, old, new, list(by_action["Modify"]))
        _sort_modify(self, by_action, new)
        self._gen_change_causes = causes
        return by_action

    def parse_and_update_resource(logical_id: str, resource_json: dict[str, Any], resources_map: Any, account_id: str, region_name: str) -> Any:
        resource_class = parsing.resource_class_from_type(resource_json["Type"])
        if resource_class is not None and not _has_update_handler(resource_class):
            print(
                f"moto_server_patched: moto cannot update {resource_json['Type']} "
                f"({logical_id}); keeping the existing resource unchanged",
                file=sys.stderr,
            )
            return resources_map[logical_id]
        return original_parse_and_update_resource(logical_id, resource_json, resources_map, account_id, region_name)

    original_parse_and_update_resource = parsing.parse_and_update_resource

    def change_set_diff(self: Any) -> list[Any]:
        resource_map = self.stack.resource_map
        parameters = self.parameters if self.change_set_type == "UPDATE" else None
        by_action = resource_map.build_resource_diff(self.template_dict, parameters)
        causes = getattr(resource_map, "_gen_change_causes", {})
        changes = []
        for action in ("Add", "Modify", "Remove"):
            for name in by_action[action]:
                source = self.template_dict["Resources"] if action != "Remove" else resource_map._resource_json_map
                resource_type = source[name]["Type"]
                change = cfn_models.Change(action=action, logical_resource_id=name, resource_type=resource_type)
                change.scope = []
                change.details = []
                if action != "Add":
                    current = resource_map._parsed_resources.get(name)
                    change.physical_resource_id = getattr(current, "physical_resource_id", None)
                if action == "Modify":
                    change.replacement = _replacement(parsing.resource_class_from_type(resource_type), resource_type)
                    recreation = {"True": "Always", "False": "Never"}.get(change.replacement, "Conditionally")
                    change.scope = ["Properties"]
                    reasons = causes.get(name) or [("DirectModification", None)]
                    for source_kind, entity in reasons:
                        detail: dict[str, Any] = {
                            "Target": {"Attribute": "Properties", "RequiresRecreation": recreation},
                            "Evaluation": "Dynamic" if source_kind == "ResourceReference" else "Static",
                            "ChangeSource": source_kind,
                        }
                        if entity:
                            detail["CausingEntity"] = entity
                        change.details.append(detail)
                changes.append(change)
        return changes

    def has_parameters(self: Any, other_parameters: dict[str, Any]) -> bool:
        return not _changed_parameters(self.resource_map, self.template_dict, other_parameters)

    original_validate_different_update = cfn_responses.CloudFormationResponse._validate_different_update

    def validate_different_update(self: Any, *args: Any, **kwargs: Any) -> None:
        if self._get_action() == "CreateChangeSet":
            return None
        return original_validate_different_update(self, *args, **kwargs)

    original_create_change_set = cfn_models.CloudFormationBackend.create_change_set

    def create_change_set(self: Any, stack_name: str, change_set_name: str, template: str, parameters: dict[str, str], *args: Any, **kwargs: Any) -> Any:
        change_set_type = kwargs.get("change_set_type", args[1] if len(args) > 1 else "CREATE")
        parameters = {k: _normalize_parameter_value(v) for k, v in (parameters or {}).items()}
        if change_set_type == "CREATE":
            for stack_id, stack in list(self.stacks.items()):
                if stack.name != stack_name:
                    continue
                if stack.status == "REVIEW_IN_PROGRESS":
                    # AWS reuses a stack that was never executed; moto would
                    # create a second stack with the same name.
                    del self.stacks[stack_id]
                    _drop_change_sets(self, stack_id)
                else:
                    raise ValidationError(
                        stack_name,
                        message=f"Stack [{stack_name}] already exists and cannot be created again with the changeSet [{change_set_name}].",
                    )
        return original_create_change_set(self, stack_name, change_set_name, template, parameters, *args, **kwargs)

    parsing.ResourceMap.build_resource_diff = build_resource_diff
    parsing.parse_and_update_resource = parse_and_update_resource
    cfn_models.ChangeSet.diff = change_set_diff
    cfn_models.Stack.has_parameters = has_parameters
    cfn_responses.CloudFormationResponse._validate_different_update = validate_different_update
    cfn_models.CloudFormationBackend.create_change_set = create_change_set


def patch_ecs_task_definition_update() -> None:
    """moto 5.2.1: updating an AWS::ECS::TaskDefinition registers a broken revision.

    TaskDefinition.update_from_cloudformation_json compares the template's
    PascalCase ContainerDefinitions with the stored camelCase ones (always
    "different") and registers the new revision without converting the keys,
    so the new revision's containers have no name, image, port mappings or
    environment.  Replaced: an update registers the new revision exactly as a
    create does and deregisters the old one, i.e. a replacement, as on AWS
    (any TaskDefinition property change replaces it).  Together with the
    reference cascade in patch_update_change_set_diff, a new image moves the
    ECS service to the new revision.
    """
    from moto.ecs import models as ecs_models

    def update_from_cloudformation_json(cls: Any, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str) -> Any:
        backend = ecs_models.ecs_backends[account_id][region_name]
        replacement = cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)
        if replacement.arn != original_resource.arn and original_resource.status == "ACTIVE":
            backend.deregister_task_definition(original_resource.arn)
        return replacement

    ecs_models.TaskDefinition.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)


def patch_condition_driven_updates() -> None:
    """moto 5.2.1: a parameter used only through a condition updates nothing.

    ResourceMap.build_resource_diff (and patch_update_change_set_diff, which
    replaces it) marks a resource Modify when its template JSON changed or
    when it refers to a changed parameter with Ref/Fn::Sub.  A property
    written `!If [BlueIsActive, 100, 0]`, with `BlueIsActive: !Equals
    [!Ref ActiveColor, blue]`, names the condition, not the parameter, so an
    update that changes only ActiveColor (blue/green switch: previous template,
    other parameters unchanged) lists no Changes and, executed, ends in
    UPDATE_COMPLETE with the stack parameters and the ActiveColorOut output
    switched while the listener keeps its old weights: moto re-evaluates the
    conditions but never re-applies the resources that use them.

    Added on top of that diff: a resource whose template JSON is unchanged
    but which uses, through Fn::If, a condition that depends on a changed
    parameter (through Ref inside Fn::Equals, Fn::And, Fn::Or, Fn::Not and
    conditions named by {"Condition": ...}, followed transitively) is Modify,
    with a ParameterReference detail naming the parameter, like a resource
    that refers to it directly; it gets the Replacement of its type, the
    replacement cascade and the dependency order of patch 3, and is updated
    with the new condition values when the change set is executed.
    """
    from moto.cloudformation import parsing

    previous_build_resource_diff = parsing.ResourceMap.build_resource_diff

    def build_resource_diff(self: Any, other_template: dict[str, Any], parameters: dict[str, Any] | None = None) -> dict[str, Any]:
        by_action = previous_build_resource_diff(self, other_template, parameters)
        if parameters is None:
            return by_action
        changed = _changed_parameters(self, other_template, parameters)
        conditions = other_template.get("Conditions") or {}
        if not changed or not conditions:
            return by_action
        old = self._resource_json_map
        new = other_template["Resources"]
        causes = getattr(self, "_gen_change_causes", None)
        if causes is None:
            causes = self._gen_change_causes = {}
        added: list[str] = []
        for name in new:
            if name not in old or new[name] != old[name]:
                continue  # added, or modified by the template itself
            known = {entity for source, entity in causes.get(name, []) if source == "ParameterReference"}
            params = sorted((changed & _condition_parameters(new[name], conditions)) - known)
            if not params:
                continue
            causes.setdefault(name, []).extend(("ParameterReference", p) for p in params)
            if name not in by_action["Modify"]:
                by_action["Modify"].append(name)
                added.append(name)
        if added:
            _cascade_replacements(by_action, causes, old, new, added)
            _sort_modify(self, by_action, new)
        return by_action

    parsing.ResourceMap.build_resource_diff = build_resource_diff


# --------------------------------------------------------------------------
# 4. DeleteStack: delete every resource the stack created
# --------------------------------------------------------------------------


def _delete_internet_gateway(resource: Any, account_id: str, region: str) -> None:
    from moto.ec2.models import ec2_backends

    backend = ec2_backends[account_id][region]
    if resource.id in backend.internet_gateways:
        backend.delete_internet_gateway(resource.id)  # DependencyViolation while attached -> retried


def _delete_vpc_gateway_attachment(resource: Any, account_id: str, region: str) -> None:
    from moto.ec2.models import ec2_backends

    backend = ec2_backends[account_id][region]
    gateway_id = resource.gateway_id or ""
    if gateway_id.startswith("igw-"):
        igw = backend.internet_gateways.get(gateway_id)
        if igw is not None and igw.vpc is not None and igw.vpc.id == resource.vpc_id:
            backend.detach_internet_gateway(gateway_id, resource.vpc_id)
    elif gateway_id.startswith("vgw-"):
        gateway = backend.vpn_gateways.get(gateway_id)
        if gateway is not None and resource.vpc_id in gateway.attachments:
            backend.detach_vpn_gateway(gateway_id, resource.vpc_id)


def _delete_route(resource: Any, account_id: str, region: str) -> None:
    from moto.ec2.models import ec2_backends

    backend = ec2_backends[account_id][region]
    route_table = backend.route_tables.get(resource.route_table.id)
    if route_table is not None:
        route_table._routes.pop(resource.id, None)


def _delete_subnet_route_table_association(resource: Any, account_id: str, region: str) -> None:
    from moto.ec2.models import ec2_backends

    backend = ec2_backends[account_id][region]
    backend.subnet_associations.pop(f"{resource.route_table_id}:{resource.subnet_id}", None)
    route_table = backend.route_tables.get(resource.route_table_id)
    if route_table is not None:
        for association_id, subnet_id in list(route_table._associations.items()):
            if subnet_id == resource.subnet_id:
                route_table._associations.pop(association_id)


def _delete_route_table(resource: Any, account_id: str, region: str) -> None:
    from moto.ec2.models import ec2_backends

    backend = ec2_backends[account_id][region]
    if resource.id in backend.route_tables:
        backend.delete_route_table(resource.id)  # DependencyViolation while associated -> retried


def _delete_ecs_service(resource: Any, account_id: str, region: str) -> None:
    from moto.ecs.models import ecs_backends

    backend = ecs_backends[account_id][region]
    key = f"{resource.cluster_name}:{resource.name}"
    if key in backend.services and backend.services[key].status != "INACTIVE":
        backend.delete_service(resource.cluster_name, resource.name, force=True)


def _delete_ecs_cluster(resource: Any, account_id: str, region: str) -> None:
    from moto.ecs.models import ecs_backends

    backend = ecs_backends[account_id][region]
    if resource.name not in backend.clusters:
        return
    active = [
        s.name for key, s in backend.services.items()
        if key.startswith(f"{resource.name}:") and s.status != "INACTIVE"
    ]
    if active:  # AWS refuses to delete a cluster with active services -> retried
        raise RuntimeError(f"cluster {resource.name} still has active services {active}")
    backend.delete_cluster(resource.name)


def _delete_ecs_task_definition(resource: Any, account_id: str, region: str) -> None:
    from moto.ecs.models import ecs_backends

    backend = ecs_backends[account_id][region]
    revisions = backend.task_definitions.get(resource.family, {})
    if resource.revision in revisions:
        backend.deregister_task_definition(resource.arn)  # status INACTIVE, as on AWS


def _delete_elbv2_listener(resource: Any, account_id: str, region: str) -> None:
    from moto.elbv2.models import elbv2_backends

    backend = elbv2_backends[account_id][region]
    for balancer in backend.load_balancers.values():
        balancer.listeners.pop(resource.arn, None)


def _delete_elbv2_target_group(resource: Any, account_id: str, region: str) -> None:
    from moto.elbv2.models import elbv2_backends

    backend = elbv2_backends[account_id][region]
    if resource.arn in backend.target_groups:
        backend.delete_target_group(resource.arn)  # ResourceInUse while a listener forwards to it -> retried


_RESOURCE_DELETERS = {
    "AWS::EC2::InternetGateway": _delete_internet_gateway,
    "AWS::EC2::VPCGatewayAttachment": _delete_vpc_gateway_attachment,
    "AWS::EC2::Route": _delete_route,
    "AWS::EC2::SubnetRouteTableAssociation": _delete_subnet_route_table_association,
    "AWS::EC2::RouteTable": _delete_route_table,
    "AWS::ECS::Service": _delete_ecs_service,
    "AWS::ECS::Cluster": _delete_ecs_cluster,
    "AWS::ECS::TaskDefinition": _delete_ecs_task_definition,
    "AWS::ElasticLoadBalancingV2::Listener": _delete_elbv2_listener,
    "AWS::ElasticLoadBalancingV2::TargetGroup": _delete_elbv2_target_group,
}


def patch_delete_stack_resources() -> None:
    """moto 5.2.1: DeleteStack leaves resources behind and loses failed stacks.

    ResourceMap._delete_resource calls the model's delete() or its
    delete_from_cloudformation_json; for many types neither exists and the
    resource is silently left in its backend.  For our template that is:
    AWS::EC2::InternetGateway, VPCGatewayAttachment (IGW stays attached),
    Route, SubnetRouteTableAssociation, RouteTable, AWS::ECS::Service, Cluster,
    TaskDefinition and AWS::ElasticLoadBalancingV2::Listener, TargetGroup.
    (The leftover route table then makes moto's delete_vpc raise
    DependencyViolation.)  The added deleters use the same backend calls as
    the service APIs (ECS cluster/service/task definition end up INACTIVE, as
    on AWS); a deleter raises while a dependant still exists, and moto's
    delete loop retries it after the dependants are gone.

    CloudFormationBackend.delete_stack also pops the stack before deleting
    its resources, so an error there answers HTTP 500 and the stack vanishes
    with its exports still registered.  Replaced: a failure leaves the stack
    in DELETE_FAILED with StackStatusReason (and its exports); success moves
    it to the deleted stacks with DELETE_COMPLETE and drops only the exports
    it owns, and the stack's change sets are deleted with it (moto kept them,
    so a change set name could not be reused for a new stack of the same
    name).  Deleting a stack that does not exist succeeds silently, as on AWS.
    A deleted stack is detached from its resources: moto's maps are lazy, so
    describe-stacks by stack ID or list-stack-resources on a deleted stack
    re-created every resource.

    ResourceMap.delete walks the resources in set order (which changes with
    PYTHONHASHSEED), so the order of deletions and of their stack events was
    random; it now deletes in reverse creation order, retrying as before.
    """
    from moto.cloudformation import models as cfn_models
    from moto.cloudformation import parsing

    original_delete_resource = parsing.ResourceMap._delete_resource

    def delete_resource(self: Any, parsed_resource: Any, resource_json: dict[str, Any]) -> None:
        deleter = _RESOURCE_DELETERS.get(resource_json.get("Type"))
        if deleter is None:
            return original_delete_resource(self, parsed_resource, resource_json)
        deleter(parsed_resource, self._account_id, self._region_name)

    def delete_resources(self: Any) -> None:
        # moto iterates a set (order depends on PYTHONHASHSEED) and relies on
        # retries; use reverse creation order instead (resources enter
        # _parsed_resources after their dependencies), still retrying.
        parsed = [name for name in self._parsed_resources if name in self._resource_json_map]
        pending = [
            name for name in reversed(parsed)
            if self._resource_json_map[name].get("DeletionPolicy") != "Retain"
        ]
        last_error: Exception | None = None
        while pending:
            progressed = False
            for name in list(pending):
                resource = self._parsed_resources.get(name)
                try:
                    if resource is not None and not isinstance(resource, str):
                        self._delete_resource(resource, self._resource_json_map[name])
                        self._parsed_resources.pop(name, None)
                except Exception as error:  # noqa: BLE001 - dependant still there, retry
                    last_error = error
                else:
                    pending.remove(name)
                    progressed = True
            if not progressed:
                raise last_error  # type: ignore[misc]

    def delete_stack(self: Any, name_or_stack_id: str) -> None:
        stack = self.stacks.get(name_or_stack_id)
        if stack is None:
            stack = next((s for s in self.stacks.values() if s.name == name_or_stack_id), None)
        if stack is None:
            return None
        stack._add_stack_event("DELETE_IN_PROGRESS", resource_status_reason="User Initiated")
        stack.status = "DELETE_IN_PROGRESS"
        try:
            stack.resource_map.delete()
        except Exception as error:  # noqa: BLE001 - reported on the stack, like AWS
            traceback.print_exc(file=sys.stderr)
            reason = f"{type(error).__name__}: {error}"
            _report_resource_failures(stack.resource_map)
            stack.status = "DELETE_FAILED"
            stack.status_reason = reason
            stack._add_stack_event("DELETE_FAILED", resource_status_reason=reason)
            return None
        stack.status = "DELETE_COMPLETE"
        stack.status_reason = None
        _forget_resources(stack)
        stack._add_stack_event("DELETE_COMPLETE")
        self.stacks.pop(stack.stack_id, None)
        self.deleted_stacks[stack.stack_id] = stack
        _drop_change_sets(self, stack.stack_id)
        for name in [n for n, e in self.exports.items() if e.exporting_stack_id == stack.stack_id]:
            self.exports.pop(name)
        return None

    parsing.ResourceMap._delete_resource = delete_resource
    parsing.ResourceMap.delete = delete_resources
    cfn_models.CloudFormationBackend.delete_stack = delete_stack


# --------------------------------------------------------------------------
# 5. Per-resource stack events
# --------------------------------------------------------------------------


def _add_resource_event(resource_map: Any, logical_id: str, resource_type: str, physical_id: Any, status: str, reason: str | None = None) -> None:
    """Append an AWS-style per-resource event to the stack owning resource_map."""
    from moto.cloudformation import models as cfn_models

    stack = _owning_stack(resource_map)
    if stack is None:
        return
    stack.events.append(
        cfn_models.Event(
            stack_id=stack.stack_id,
            stack_name=stack.name,
            logical_resource_id=logical_id,
            physical_resource_id=physical_id if isinstance(physical_id, str) else "",
            resource_type=resource_type,
            resource_status=status,
            resource_status_reason=reason,
            resource_properties=None,
        )
    )


def _report_resource_failures(resource_map: Any) -> None:
    """Emit <ACTION>_FAILED for the resources whose last update/delete attempt
    failed (recorded by patch_stack_resource_events), once the operation has
    given up on them."""
    failures = getattr(resource_map, "_gen_failures", None) or {}
    for logical_id, (resource_type, physical_id, status, reason) in failures.items():
        _add_resource_event(resource_map, logical_id, resource_type, physical_id, status, reason)
    failures.clear()


def patch_stack_resource_events() -> None:
    """moto 5.2.1: describe-stack-events only ever shows stack-level events.

    Stack._add_stack_event is the only producer of events and it always uses
    the stack itself as LogicalResourceId/ResourceType
    (AWS::CloudFormation::Stack), so a deploy that watches the event stream
    never sees resources being created, updated or deleted, nor which one
    failed.  Added, for every resource: CREATE_IN_PROGRESS (twice, the second
    with "Resource creation Initiated") and CREATE_COMPLETE; UPDATE_IN_PROGRESS
    and UPDATE_COMPLETE; DELETE_IN_PROGRESS and DELETE_COMPLETE; and
    CREATE_FAILED / UPDATE_FAILED / DELETE_FAILED with the error as
    ResourceStatusReason for the resource that made the operation fail.  They
    carry LogicalResourceId, PhysicalResourceId, ResourceType, Timestamp,
    EventId and ResourceStatusReason like AWS events.  moto retries updates
    and deletes in a loop to find a dependency order, so an update/delete
    failure is only reported once the stack operation gives up.
    """
    from moto.cloudformation import models as cfn_models
    from moto.cloudformation import parsing

    original_create_resource_map = cfn_models.Stack._create_resource_map

    def create_resource_map(self: Any) -> Any:
        resource_map = original_create_resource_map(self)
        resource_map._gen_owning_stack = self
        resource_map._gen_failures = {}
        return resource_map

    def record_failure(resource_map: Any, logical_id: str, resource_type: str, physical_id: Any, status: str, error: Exception) -> None:
        failures = getattr(resource_map, "_gen_failures", None)
        if failures is not None:
            failures[logical_id] = (resource_type, physical_id, status, f"{type(error).__name__}: {error}")

    def forget_failure(resource_map: Any, logical_id: str) -> None:
        failures = getattr(resource_map, "_gen_failures", None)
        if failures:
            failures.pop(logical_id, None)

    original_parse_and_create_resource = parsing.parse_and_create_resource

    def parse_and_create_resource(logical_id: str, resource_json: dict[str, Any], resources_map: Any, account_id: str, region_name: str) -> Any:
        resource_type = resource_json.get("Type", "")
        try:
            resource = original_parse_and_create_resource(logical_id, resource_json, resources_map, account_id, region_name)
        except Exception as error:
            # Report only the resource that failed, not the ones that were
            # being created when it was needed as a dependency.
            if not getattr(error, "_gen_reported", False):
                _add_resource_event(resources_map, logical_id, resource_type, None, "CREATE_IN_PROGRESS")
                _add_resource_event(resources_map, logical_id, resource_type, None, "CREATE_FAILED", f"{type(error).__name__}: {error}")
                try:
                    error._gen_reported = True  # type: ignore[attr-defined]
                except AttributeError:
                    pass
            raise
        if resource is not None:
            physical_id = getattr(resource, "physical_resource_id", None)
            _add_resource_event(resources_map, logical_id, resource_type, None, "CREATE_IN_PROGRESS")
            _add_resource_event(resources_map, logical_id, resource_type, physical_id, "CREATE_IN_PROGRESS", "Resource creation Initiated")
            _add_resource_event(resources_map, logical_id, resource_type, physical_id, "CREATE_COMPLETE")
        return resource

    update_delegate = parsing.parse_and_update_resource

    def parse_and_update_resource(logical_id: str, resource_json: dict[str, Any], resources_map: Any, account_id: str, region_name: str) -> Any:
        resource_type = resource_json.get("Type", "")
        try:
            resource = update_delegate(logical_id, resource_json, resources_map, account_id, region_name)
        except Exception as error:
            current = resources_map._parsed_resources.get(logical_id)
            record_failure(resources_map, logical_id, resource_type, getattr(current, "physical_resource_id", None), "UPDATE_FAILED", error)
            raise
        forget_failure(resources_map, logical_id)
        if resource is not None:
            physical_id = getattr(resource, "physical_resource_id", None)
            _add_resource_event(resources_map, logical_id, resource_type, physical_id, "UPDATE_IN_PROGRESS")
            _add_resource_event(resources_map, logical_id, resource_type, physical_id, "UPDATE_COMPLETE")
        return resource

    delete_delegate = parsing.ResourceMap._delete_resource

    def delete_resource(self: Any, parsed_resource: Any, resource_json: dict[str, Any]) -> None:
        physical_id = getattr(parsed_resource, "physical_resource_id", None)
        logical_id = getattr(parsed_resource, "logical_resource_id", "")
        resource_type = resource_json.get("Type", "")
        try:
            delete_delegate(self, parsed_resource, resource_json)
        except Exception as error:
            record_failure(self, logical_id, resource_type, physical_id, "DELETE_FAILED", error)
            raise
        forget_failure(self, logical_id)
        _add_resource_event(self, logical_id, resource_type, physical_id, "DELETE_IN_PROGRESS")
        _add_resource_event(self, logical_id, resource_type, physical_id, "DELETE_COMPLETE")

    cfn_models.Stack._create_resource_map = create_resource_map
    parsing.parse_and_create_resource = parse_and_create_resource
    parsing.parse_and_update_resource = parse_and_update_resource
    parsing.ResourceMap._delete_resource = delete_resource


# --------------------------------------------------------------------------
# 6. Where templates come from: TemplateURL, and the TemplateBody size limit
# --------------------------------------------------------------------------

# Host names of S3's path-style endpoints: s3.amazonaws.com, s3.REGION...,
# s3-REGION..., s3.dualstack.REGION..., s3-external-1..., and .amazonaws.com.cn.
_S3_ENDPOINT_HOST = r"s3(?:[.-](?:dualstack\.)?[a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?"

# The most a TemplateBody may hold (bytes), as on AWS; larger templates go to S3.
_TEMPLATE_BODY_LIMIT = 51_200


def _s3_template_location(url: str) -> tuple[str, str, str | None] | None:
    """(bucket, key, versionId) of an S3 object URL as CloudFormation accepts it
    for TemplateURL, or None for a URL that is not one.

    Path style https://s3[.REGION].amazonaws.com/BUCKET/KEY, virtual-hosted
    https://BUCKET.s3[.REGION].amazonaws.com/KEY (bucket names may contain
    dots or start with "s3"), http or https; the key is percent-decoded and
    ?versionId= selects a version.  Path-style URLs of this emulator itself
    (localhost, 127.0.0.1) are accepted too, as moto accepted them.
    """
    from urllib.parse import parse_qs, unquote, urlsplit

    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return None
    path = unquote(parts.path).lstrip("/")
    virtual = re.fullmatch(rf"(?P<bucket>.+)\.{_S3_ENDPOINT_HOST}", host)
    if re.fullmatch(_S3_ENDPOINT_HOST, host) or host in ("localhost", "127.0.0.1", "::1"):
        bucket, _, key = path.partition("/")
    elif virtual:
        bucket, key = virtual.group("bucket"), path
    else:
        return None
    version = parse_qs(parts.query).get("versionId", [None])[0]
    return bucket, key, version


def patch_template_url() -> None:
    """moto 5.2.1: TemplateURL is read by guessing at the host name, and an
    oversized TemplateBody is accepted.

    moto.cloudformation.utils.get_stack_from_s3_url takes the bucket from
    the path when the host starts with "s3" and ends with "amazonaws.com",
    else the first label of the host.  The plain forms work
    (https://s3.amazonaws.com/BUCKET/KEY, https://s3.REGION.amazonaws.com/
    BUCKET/KEY, https://BUCKET.s3.amazonaws.com/KEY, https://BUCKET.s3.REGION.
    amazonaws.com/KEY), but:
    * a virtual-hosted URL whose bucket name starts with "s3"
      (https://s3templates.s3.amazonaws.com/dir/t.yml) is read as path
      style: bucket "dir" (S3's NoSuchBucket answered by CloudFormation), or
      HTTP 500 (ValueError) when the key has no "/";
    * a virtual-hosted URL of a bucket name with dots
      (https://gen.templates.s3.amazonaws.com/KEY) reads bucket "gen":
      NoSuchBucket;
    * a percent-encoded key (a space is %20) is not decoded: HTTP 500
      (AttributeError: 'NoneType' object has no attribute 'value');
    * ?versionId= is ignored: the latest version is read;
    * the emulator's own endpoint http://127.0.0.1:PORT/BUCKET/KEY reads
      bucket "127" (only "localhost" URLs were path style): NoSuchBucket;
    * a missing key is an HTTP 500; a missing bucket or a URL that is not
      an S3 URL (https://example.com/BUCKET/KEY) answers NoSuchBucket;
      s3://BUCKET/KEY, which AWS refuses, is read.
    Replaced, for the TemplateURL parameter of every action
    (CreateChangeSet, CreateStack, UpdateStack, ValidateTemplate,
    GetTemplateSummary, stack sets): the URL is parsed by
    _s3_template_location and the object read from the emulator's S3; a URL
    that is not an S3 URL is a ValidationError "TemplateURL must be a
    supported URL.", a missing bucket, key or version a ValidationError
    "TemplateURL must reference a valid S3 object to which you have access."
    (AWS's answers).  StackPolicyURL and nested stacks' TemplateURL keep
    moto's reader.

    The same actions accepted a TemplateBody of any size; AWS refuses one
    over 51,200 bytes ("1 validation error detected: Value '...' at
    'templateBody' failed to satisfy constraint: Member must have length
    less than or equal to 51200") and the template must go by TemplateURL.
    That check is added.
    """
    from moto.cloudformation import responses as cfn_responses
    from moto.cloudformation.exceptions import ValidationError
    from moto.s3.exceptions import MissingBucket

    response_class = cfn_responses.CloudFormationResponse
    original_get_stack_from_s3_url = response_class._get_stack_from_s3_url

    def read_template_url(url: str, account_id: str, partition: str) -> str:
        from moto.s3.models import s3_backends

        location = _s3_template_location(url)
        if location is None:
            raise ValidationError(message="TemplateURL must be a supported URL.")
        bucket, key, version = location
        template = None
        if bucket and key:
            try:
                template = s3_backends[account_id][partition].get_object(bucket, key, version_id=version)
            except MissingBucket:
                template = None
        if template is None:
            raise ValidationError(message="TemplateURL must reference a valid S3 object to which you have access.")
        return template.value.decode("utf-8")

    def get_stack_from_s3_url(self: Any, url: str) -> str:
        if url != self._get_param("TemplateURL"):  # StackPolicyURL
            return original_get_stack_from_s3_url(self, url)
        return read_template_url(url, self.current_account, self.partition)

    def with_body_limit(action: Any) -> Any:
        def checked(self: Any) -> Any:
            body = self._get_param("TemplateBody")
            if isinstance(body, str) and len(body.encode("utf-8")) > _TEMPLATE_BODY_LIMIT:
                raise ValidationError(
                    message=f"1 validation error detected: Value '{body}' at 'templateBody' failed to satisfy "
                    f"constraint: Member must have length less than or equal to {_TEMPLATE_BODY_LIMIT}"
                )
            return action(self)

        checked.__name__ = action.__name__
        return checked

    response_class._get_stack_from_s3_url = get_stack_from_s3_url
    for name in ("create_stack", "update_stack", "create_change_set", "validate_template",
                 "get_template_summary", "create_stack_set", "update_stack_set"):
        setattr(response_class, name, with_body_limit(getattr(response_class, name)))


# --------------------------------------------------------------------------
# 7. CloudWatch metrics: percentile statistics, dimensions matched as a set
# --------------------------------------------------------------------------

# An extended statistic CloudWatch computes from the raw values: p0 to p100,
# decimals allowed (p99.9).
_PERCENTILE_STAT = re.compile(r"p(\d{1,3}(?:\.\d+)?)")


def _percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile: the smallest value with at least
    `percent` % of the values at or below it (p0 is the minimum, p100 the
    maximum).  CloudWatch does not publish its exact method; on raw values
    this agrees with it at the ranks the tests use."""
    import math

    ordered = sorted(values)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


def patch_metric_data_percentiles() -> None:
    """moto 5.2.1: GetMetricData with a percentile Stat (p50, p99, p99.9)
    is an HTTP 500.

    CloudWatchBackend.get_metric_data buckets the datapoints of a MetricStat
    query by Period and asks Statistics.get_statistics_for_type(Stat) for
    each bucket, which only knows Sum, Average, Minimum, Maximum and
    SampleCount and returns None for anything else; the None lands in the
    query's Values and serialising it raises TypeError (float(None)), so the
    whole GetMetricData call fails with HTTP 500, also for the other
    queries of the request.

    put-metric-data keeps every raw value: a Value is one MetricDatum, and
    Values/Counts become one MetricDatum per value, repeated Count times
    (StatisticValues become a MetricAggregatedDatum: min, max, sum and
    sample count only).  Added: a percentile Stat pNN or pNN.N (0 to 100) is
    computed per Period bucket (1-second periods included) from the raw
    values in the bucket, nearest rank (_percentile); a bucket with only
    StatisticValues has no percentile and, as on AWS, gives no datapoint
    instead of a None (moto would fail the same way for a Stat it does not
    know, which now simply has no datapoints).  The other statistics are
    computed by moto as before.
    """
    from moto.cloudwatch import models as cw_models

    statistics_class = cw_models.Statistics
    original_get_statistics_for_type = statistics_class.get_statistics_for_type
    original_get_metric_data = cw_models.CloudWatchBackend.get_metric_data

    def get_statistics_for_type(self: Any, stat: str) -> Any:
        match = _PERCENTILE_STAT.fullmatch(stat or "")
        if match is None or stat not in self.stats:
            return original_get_statistics_for_type(self, stat)
        percent = float(match.group(1))
        values = self.metric_single_values_list
        if percent > 100 or not values:
            return None
        return _percentile(values, percent)

    def get_metric_data(self: Any, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        results = original_get_metric_data(self, *args, **kwargs)
        for result in results:
            kept = [(t, v) for t, v in zip(result["timestamps"], result["values"]) if v is not None]
            result["timestamps"] = [t for t, _ in kept]
            result["values"] = [v for _, v in kept]
        return results

    statistics_class.get_statistics_for_type = get_statistics_for_type
    cw_models.CloudWatchBackend.get_metric_data = get_metric_data


def patch_metric_dimension_matching() -> None:
    """moto 5.2.1: a GetMetricData query finds a metric only when it lists
    the dimensions in an order moto happens to accept.

    get_metric_data matches a MetricStat's dimensions with
    `sorted(md.dimensions) == sorted(dimensions)`, but Dimension.__lt__ is
    `self.name < other.name and self.value < other.name`: it compares a
    value with a name, so it is no ordering at all and sorted() mostly
    leaves both lists as they were.  The load balancer's metrics, written
    with [TargetGroup, LoadBalancer] and queried with [LoadBalancer,
    TargetGroup] (values "targetgroup/..." and "app/..."), never match:
    the query returns no datapoints.  On AWS a metric's dimensions are a set
    of name/value pairs.  Fixed: Dimension orders by (name, value), so the
    same pairs in any order sort alike and the existing comparison is a set
    comparison.  are_dimensions_same (list-metrics' duplicate check), which
    required every dimension to equal every other one (so a metric with two
    dimensions was listed once per datapoint), compares the pairs as sets too.
    """
    from moto.cloudwatch import models as cw_models

    def key(dimension: Any) -> tuple[str, str]:
        return (dimension.name or "", dimension.value or "")

    def less_than(self: Any, other: Any) -> bool:
        return key(self) < key(other)

    def are_dimensions_same(metric_dimensions: list[Any], dimensions: list[Any]) -> bool:
        return sorted(map(key, metric_dimensions)) == sorted(map(key, dimensions))

    if not hasattr(cw_models, "are_dimensions_same"):
        raise AttributeError("moto.cloudwatch.models.are_dimensions_same moved")
    cw_models.Dimension.__lt__ = less_than
    cw_models.are_dimensions_same = are_dimensions_same


# --------------------------------------------------------------------------
# 8. ELBv2 attributes for Fn::GetAtt
# --------------------------------------------------------------------------

_TARGET_GROUP_ATTRIBUTES = ("LoadBalancerArns", "TargetGroupArn", "TargetGroupFullName", "TargetGroupName")


def patch_elbv2_cfn_attributes() -> None:
    """moto 5.2.1: Fn::GetAtt of a load balancer's LoadBalancerFullName, and
    of anything of an AWS::ElasticLoadBalancingV2::TargetGroup, fails.

    FakeLoadBalancer.get_cfn_attribute raises NotImplementedError for
    LoadBalancerFullName: moto logs a warning and leaves the unresolved
    {"Fn::GetAtt": ...} in the property (an alarm's LoadBalancer dimension
    is then a dict).  FakeTargetGroup has no get_cfn_attribute at all, so
    every Fn::GetAtt on a target group raises AttributeError (HTTP 500 or a
    failed stack operation).  Added, as AWS documents them:
    LoadBalancer.LoadBalancerFullName (app/NAME/ID, the part of the ARN
    after ":loadbalancer/", the LoadBalancer dimension of AWS/ApplicationELB
    metrics); TargetGroup.TargetGroupFullName (targetgroup/NAME/ID, the
    TargetGroup dimension), TargetGroupName, TargetGroupArn and
    LoadBalancerArns (the load balancers whose listeners forward to it).
    Any other target group attribute is a template error, as for the other
    types.
    """
    from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
    from moto.elbv2 import models as elbv2_models

    load_balancer_class = elbv2_models.FakeLoadBalancer
    target_group_class = elbv2_models.FakeTargetGroup
    original_load_balancer_attribute = load_balancer_class.get_cfn_attribute

    def load_balancer_attribute(self: Any, attribute_name: str) -> Any:
        if attribute_name == "LoadBalancerFullName":
            return self.arn.split(":loadbalancer/", 1)[1]
        return original_load_balancer_attribute(self, attribute_name)

    def has_target_group_attribute(cls: Any, attr: str) -> bool:
        return attr in _TARGET_GROUP_ATTRIBUTES

    def target_group_attribute(self: Any, attribute_name: str) -> Any:
        if attribute_name == "TargetGroupFullName":
            return self.arn.split(":", 5)[5]
        if attribute_name == "TargetGroupName":
            return self.name
        if attribute_name == "TargetGroupArn":
            return self.arn
        if attribute_name == "LoadBalancerArns":
            return list(dict.fromkeys(self.load_balancer_arns))
        raise UnformattedGetAttTemplateException()

    load_balancer_class.get_cfn_attribute = load_balancer_attribute
    target_group_class.has_cfn_attr = classmethod(has_target_group_attribute)
    target_group_class.get_cfn_attribute = target_group_attribute


# --------------------------------------------------------------------------
# 9. ECS services: deployments that finish
# --------------------------------------------------------------------------


def _ecs_running_setting() -> int | None:
    """MOTO_ECS_SERVICE_RUNNING as moto reads it, or None when it is not set."""
    value = os.environ.get("MOTO_ECS_SERVICE_RUNNING")
    if value is None:
        return None
    try:
        return max(int(value), 0)
    except ValueError:
        return 0


def patch_ecs_service_deployments() -> None:
    """moto 5.2.1: an ECS service never finishes a deployment.

    Service.__init__ takes runningCount from MOTO_ECS_SERVICE_RUNNING,
    0 by default, so a service has runningCount 0, pendingCount =
    desiredCount and one PRIMARY deployment IN_PROGRESS forever: anything
    that waits for "one deployment, running = desired" (`gen promote`,
    `aws ecs wait services-stable`) waits forever.  UpdateService (also
    what a CloudFormation update of the Service runs) then sets runningCount
    to the new desiredCount only when DesiredCount is passed, keeps the one
    deployment of the create (its id, its task definition, its counts) when
    the task definition changes, and stores the task definition as given
    (a family name from CloudFormation) instead of its ARN.

    Now, when MOTO_ECS_SERVICE_RUNNING is not set, every deployment
    completes at once: after CreateService and after every UpdateService the
    service runs desiredCount tasks, none pending, with exactly one PRIMARY
    deployment (rolloutState COMPLETED, counts equal to the service's).  An
    update that changes the task definition, or forceNewDeployment, starts a
    new deployment (new id, createdAt, the new task definition's ARN) that
    replaces the old one, as on AWS once the old tasks have drained.  When
    MOTO_ECS_SERVICE_RUNNING=N is set, it is still honoured: the service
    runs N tasks (pending = desired - N), and a new deployment that cannot
    reach desiredCount stays IN_PROGRESS beside the previous one (status
    ACTIVE), so "two deployments" can be tested too.  The cluster's
    running/pending task counts follow.
    """
    from moto.core.utils import utcnow
    from moto.ecs import models as ecs_models
    from moto.moto_api._internal import mock_random

    service_class = ecs_models.Service
    backend_class = ecs_models.EC2ContainerServiceBackend
    original_init = service_class.__init__
    original_update_service = backend_class.update_service

    def rollout(deployment: dict[str, Any], desired: int, running: int) -> None:
        complete = running >= desired
        deployment.update(
            desiredCount=desired,
            runningCount=running,
            pendingCount=max(desired - running, 0),
            rolloutState="COMPLETED" if complete else "IN_PROGRESS",
            rolloutStateReason=f"ECS deployment {deployment['id']} {'completed' if complete else 'in progress'}.",
            updatedAt=utcnow(),
        )

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        if _ecs_running_setting() is not None:
            return  # moto's behaviour, as documented by moto
        self.running_count = self.desired_count
        self.pending_count = 0
        for deployment in self.deployments:
            rollout(deployment, self.desired_count, self.running_count)

    def update_service(self: Any, service_properties: dict[str, Any]) -> Any:
        properties = dict(service_properties)
        service = self._get_service(properties.get("cluster", "default"), properties["service"].split("/")[-1])
        previous_task_definition = service.task_definition
        given_desired = properties.get("desired_count")
        force = bool(properties.get("force_new_deployment"))
        service = original_update_service(self, service_properties)
        cluster = self._get_cluster(service.cluster_arn)
        # moto has taken the service's tasks off the cluster and put back
        # the new desiredCount (only when given) as running.
        moto_running = int(given_desired) if given_desired is not None else 0
        service.desired_count = int(service.desired_count)
        if service.task_definition:
            service.task_definition = self.describe_task_definition(service.task_definition).arn
        desired = service.desired_count
        setting = _ecs_running_setting()
        running = desired if setting is None else setting
        service.running_count = running
        service.pending_count = max(desired - running, 0)
        self.update_cluster_resources(cluster, running - moto_running, task_state="RUNNING")
        self.update_cluster_resources(cluster, service.pending_count, task_state="PENDING")
        if service.deployment_controller.get("type", "ECS") != "ECS" or not service.deployments:
            return service
        primary = service.deployments[0]
        if force or service.task_definition != previous_task_definition:
            now = utcnow()
            new = dict(primary, id=f"ecs-svc/{mock_random.randint(0, 32**12)}", createdAt=now,
                       taskDefinition=service.task_definition, status="PRIMARY")
            rollout(new, desired, running)
            previous = [dict(d, status="ACTIVE") for d in service.deployments if d.get("status") in ("PRIMARY", "ACTIVE")]
            service.deployments = [new] if new["rolloutState"] == "COMPLETED" else [new] + previous
        else:
            rollout(primary, desired, running)
            if primary["rolloutState"] == "COMPLETED":
                service.deployments = [primary]
        return service

    service_class.__init__ = init
    backend_class.update_service = update_service


# --------------------------------------------------------------------------
# 10. CloudWatch alarms and dashboards in templates
# --------------------------------------------------------------------------


def _boolean(value: Any) -> Any:
    """A template boolean: true/false may come as strings (from parameters)."""
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def _number(value: Any, kind: type) -> Any:
    return None if value is None else kind(float(value)) if kind is int else kind(value)


def _metric_data_queries(metrics: list[dict[str, Any]]) -> list[Any]:
    """An alarm's Metrics (MetricDataQuery) as moto's PutMetricAlarm handler
    builds them, from the template's properties."""
    from moto.cloudwatch.models import Dimension, Metric, MetricDataQuery, MetricStat

    queries = []
    for metric in metrics:
        stat = metric.get("MetricStat") or {}
        metric_stat = None
        if (stat.get("Metric") or {}).get("MetricName"):
            described = stat["Metric"]
            metric_stat = MetricStat(
                metric=Metric(
                    metric_name=described["MetricName"],
                    namespace=described.get("Namespace"),
                    dimensions=[Dimension(d.get("Name"), d.get("Value")) for d in described.get("Dimensions") or []],
                ),
                period=_number(stat.get("Period"), int),
                stat=stat.get("Stat"),
                unit=stat.get("Unit"),
            )
        queries.append(
            MetricDataQuery(
                query_id=metric.get("Id"),
                label=metric.get("Label"),
                period=_number(metric.get("Period"), int),
                return_data=_boolean(metric.get("ReturnData")),
                expression=metric.get("Expression"),
                metric_stat=metric_stat,
            )
        )
    return queries


# Kept here so that CloudFormationModel.__subclasses__() (a weak list) keeps them.
_ADDED_RESOURCE_MODELS: list[type] = []


def patch_cloudwatch_cfn_resources() -> None:
    """moto 5.2.1: AWS::CloudWatch::Alarm cannot be created by CloudFormation.

    moto's Alarm is not a CloudFormationModel, so a template with an
    AWS::CloudWatch::Alarm gets "No Moto CloudFormation support" warnings:
    the resource is silently not created (the stack still completes),
    `!Ref TheAlarm` resolves to nothing, describe-alarms does not know the
    alarm and set-alarm-state answers ResourceNotFound.  Added: an
    AWS::CloudWatch::Alarm resource type backed by moto's PutMetricAlarm:
    single-metric alarms (MetricName, Namespace, Dimensions, Statistic or
    ExtendedStatistic, Period) and metric math alarms (Metrics: a list of
    MetricDataQuery with Id, Expression, Label, ReturnData, Period and
    MetricStat {Metric {Namespace, MetricName, Dimensions}, Period, Stat,
    Unit}; no MetricName), with the thresholds, actions, TreatMissingData
    and Tags.  As on AWS, exactly one of MetricName and Metrics is required
    with ComparisonOperator and EvaluationPeriods (else the resource fails
    with a ValidationError); the physical ID and Ref is the alarm name
    (AlarmName, else STACK-LOGICALID-RANDOM); Fn::GetAtt Arn is its ARN.  An
    update with the same AlarmName overwrites the configuration and keeps
    the alarm's state (PutMetricAlarm on AWS leaves the state unchanged); a
    new AlarmName replaces the alarm; delete-stack deletes it.  describe-
    alarms, set-alarm-state and delete-alarms then work on it as on an alarm
    made with PutMetricAlarm.

    AWS::CloudWatch::Dashboard is already supported by moto 5.2.1
    (create, update, delete; Ref is the DashboardName) and is left as it is.
    """
    from moto.cloudformation import parsing
    from moto.cloudformation.exceptions import UnformattedGetAttTemplateException, ValidationError
    from moto.cloudwatch import models as cw_models
    from moto.core.common_models import CloudFormationModel

    if "AWS::CloudWatch::Dashboard" not in parsing.get_model_map():
        raise AttributeError("moto no longer has AWS::CloudWatch::Dashboard in CloudFormation")
    if "AWS::CloudWatch::Alarm" in parsing.get_model_map():
        raise AttributeError("moto has its own AWS::CloudWatch::Alarm now; remove this patch")

    def backend(account_id: str, region_name: str) -> Any:
        return cw_models.cloudwatch_backends[account_id][region_name]

    def put_alarm(name: str, properties: dict[str, Any], account_id: str, region_name: str) -> Any:
        has_metric, has_metrics = bool(properties.get("MetricName")), bool(properties.get("Metrics"))
        missing = [p for p in ("ComparisonOperator", "EvaluationPeriods") if properties.get(p) in (None, "")]
        if missing:
            raise ValidationError(name, message=f"Alarm {name}: required properties missing: {', '.join(missing)}")
        if has_metric == has_metrics:
            raise ValidationError(name, message=f"Alarm {name}: exactly one of MetricName and Metrics is required")
        alarm = backend(account_id, region_name).put_metric_alarm(
            name=name,
            namespace=properties.get("Namespace"),
            metric_name=properties.get("MetricName"),
            metric_data_queries=_metric_data_queries(properties["Metrics"]) if has_metrics else None,
            comparison_operator=properties["ComparisonOperator"],
            evaluation_periods=_number(properties["EvaluationPeriods"], int),
            datapoints_to_alarm=_number(properties.get("DatapointsToAlarm"), int),
            period=_number(properties.get("Period"), int),
            threshold=_number(properties.get("Threshold"), float),
            statistic=properties.get("Statistic"),
            extended_statistic=properties.get("ExtendedStatistic"),
            description=properties.get("AlarmDescription"),
            dimensions=properties.get("Dimensions") or [],
            alarm_actions=properties.get("AlarmActions") or [],
            ok_actions=properties.get("OKActions") or [],
            insufficient_data_actions=properties.get("InsufficientDataActions") or [],
            unit=properties.get("Unit"),
            actions_enabled=_boolean(properties.get("ActionsEnabled", True)),
            treat_missing_data=properties.get("TreatMissingData"),
            evaluate_low_sample_count_percentile=properties.get("EvaluateLowSampleCountPercentile"),
            threshold_metric_id=properties.get("ThresholdMetricId"),
            tags=properties.get("Tags") or [],
        )
        alarm.__class__ = Alarm  # the same alarm, now also a stack resource
        return alarm

    class Alarm(CloudFormationModel, cw_models.Alarm):
        """AWS::CloudWatch::Alarm: moto's Alarm, made by a stack.  Named
        like moto's class: moto's serializer finds AlarmName, AlarmArn...
        as the attributes name, arn... by the class name."""

        # moto's model metaclass files every model under the service named
        # by the second part of its module.
        __module__ = "moto.cloudwatch.models"

        @staticmethod
        def cloudformation_name_type() -> str:
            return "AlarmName"

        @staticmethod
        def cloudformation_type() -> str:
            return "AWS::CloudWatch::Alarm"

        @property
        def physical_resource_id(self) -> str:
            return self.name

        @classmethod
        def has_cfn_attr(cls, attr: str) -> bool:
            return attr == "Arn"

        def get_cfn_attribute(self, attribute_name: str) -> Any:
            if attribute_name == "Arn":
                return self.alarm_arn
            raise UnformattedGetAttTemplateException()

        @classmethod
        def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str, **kwargs: Any) -> Any:  # type: ignore[override]
            return put_alarm(resource_name, cloudformation_json["Properties"], account_id, region_name)

        @classmethod
        def update_from_cloudformation_json(cls, original_resource: Any, new_resource_name: str, cloudformation_json: Any, account_id: str, region_name: str) -> Any:  # type: ignore[override]
            properties = cloudformation_json["Properties"]
            name = properties.get("AlarmName") or original_resource.name
            if name != original_resource.name:  # a new name replaces the alarm
                backend(account_id, region_name).delete_alarms([original_resource.name])
                return put_alarm(name, properties, account_id, region_name)
            alarm = put_alarm(name, properties, account_id, region_name)
            for field in ("state_value", "state_reason", "state_reason_data", "state_updated_timestamp", "history"):
                setattr(alarm, field, getattr(original_resource, field))
            return alarm

        @classmethod
        def delete_from_cloudformation_json(cls, resource_name: str, cloudformation_json: Any, account_id: str, region_name: str) -> None:  # type: ignore[override]
            backend(account_id, region_name).delete_alarms([resource_name])

    _ADDED_RESOURCE_MODELS.append(Alarm)
    parsing.get_model_list.cache_clear()
    parsing.get_model_map.cache_clear()
    parsing.get_name_type_map.cache_clear()


# --------------------------------------------------------------------------


def apply_patches() -> None:
    import moto

    if moto.__version__ != PATCHED_FOR_MOTO_VERSION:
        print(
            f"moto_server_patched: warning: patches were written for moto "
            f"{PATCHED_FOR_MOTO_VERSION}, running moto {moto.__version__}",
            file=sys.stderr,
        )
    patch_listener_forward_config()
    patch_execute_change_set()
    patch_update_change_set_diff()
    patch_condition_driven_updates()  # after patch_update_change_set_diff: extends its diff
    patch_ecs_task_definition_update()
    patch_delete_stack_resources()
    patch_template_url()
    patch_metric_data_percentiles()
    patch_metric_dimension_matching()
    patch_elbv2_cfn_attributes()
    patch_ecs_service_deployments()
    patch_cloudwatch_cfn_resources()
    patch_stack_resource_events()  # last: wraps the functions patched above


def _make_app() -> Any:
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    app = DomainDispatcherApplication(create_backend_app)
    lock = threading.Lock()

    def serialized_app(environ: Any, start_response: Any) -> Any:
        # moto's backends are not thread-safe; handle one request at a time.
        with lock:
            result = app(environ, start_response)
            try:
                return list(result)
            finally:
                if hasattr(result, "close"):
                    result.close()

    return serialized_app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1 (0 picks a free one)")
    args = parser.parse_args(argv)

    # An AWS_PROFILE naming a profile this machine lacks makes botocore raise
    # ProfileNotFound inside moto's request handling; moto needs no profile.
    os.environ.pop("AWS_PROFILE", None)
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(name)s: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request log

    apply_patches()

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", args.port, _make_app(), threaded=True)
    port = server.server_address[1]
    os.environ["MOTO_PORT"] = str(port)  # as moto.server.main does

    stop = threading.Event()

    def request_stop(signum: int, frame: Any) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)

    thread = threading.Thread(target=server.serve_forever, name="moto-server", daemon=True)
    thread.start()

    with socket.create_connection(("127.0.0.1", port), timeout=10):
        pass
    sys.stdout.write(f"READY http://127.0.0.1:{port}\n")
    sys.stdout.flush()

    while not stop.wait(0.5):
        if not thread.is_alive():
            print("moto_server_patched: server thread died", file=sys.stderr)
            return 1
    server.shutdown()
    thread.join(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
