#!/usr/bin/python3
"""Builds the sample-data text corpus from the git manual pages installed on this machine.

Source: the troff manual pages of the Debian package ``git-man`` (every
``/usr/share/man/man*/*.gz`` file listed by ``dpkg -L git-man``). Each page is
rendered to plain text with ``groff -man -Tutf8 -P-cbou`` (no overstrike, no
colour, no bold/underline), then cleaned:

* the running header/footer lines ("GIT-ADD(1)  Git Manual  GIT-ADD(1)") are dropped;
* indentation is removed and hard-wrapped lines are re-joined into paragraphs;
* typographic characters are mapped to ASCII (curly quotes, dashes, bullets, ...),
  any remaining non-ASCII character is dropped, so every byte is < 128.

Pages are sorted by file name; every 10th page (index % 10 == 9) is held out for
evaluation and never used for training. Writes OUT/train.txt, OUT/heldout.txt and
OUT/corpus.json (page lists, sizes, package version).
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys

ASCII_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "--",
    "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2022": "*", "\u00b7": "*", "\u2026": "...",
    "\u00a0": " ", "\u00a9": "(c)", "\u2192": "->", "\u21d2": "=>", "\u00d7": "x", "\u27e8": "<",
    "\u27e9": ">", "\u2500": "-", "\u00b4": "'", "\u2032": "'",
}
HEADER = re.compile(r"^\s*[A-Z0-9][A-Z0-9._-]*\(\d\w*\)\s+.*\s+[A-Z0-9][A-Z0-9._-]*\(\d\w*\)\s*$")
FOOTER = re.compile(r"^\s*Git [0-9.]+\s+.*\s+[A-Z0-9][A-Z0-9._-]*\(\d\w*\)\s*$")


def man_pages(package):
    listing = subprocess.run(["dpkg", "-L", package], check=True, capture_output=True, text=True).stdout
    pages = sorted(p for p in listing.split("\n") if re.match(r"^/usr/share/man/man\d/.*\.gz$", p) and os.path.isfile(p))
    if not pages:
        sys.exit(f"prepare_data: package {package} has no man pages installed (apt-get install {package})")
    return pages


def render(path):
    with gzip.open(path, "rb") as f:
        source = f.read()
    out = subprocess.run(["groff", "-man", "-Tutf8", "-P-cbou"], input=source, capture_output=True, check=True,
                         env=dict(os.environ, MANWIDTH="80")).stdout
    return out.decode("utf-8", errors="replace")


def clean(text):
    text = "".join(ASCII_MAP.get(c, c) for c in text)
    text = text.encode("ascii", errors="ignore").decode("ascii")
    paragraphs, current = [], []
    for line in text.split("\n"):
        if HEADER.match(line) or FOOTER.match(line):
            continue
        stripped = re.sub(r"[ \t]+", " ", line.strip())
        if not stripped:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(stripped)
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--package", default="git-man")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    pages = man_pages(args.package)
    train, held, train_pages, held_pages = [], [], [], []
    for i, page in enumerate(pages):
        text = clean(render(page))
        if i % 10 == 9:
            held.append(text)
            held_pages.append(os.path.basename(page))
        else:
            train.append(text)
            train_pages.append(os.path.basename(page))
    train_text, held_text = "\n".join(train), "\n".join(held)
    with open(os.path.join(args.out, "train.txt"), "w", encoding="ascii") as f:
        f.write(train_text)
    with open(os.path.join(args.out, "heldout.txt"), "w", encoding="ascii") as f:
        f.write(held_text)
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", args.package], capture_output=True, text=True).stdout
    info = {
        "package": args.package, "package_version": version,
        "render": "groff -man -Tutf8 -P-cbou, headers/footers dropped, paragraphs re-joined, mapped to ASCII",
        "split": "pages sorted by file name, every 10th page (index % 10 == 9) held out",
        "train_bytes": len(train_text), "heldout_bytes": len(held_text),
        "train_pages": train_pages, "heldout_pages": held_pages,
    }
    with open(os.path.join(args.out, "corpus.json"), "w") as f:
        json.dump(info, f, indent=1)
    print(f"prepare_data: {len(pages)} pages of {args.package} {version}: "
          f"train {len(train_text)} bytes ({len(train_pages)} pages), held out {len(held_text)} bytes ({len(held_pages)} pages)")


if __name__ == "__main__":
    main()
