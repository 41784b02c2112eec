#!/usr/bin/env python3
"""Independent check of the YAML emitter: ruamel.yaml reads what we wrote.

pyyaml_crosscheck.py's check (same cases, same strict comparison: types, values
and key order), with ruamel.yaml's pure-Python safe loader instead of PyYAML's:
a YAML 1.2 reader whose resolver also takes `+0o17`, `0o1_7`, `1_0e3` or `081_`
for numbers, where PyYAML reads strings. Every local `!` tag is read as
{"!Tag": value}, as there.

Usage: ruamel_crosscheck.py DIRECTORY
Prints "N passed, M failed" and exits non-zero when anything failed.
"""
import sys

from ruamel.yaml import YAML, MappingNode, ScalarNode
from ruamel.yaml.constructor import SafeConstructor

from pyyaml_crosscheck import check


class TaggedConstructor(SafeConstructor):
    """SafeConstructor that turns `!Tag value` into {"!Tag": value}."""


def construct_tagged(constructor, suffix, node):
    if isinstance(node, ScalarNode):
        value = constructor.construct_scalar(node)
    elif isinstance(node, MappingNode):
        value = constructor.construct_mapping(node, deep=True)
    else:
        value = constructor.construct_sequence(node, deep=True)
    return {"!" + suffix: value}


TaggedConstructor.add_multi_constructor("!", construct_tagged)


def main():
    reader = YAML(typ="safe", pure=True)
    reader.Constructor = TaggedConstructor
    return check("ruamel.yaml", reader.load, __doc__)


if __name__ == "__main__":
    sys.exit(main())
