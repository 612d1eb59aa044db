"""`briefing add`: files and URLs into the sources folder (URLs from a local server started here)."""
from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import make_project

PAGE = (b"<html><head><title>Ruritania closes its border - Test Times</title></head>"
        b"<body><article><h1>Ruritania closes its border</h1>"
        b"<p>Ruritania closed its border with Freedonia on Monday, the interior ministry said.</p></article>"
        b"</body></html>")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/missing":
            self.send_error(404, "Not Found")
            return
        body = b"%PDF-1.4 not a page" if self.path == "/file.pdf" else PAGE
        self.send_response(200)
        self.send_header("Content-Type", "application/pdf" if self.path == "/file.pdf" else "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project", {})


def _add(project: Path, *args: str):
    return CliRunner().invoke(cli, ["add", *args, "--project", str(project)])


def test_add_copies_a_file_and_refuses_the_same_bytes_twice(project, tmp_path):
    article = tmp_path / "Border Story.txt"
    article.write_text("Border story\n\nRuritania closed its border.\n", encoding="utf-8")
    first = _add(project, str(article))
    assert (first.exit_code, first.output) == (0, "added content/sources/border-story.txt\n")
    again = _add(project, str(article))
    assert again.exit_code == 1
    assert again.output == ("Error: already a source: content/sources/border-story.txt has the same content; "
                            "nothing was added\n")


def test_add_refuses_a_file_that_is_not_a_source(project, tmp_path):
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG")
    result = _add(project, str(image))
    assert result.exit_code == 1
    assert result.output == f"Error: {image}: not a source file; sources end in .txt, .text, .md, .markdown, .html, .htm\n"


def test_add_fetches_a_url_and_records_where_it_came_from(project, server):
    result = _add(project, f"{server}/news/ruritania-border.html")
    assert (result.exit_code, result.output) == (0, "added content/sources/127-0-0-1-ruritania-border.html\n")
    saved = (project / "content" / "sources" / "127-0-0-1-ruritania-border.html").read_bytes()
    assert saved.startswith(b"<html><head><link rel=\"canonical\" href=\"" + server.encode() +
                            b"/news/ruritania-border.html\">")


@pytest.mark.parametrize("path, message", [
    ("/missing", "the server answered 404 Not Found"),
    ("/file.pdf", "the server sent application/pdf, not a web page or text"),
])
def test_add_url_errors_name_the_url(project, server, path, message):
    result = _add(project, f"{server}{path}")
    assert result.exit_code == 1
    assert result.output == f"Error: {server}{path}: {message}\n"
    assert list((project / "content" / "sources").iterdir()) == []


def test_add_url_times_out(project, server):
    result = _add(project, f"{server}/slow", "--timeout", "0.5")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {server}/slow: could not fetch the page (")
    assert result.output.endswith("); nothing was added\n")


def test_add_refuses_other_schemes(project):
    result = _add(project, "file:///etc/passwd")
    assert (result.exit_code, result.output) == (
        1, "Error: file:///etc/passwd: only http:// and https:// addresses can be fetched\n")
