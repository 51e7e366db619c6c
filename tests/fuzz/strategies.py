"""What the fuzz tests feed the readers and parsers: garbage, JSON of every shape, mutations.

Every test runs :data:`FUZZ` (2,000 cases, derandomized: the same cases on every run and
machine, no example database).  ``python -m pytest tests/fuzz`` runs them alone.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

CASES = 2000

FUZZ = settings(
    max_examples=CASES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=16)
    | st.sampled_from(
        ["", "ja", "en", "accepted", "withdrawn", "²", "https://nework.app", "0" * 64]
    )
)

#: Any JSON value, nested a little.
json_values = st.recursive(
    _scalars,
    lambda children: (
        st.lists(children, max_size=6) | st.dictionaries(st.text(max_size=12), children, max_size=6)
    ),
    max_leaves=10,
)


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


#: Bytes a hostile or broken file may hold.
hostile_bytes = st.one_of(
    st.binary(max_size=300),
    json_values.map(lambda v: json.dumps(v).encode("utf-8")),
    st.integers(min_value=60, max_value=200_000).map(nested),
    st.sampled_from([b"", b"\xef\xbb\xbf{}", b'{"a": NaN}', b'{"a": 1, "a": 2}', b"\xff\xfe"]),
)


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> Any:
    """``document`` (a JSON object) with a few values replaced by anything, at any depth."""
    doc = json.loads(json.dumps(document))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        node = doc
        while True:
            if isinstance(node, dict) and node:
                key = draw(st.sampled_from(sorted(node)))
                if draw(st.booleans()) or not isinstance(node[key], dict | list) or not node[key]:
                    node[key] = draw(json_values)
                    break
                node = node[key]
            elif isinstance(node, list) and node:
                i = draw(st.integers(min_value=0, max_value=len(node) - 1))
                if draw(st.booleans()) or not isinstance(node[i], dict | list) or not node[i]:
                    node[i] = draw(json_values)
                    break
                node = node[i]
            else:
                break
    return doc
