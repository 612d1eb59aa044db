"""The `briefing` MkDocs plugin: where the generator's settings live in mkdocs.yml.

It does no work during `mkdocs build`; `briefing build` reads its config
(generator/config.py::BriefingConfig) and runs the pipeline around MkDocs.
"""
from mkdocs.plugins import BasePlugin

from generator.config import BriefingConfig


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Declares the generator's typed settings; see BriefingConfig for each option."""
