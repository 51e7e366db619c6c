"""The NeWork application privacy policy as data (:mod:`.model`) and its loader (:mod:`.loader`)."""

from nework_desktop.core.policy.loader import SCHEMA_VERSION, load_policy
from nework_desktop.core.policy.model import (
    CollectionMethod,
    Link,
    LocalizedText,
    Module,
    Plan,
    Platform,
    Policy,
    PolicyError,
    PolicyItem,
    Purpose,
    Revision,
    TextLocale,
)

__all__ = [
    "SCHEMA_VERSION",
    "CollectionMethod",
    "Link",
    "LocalizedText",
    "Module",
    "Plan",
    "Platform",
    "Policy",
    "PolicyError",
    "PolicyItem",
    "Purpose",
    "Revision",
    "TextLocale",
    "load_policy",
]
