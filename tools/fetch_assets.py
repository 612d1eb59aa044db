"""Fetch the pinned browser scripts listed in assets.lock.json.

Each asset is an npm package tarball checked against its sha512 integrity before
one member is unpacked. An asset already in place with the same integrity
recorded beside it is left alone, so repeated installs cost nothing.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_SECONDS = 120


def fetch(asset: dict) -> None:
    dest = ROOT / asset["dest"]
    stamp = dest.with_name(dest.name + ".integrity")
    if dest.exists() and stamp.exists() and stamp.read_text() == asset["integrity"]:
        return
    with urllib.request.urlopen(asset["url"], timeout=TIMEOUT_SECONDS) as response:
        tarball = response.read()
    algorithm, _, expected = asset["integrity"].partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        sys.exit(f"{asset['name']}: integrity mismatch for {asset['url']}\n"
                 f"  expected {expected}\n  got      {actual}")
    with tarfile.open(fileobj=io.BytesIO(tarball)) as archive:
        member = archive.extractfile(asset["member"])
        if member is None:
            sys.exit(f"{asset['name']}: {asset['member']} is not in {asset['url']}")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(member.read())
    stamp.write_text(asset["integrity"])
    print(f"fetched {asset['name']} -> {asset['dest']}")


def main() -> None:
    lock = json.loads((ROOT / "assets.lock.json").read_text())
    for asset in lock["assets"]:
        fetch(asset)


if __name__ == "__main__":
    main()
