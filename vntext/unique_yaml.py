"""YAML as the configuration files are read: safe, and a key written twice in one mapping is an
error. PyYAML keeps the last value silently, so a second `count:` in a target, or a second
`feeds:` in a source, replaced the first without a word."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode

_MERGE = "tag:yaml.org,2002:merge"


class _UniqueKeyLoader(yaml.SafeLoader):
    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        first: dict[Any, yaml.Mark] = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:  # `<<: *base`: keys given beside it override, by design
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                seen = first.setdefault(key, key_node.start_mark)
            except TypeError:  # unhashable: the base constructor says so
                continue
            if seen is not key_node.start_mark:
                raise ConstructorError(
                    "while constructing a mapping",
                    seen,
                    f"found duplicate key {key!r}",
                    key_node.start_mark,
                )
        return super().construct_mapping(node, deep=deep)


def safe_load_unique(text: str) -> Any:
    """`yaml.safe_load(text)`, refusing a mapping that holds a key twice.

    Raises:
        yaml.YAMLError: the text is not YAML, or a key is repeated (`found duplicate key 'id'`,
            at the repeat, with the first one as its context).
    """
    return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader)
