#!/usr/bin/env python3
"""Independent check of rendered templates: two YAML readers and JSON agree.

For every case-NNNNN.yaml in DIRECTORY (written by `swift run template-corpus`),
read it with

- PyYAML's pure-Python SafeLoader (YAML 1.1; what awscli and cfn-lint read), and
- ruamel.yaml's pure-Python safe loader (`YAML(typ='safe', pure=True)`, YAML 1.2),

each with a constructor for CloudFormation's short-form tags that builds the long
form as awscli's yamlhelper and cfn-lint do: `!Ref X` is {"Ref": "X"},
`!Condition X` is {"Condition": "X"}, `!GetAtt A.B.C` is {"Fn::GetAtt": ["A", "B.C"]}
(split at the first dot; a list stays a list), any other `!Name v` is
{"Fn::Name": v}. Read case-NNNNN.json with `json`. A repeated key is an error in
all three readers, and so are JSON's NaN and Infinity. Then compare each YAML
reading with the JSON one strictly: types must match (True is not 1, 1 is not
1.0, "1" is not 1, -0.0 is not 0.0); key order does not matter.

Usage: template_crosscheck.py DIRECTORY
Prints each failing case with its file and the first differing path, then
"N passed, M failed"; exits 1 when anything failed, 2 on a usage error.
"""
import json
import math
import pathlib
import sys

import yaml
from ruamel.yaml import YAML
from ruamel.yaml import nodes as ruamel_nodes
from ruamel.yaml.constructor import SafeConstructor as RuamelSafeConstructor


def long_form(suffix, node, constructor, scalar_node_type, sequence_node_type):
    """The long form of `!suffix node`, as awscli's yamlhelper builds it."""
    key = suffix if suffix in ("Ref", "Condition") else "Fn::" + suffix
    if suffix == "GetAtt" and isinstance(node, scalar_node_type):
        value = node.value.split(".", 1)
    elif isinstance(node, scalar_node_type):
        value = constructor.construct_scalar(node)
    elif isinstance(node, sequence_node_type):
        value = constructor.construct_sequence(node, deep=True)
    else:
        value = constructor.construct_mapping(node, deep=True)
    return {key: value}


class PyYAMLLoader(yaml.SafeLoader):
    """PyYAML's pure-Python SafeLoader, with the short-form tags and no repeated keys."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    identity = (type(key), key)
                    repeated = identity in seen
                except TypeError:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"found an unhashable key {key!r}", key_node.start_mark
                    ) from None
                if repeated:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        f"found duplicate key {key!r}",
                        key_node.start_mark,
                    )
                seen.add(identity)
        return super().construct_mapping(node, deep=deep)


PyYAMLLoader.add_multi_constructor(
    "!", lambda loader, suffix, node: long_form(suffix, node, loader, yaml.ScalarNode, yaml.SequenceNode)
)


class RuamelConstructor(RuamelSafeConstructor):
    """ruamel.yaml's safe constructor (which refuses repeated keys), with the short-form tags."""


RuamelConstructor.add_multi_constructor(
    "!",
    lambda constructor, suffix, node: long_form(
        suffix, node, constructor, ruamel_nodes.ScalarNode, ruamel_nodes.SequenceNode
    ),
)


def ruamel_loader():
    loader = YAML(typ="safe", pure=True)
    loader.Constructor = RuamelConstructor
    return loader


def json_object(pairs):
    result = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {ascii(key)}")
        result[key] = value
    return result


def json_constant(name):
    raise ValueError(f"{name} is not JSON")


def describe(value):
    text = ascii(value)
    if len(text) > 200:
        text = text[:200] + "..."
    return f"{type(value).__name__} {text}"


def first_difference(left, right, path="$"):
    """None when equal, else the path of the first difference and what differs."""
    if type(left) is not type(right):
        return f"{path}: {describe(left)} != {describe(right)}"
    if isinstance(left, dict):
        only_left = [key for key in left if key not in right]
        only_right = [key for key in right if key not in left]
        if only_left or only_right:
            return f"{path}: keys only in YAML {ascii(only_left)}, only in JSON {ascii(only_right)}"
        for key in left:
            difference = first_difference(left[key], right[key], f"{path}[{ascii(key)}]")
            if difference:
                return difference
        return None
    if isinstance(left, list):
        if len(left) != len(right):
            return f"{path}: {len(left)} items != {len(right)} items"
        for index, (a, b) in enumerate(zip(left, right)):
            difference = first_difference(a, b, f"{path}[{index}]")
            if difference:
                return difference
        return None
    if isinstance(left, float):
        if math.isnan(left) and math.isnan(right):
            return None
        if left == right and math.copysign(1, left) == math.copysign(1, right):
            return None
        return f"{path}: {describe(left)} != {describe(right)}"
    return None if left == right else f"{path}: {describe(left)} != {describe(right)}"


def first_line(error):
    return " ".join(str(error).split())[:300]


def problems_of(case, ruamel):
    """What is wrong with one case: a list of sentences, empty when it passes."""
    json_path = case.with_suffix(".json")
    if not json_path.exists():
        return [f"{json_path.name} is missing"]
    try:
        expected = json.loads(
            json_path.read_bytes().decode("utf-8"), object_pairs_hook=json_object, parse_constant=json_constant
        )
    except ValueError as error:
        return [f"json could not read {json_path.name}: {first_line(error)}"]
    text = case.read_bytes().decode("utf-8")
    problems = []
    readers = [
        ("PyYAML (YAML 1.1)", lambda: yaml.load(text, Loader=PyYAMLLoader)),
        ("ruamel.yaml (YAML 1.2)", lambda: ruamel.load(text)),
    ]
    for name, read in readers:
        try:
            loaded = read()
        except Exception as error:  # noqa: BLE001 - any failure to read is a failed case
            problems.append(f"{name} could not read it: {first_line(error)}")
            continue
        difference = first_difference(loaded, expected)
        if difference:
            problems.append(f"{name} and JSON differ at {difference}")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = pathlib.Path(sys.argv[1])
    cases = sorted(directory.glob("case-*.yaml"))
    if not cases:
        print(f"no case-*.yaml files in {directory}", file=sys.stderr)
        return 2
    ruamel = ruamel_loader()
    passed = failed = 0
    for case in cases:
        problems = problems_of(case, ruamel)
        if problems:
            failed += 1
            for problem in problems:
                print(f"FAIL {case.name}: {problem}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
