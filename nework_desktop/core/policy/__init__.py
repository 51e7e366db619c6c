"""The NeWork application privacy policy as data (:mod:`.model`) and its loader (:mod:`.loader`)."""

from nework_desktop.core.policy import model as _model
from nework_desktop.core.policy.loader import SCHEMA_VERSION, load_policy
from nework_desktop.core.policy.model import *  # noqa: F403  (the model's public names)

__all__ = ["SCHEMA_VERSION", "load_policy"]
__all__ += _model.__all__
