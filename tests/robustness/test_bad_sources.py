"""Broken sources: each gets one line naming the file and the problem; the others are still built.

One project holds every bad input next to a good article and is built once by
the real `briefing build` (module fixture); the tests read what the user saw.
The exact lines are also the table in docs/bad-input.md.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import build
from tests.robustness.helpers import SEED, SEED_BODY, child_env, make_project, run_build

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("bad-sources")]

MARKER = "python-tag-ran"
LATIN1_TEXT = (
    "Talks in Zürich\n\n"
    "The foreign ministers met at a café in Zürich on Tuesday to discuss the border crisis. Officials said the "
    "talks were productive and that a further round would follow next week.\n\n"
    "The ministers agreed to keep the ceasefire in place while the negotiators draft a common statement on the "
    "disputed region, a diplomat said.\n"
)
UTF16_TEXT = (
    "Ceasefire holds near Genève\n\n"
    "Negotiators in Genève said on Wednesday that the ceasefire was holding along most of the front line. "
    "Both governments accused each other of minor violations overnight.\n\n"
    "The mediators plan to meet the two delegations separately before the weekend, according to a statement "
    "released by the host government.\n"
)
BROKEN_UTF8 = (
    "Aid convoy reaches Tórshavn\n\n"
    "The first aid convoy reached the port on Thursday after a delay of three days, the Red Cross said. "
    "Volunteers unloaded food and medicine through the night.\n\n"
    "Officials said a second convoy would leave next week if the roads stay open.\n"
).encode("utf-8").replace(b"three", b"th\xffree").replace(b"second", b"sec\xfeond")
FRENCH = "Réforme des retraites\n\n" + (
    "Le président de la République a annoncé mardi une nouvelle réforme des retraites qui suscite une vive "
    "opposition des syndicats. Les manifestations se multiplient dans toutes les grandes villes du pays, et le "
    "gouvernement affirme qu'il ne reculera pas. ") * 3
NO_ARTICLE = ("<!doctype html><html><head><title>Search results</title></head><body><nav><a href='/'>Home</a> "
              "<a href='/world'>World</a> <a href='/login'>Log in</a></nav></body></html>")
HUGE_BYTES = 50_000_000


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "An article inside a zip file.")
    return buffer.getvalue()


def bad_sources(marker: Path) -> dict[str, str | bytes]:
    return {
        "a-original.txt": SEED.read_bytes(),
        "b-copy.txt": SEED.read_bytes(),
        "empty.txt": b"",
        "whitespace.txt": b"  \n\t\r\n   \n",
        "report-pdf.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "photo-png.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "archive-zip.txt": _zip_bytes(),
        "broken-utf8.txt": BROKEN_UTF8,
        "latin1.txt": LATIN1_TEXT.encode("latin-1"),
        "utf16-bom.txt": UTF16_TEXT.encode("utf-16"),  # Python writes the byte-order mark first
        "bad-yaml.md": "---\ntitle: [an unclosed list\npublisher: Example\n---\n\nSome text.\n",
        "python-tag.md": f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n\n{SEED_BODY}\n",
        "no-article.html": NO_ARTICLE,
        "french.txt": FRENCH,
        "report.pdf": b"%PDF-1.7\n",
    }


EXPECTED_ERRORS = [
    "error: content/sources/archive-zip.txt: E103 is not a text document (it looks like a zip archive (or a "
    "Word/Excel file)). Hint: sources are .txt, .md or saved .html pages; convert other files to text first",
    "error: content/sources/bad-yaml.md: E106 has invalid YAML front matter (line 3: expected ',' or ']', but "
    "got ':'). Hint: front matter is plain YAML between two '---' lines: keys and strings, no tags",
    "error: content/sources/empty.txt: E102 has no text (the file is empty). Hint: remove the file or fill it in",
    "error: content/sources/french.txt: E108 is not in English (it reads as language 'fr'). Hint: the language "
    "model reads English; translate the article or remove it",
    "error: content/sources/gone.txt: E101 cannot be read (No such file or directory). Hint: check that the file "
    "exists and that its permissions let you read it",
    # huge.txt: E105, checked on its own below (its wording needs a fix in ingest/__init__.py)
    "error: content/sources/no-article.html: E107 has no article text (only 0 characters of text). Hint: save the "
    "article page itself, not a list, search or login page",
    "error: content/sources/photo-png.html: E103 is not a text document (it looks like a PNG image). Hint: sources "
    "are .txt, .md or saved .html pages; convert other files to text first",
    "error: content/sources/python-tag.md: E106 has invalid YAML front matter (line 2: could not determine a "
    "constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'). Hint: front matter is plain "
    "YAML between two '---' lines: keys and strings, no tags",
    "error: content/sources/report-pdf.txt: E103 is not a text document (it looks like a PDF document). Hint: "
    "sources are .txt, .md or saved .html pages; convert other files to text first",
    "error: content/sources/whitespace.txt: E102 has no text (only whitespace). Hint: remove the file or fill it in",
    "error: content/sources/report.pdf: E109 has an unsupported file type ('.pdf'). Hint: sources are .txt, .text, "
    ".md, .markdown, .html or .htm files; convert it, or move it out of the sources folder",
]
EXPECTED_WARNINGS = [
    "warning: content/sources/b-copy.txt: E110 repeats another source (same text as content/sources/a-original.txt; "
    "only that one is used). Hint: remove one of the two copies",
    "warning: content/sources/broken-utf8.txt: not valid UTF-8 in 2 place(s), shown as \ufffd. Hint: save the "
    "file as UTF-8",
    "warning: content/sources/latin1.txt: not UTF-8; read as Windows-1252 (Latin-1). Hint: save the file as UTF-8",
]


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    marker = folder / MARKER
    project = make_project(folder / "project", bad_sources(marker))
    text = SEED.read_bytes() + b"\n\n"
    (project / "content" / "sources" / "huge.txt").write_bytes(text * (HUGE_BYTES // len(text) + 1))
    (project / "content" / "sources" / "gone.txt").symlink_to(folder / "moved-away.txt")
    started = time.monotonic()
    run = run_build(project)
    return project, run, time.monotonic() - started, marker


def source_lines(run, name: str) -> list[str]:
    return [line for line in run.lines if f"content/sources/{name}:" in line]


def test_every_bad_source_gets_its_exact_error_line(bad_project):
    _, run, _, _ = bad_project
    errors = [line for line in run.lines if line.startswith("error:") and "huge.txt" not in line]
    assert errors == EXPECTED_ERRORS


def test_recoverable_problems_are_warnings_with_a_result(bad_project):
    _, run, _, _ = bad_project
    assert [line for line in run.lines if line.startswith("warning:")] == EXPECTED_WARNINGS


def test_nothing_but_the_error_and_warning_lines_on_stderr(bad_project):
    _, run, _, _ = bad_project
    others = [line for line in run.lines if not line.startswith(("error: ", "warning: "))]
    assert others == []


def test_exit_code_and_summary_say_that_sources_failed(bad_project):
    _, run, _, _ = bad_project
    assert run.code == 1
    assert re.fullmatch(r"17 sources read: 5 extracted, 0 cached, 12 failed; \d+ briefings, \d+ pages written; "
                        r"[\d.]+ s\n", run.stdout), run.stdout


def test_each_bad_file_is_named_on_exactly_one_line(bad_project):
    _, run, _, _ = bad_project
    for name in ("archive-zip.txt", "bad-yaml.md", "empty.txt", "french.txt", "huge.txt", "no-article.html",
                 "photo-png.html", "python-tag.md", "report-pdf.txt", "whitespace.txt", "b-copy.txt",
                 "broken-utf8.txt", "latin1.txt"):
        assert len(source_lines(run, name)) == 1, (name, source_lines(run, name))
    assert source_lines(run, "a-original.txt") == [], "the first copy of a duplicate is not a problem"
    assert source_lines(run, "utf16-bom.txt") == [], "UTF-16 with a byte-order mark is plain good text"


def test_the_good_sources_are_still_built(bad_project):
    project, _, _, _ = bad_project
    documents = project / "site" / "documents"
    built = sorted(path.name for path in documents.iterdir() if path.is_dir())
    assert built == ["a-original", "broken-utf8", "latin1", "utf16-bom"]


@pytest.mark.parametrize(("page", "expected"), [
    ("latin1", "The foreign ministers met at a café in Zürich on Tuesday"),
    ("utf16-bom", "Negotiators in Genève said on Wednesday"),
    ("broken-utf8", "after a delay of th\ufffdree days"),
])
def test_other_encodings_are_decoded_right(bad_project, page, expected):
    project, _, _, _ = bad_project
    html = (project / "site" / "documents" / page / "index.html").read_text(encoding="utf-8")
    text = " ".join(BeautifulSoup(html, "html.parser").select_one("article").get_text(" ").split())
    assert expected in text


def test_front_matter_tags_are_never_run(bad_project):
    _, _, _, marker = bad_project
    assert not marker.exists(), "a !!python tag in front matter ran a command"


def test_a_50_mb_source_is_refused_by_size_without_reading_it(bad_project):
    _, run, seconds, _ = bad_project
    [line] = source_lines(run, "huge.txt")
    assert line.startswith("error: content/sources/huge.txt: E105 is too large (")
    assert "max_source_mb" in line
    assert seconds < 120


def test_a_50_mb_source_message_states_the_limit_as_configured(bad_project):
    _, run, _, _ = bad_project
    assert source_lines(run, "huge.txt") == [
        "error: content/sources/huge.txt: E105 is too large (47.7 MB; the limit is 20 MB, set by max_source_mb). "
        "Hint: split it into articles, or raise `max_source_mb` in mkdocs.yml"]


# --- one at a time -----------------------------------------------------------------


@pytest.fixture(scope="module")
def warned_project(tmp_path_factory):
    """The sample article and a Latin-1 source: a warning, no error."""
    project = make_project(tmp_path_factory.mktemp("warned") / "project",
                           {SEED.name: SEED.read_bytes(), "latin1.txt": LATIN1_TEXT.encode("latin-1")})
    return project, run_build(project), run_build(project, "--strict")


def test_a_warning_alone_exits_0(warned_project):
    _, plain, _ = warned_project
    assert plain.code == 0
    assert plain.lines == [EXPECTED_WARNINGS[-1]]


def test_strict_turns_the_warning_into_a_failure(warned_project):
    _, _, strict = warned_project
    assert strict.code == 1
    assert strict.stdout.startswith("2 sources read: 0 extracted, 2 cached, 1 failed;") or \
        strict.stdout.startswith("2 sources read: 0 extracted, 1 cached, 1 failed;"), strict.stdout
    errors = [line for line in strict.lines if line.startswith("error: content/sources/latin1.txt: ")]
    assert len(errors) == 1 and "not UTF-8; read as Windows-1252 (Latin-1)" in errors[0]


def test_strict_says_it_once_and_does_not_publish_the_source(warned_project):
    project, _, strict = warned_project
    assert strict.lines == [
        "error: content/sources/latin1.txt: E111 has a warning, an error under --strict (not UTF-8; read as "
        "Windows-1252 (Latin-1). Hint: save the file as UTF-8)"]
    assert not (project / "content" / "documents" / "latin1.md").exists()


def test_a_source_deleted_mid_build_is_reported_and_the_rest_built(tmp_path, monkeypatch):
    """The file is listed, then deleted before it is read (as a sync tool or an editor might)."""
    import generator.build as build_module

    project = make_project(tmp_path / "project", {SEED.name: SEED.read_bytes(),
                                                  "vanishing.txt": LATIN1_TEXT.encode("utf-8")})
    listed = build_module.list_sources

    def list_then_delete(project_):
        paths = listed(project_)
        (project / "content" / "sources" / "vanishing.txt").unlink()
        return paths

    monkeypatch.setattr(build_module, "list_sources", list_then_delete)
    result = build(project, workers=1)
    assert result.messages == [
        "error: content/sources/vanishing.txt: E101 cannot be read (No such file or directory). Hint: check that the "
        "file exists and that its permissions let you read it"]
    assert [o.status for o in result.outcomes] == ["extracted", "failed"]
    assert (project / "site" / "documents" / SEED.stem / "index.html").is_file()


@pytest.fixture
def unprivileged_project():
    """A project owned by `nobody`, outside root's private pytest folder, for builds run as that user."""
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        pytest.skip("needs root and setpriv to run a build as an unprivileged user")
    folder = Path(tempfile.mkdtemp(prefix="briefing-robust-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def chown_tree(folder: Path, uid: int = 65534) -> None:
    for path in [folder, *folder.rglob("*")]:
        os.lchown(path, uid, uid)


def test_an_unreadable_source_is_reported_and_the_rest_built(unprivileged_project):
    """chmod 000 stops a normal user (root reads anything, so the build runs as `nobody`)."""
    project = make_project(unprivileged_project / "project", {SEED.name: SEED.read_bytes(),
                                                              "secret.txt": LATIN1_TEXT.encode("utf-8")})
    chown_tree(unprivileged_project)
    (project / "content" / "sources" / "secret.txt").chmod(0)
    run = run_build(project, user="65534", env=child_env(HOME=str(project)))
    assert run.code == 1
    assert run.lines == [
        "error: content/sources/secret.txt: E101 cannot be read (Permission denied). Hint: check that the file "
        "exists and that its permissions let you read it"]
    assert (project / "site" / "documents" / SEED.stem / "index.html").is_file()
