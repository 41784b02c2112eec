#!/usr/bin/env python3
"""Independent check of the YAML emitter: PyYAML reads what we wrote.

For every case-NNNNN.yaml in DIRECTORY, load it with PyYAML's pure-Python
SafeLoader (a YAML 1.1 reader that does not share libyaml with us; it is what
awscli and cfn-lint build on), with a constructor that accepts every local `!`
tag as {"!Tag": value}, and compare the result with case-NNNNN.json: the data
the generating tree meant, written by our JSON writer. Types are compared
strictly (True is not 1, 1 is not 1.0) and key order must match.

Usage: pyyaml_crosscheck.py DIRECTORY
Prints "N passed, M failed" and exits non-zero when anything failed.
"""
import json
import math
import pathlib
import sys

import yaml


class TaggedLoader(yaml.SafeLoader):
    """SafeLoader that turns `!Tag value` into {"!Tag": value}."""


def construct_tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {"!" + suffix: value}


TaggedLoader.add_multi_constructor("!", construct_tagged)


def same(left, right, path="$"):
    """Return None when equal, else a description of the first difference."""
    if type(left) is not type(right):
        return f"{path}: {type(left).__name__} {left!r} != {type(right).__name__} {right!r}"
    if isinstance(left, dict):
        if list(left.keys()) != list(right.keys()):
            return f"{path}: keys {list(left.keys())!r} != {list(right.keys())!r}"
        for key in left:
            problem = same(left[key], right[key], f"{path}[{key!r}]")
            if problem:
                return problem
        return None
    if isinstance(left, list):
        if len(left) != len(right):
            return f"{path}: length {len(left)} != {len(right)}"
        for index, (a, b) in enumerate(zip(left, right)):
            problem = same(a, b, f"{path}[{index}]")
            if problem:
                return problem
        return None
    if isinstance(left, float):
        if left == right or (math.isnan(left) and math.isnan(right)):
            return None
        return f"{path}: {left!r} != {right!r}"
    return None if left == right else f"{path}: {left!r} != {right!r}"


def check(reader, load, usage):
    """Loads every case of the directory named on the command line with `load`
    (a binary file -> data) and compares it with its JSON; prints the first
    failures and "READER: N passed, M failed". Returns the exit status; prints
    `usage` when the arguments are wrong."""
    if len(sys.argv) != 2:
        print(usage, file=sys.stderr)
        return 2
    directory = pathlib.Path(sys.argv[1])
    cases = sorted(directory.glob("case-*.yaml"))
    if not cases:
        print(f"no case-*.yaml files in {directory}", file=sys.stderr)
        return 2
    passed = failed = 0
    for case in cases:
        expected = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
        try:
            with case.open("rb") as handle:
                loaded = load(handle)
        except Exception as error:  # noqa: BLE001 - any failure to read is a failed case
            problem = f"{reader} could not read it: {error}"
        else:
            problem = same(loaded, expected)
        if problem:
            failed += 1
            if failed <= 20:
                print(f"FAIL {case.name}: {problem}")
        else:
            passed += 1
    print(f"{reader}: {passed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    return check("pyyaml", lambda handle: yaml.load(handle, Loader=TaggedLoader), __doc__)


if __name__ == "__main__":
    sys.exit(main())
