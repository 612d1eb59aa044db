"""Every error a user can see, in one place.

Errors derive from click's exception so the CLI prints them cleanly. Source
errors carry a code (E1xx), the file, what is wrong and a hint; the build
reports them and goes on with the other sources.
"""
from __future__ import annotations

import click


class BriefingError(click.ClickException):
    """Base of all errors the generator raises on purpose."""


class ConfigError(BriefingError):
    """The project's configuration is missing or invalid."""


class SourceError(BriefingError):
    """One source cannot be used. The build skips it and goes on."""

    code = "E100"
    problem = "cannot be read"
    hint: str | None = None

    def __init__(self, path: str, detail: str | None = None, *, hint: str | None = None) -> None:
        self.path = path
        self.detail = detail
        if hint is not None:
            self.hint = hint
        message = f"{path}: {self.code} {self.problem}"
        if detail:
            message += f" ({detail})"
        if self.hint:
            message += f". Hint: {self.hint}"
        super().__init__(message)

    def __reduce__(self):
        # Source errors travel back from extraction worker processes.
        return (_rebuild_source_error, (type(self), self.path, self.detail, self.hint))


def _rebuild_source_error(cls: type[SourceError], path: str, detail: str | None, hint: str | None) -> SourceError:
    return cls(path, detail, hint=hint)


class UnreadableSource(SourceError):
    code = "E101"
    problem = "cannot be read"
    hint = "check that the file exists and that its permissions let you read it"


class EmptySource(SourceError):
    code = "E102"
    problem = "has no text"
    hint = "remove the file or fill it in"


class BinarySource(SourceError):
    code = "E103"
    problem = "is not a text document"
    hint = "sources are .txt, .md or saved .html pages; convert other files to text first"


class UndecodableSource(SourceError):
    code = "E104"
    problem = "is not valid text in UTF-8, UTF-16 or Latin-1"
    hint = "save the file as UTF-8"


class SourceTooLarge(SourceError):
    code = "E105"
    problem = "is too large"
    hint = "split it into articles, or raise `max_source_mb` in mkdocs.yml"


class FrontMatterError(SourceError):
    code = "E106"
    problem = "has invalid YAML front matter"
    hint = "front matter is plain YAML between two '---' lines: keys and strings, no tags"


class NoArticleText(SourceError):
    code = "E107"
    problem = "has no article text"
    hint = "save the article page itself, not a list, search or login page"


class NotEnglish(SourceError):
    code = "E108"
    problem = "is not in English"
    hint = "the language model reads English; translate the article or remove it"


class UnsupportedSource(SourceError):
    code = "E109"
    problem = "has an unsupported file type"
    hint = "sources are .txt, .text, .md, .markdown, .html or .htm files; convert it, or move it out of the sources folder"


class DuplicateSource(SourceError):
    code = "E110"
    problem = "repeats another source"
    hint = "remove one of the two copies"


class StrictWarning(SourceError):
    """A warning about a source, which `--strict` makes a failure; the warning's own hint is in the detail."""

    code = "E111"
    problem = "has a warning, an error under --strict"
    hint = None


class ExtractionFailed(SourceError):
    code = "E120"
    problem = "could not be analysed"
    hint = "this is a bug in the generator; please report it with the file attached"


class HandEditedFile(BriefingError):
    """A generated file was edited by hand; the build will not overwrite it."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        listed = ", ".join(paths)
        super().__init__(
            f"{listed}: edited by hand since the last build; not overwritten. "
            "Hint: put edits in content/briefings/SLUG.edits.yml (they survive every rebuild), "
            "or run `briefing build --force` to discard the hand edits."
        )


class BuildLocked(BriefingError):
    """Another build holds the project's lock."""


class OutputError(BriefingError):
    """The site or the generated Markdown could not be written; the old output is kept."""


class SiteBuildError(BriefingError):
    """MkDocs failed; the previous site is kept."""


class AddError(BriefingError):
    """`briefing add` could not add the file or URL."""
