"""Exit 1 when the editable install's link tree no longer matches the source folders.

`make` installs Presend in setuptools' strict editable mode: a tree of links under
build/__editable__.* with the import names (presend/core/... pointing at core/...), which
mypy, pyright and PyInstaller all read like any installed package. The tree is made
once, so a module added or removed since needs a new install; the Makefile runs this
check first and reinstalls only when it fails.
"""

from __future__ import annotations

import sys
import sysconfig
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Files the tree carries (code and the package data the app reads).
SUFFIXES = {".py", ".toml", ".txt", ".js", ".json", ".html", ".png", ".svg", ".ico", ".icns"}


def tree_root() -> Path | None:
    """The link tree named by the install's .pth file, if there is one."""
    site = Path(sysconfig.get_paths()["purelib"])
    for pth in site.glob("__editable__.presend-*.pth"):
        line = pth.read_text("utf-8").strip()
        if line and not line.startswith("import"):
            return Path(line)
    return None


def stale(root: Path) -> list[str]:
    """Source files without a link, and links whose file is gone."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    problems = []
    for name, folder in config["package-dir"].items():
        source = ROOT / folder
        linked = root / Path(*name.split("."))
        for path in source.rglob("*"):
            if path.suffix in SUFFIXES and "__pycache__" not in path.parts:
                relative = path.relative_to(source)
                if relative.parts[0].endswith(".iconset"):
                    continue  # the macOS icon's sources; not shipped
                if not (linked / relative).exists():
                    problems.append(f"no link for {path.relative_to(ROOT)}")
        problems += [
            f"dangling {p}" for p in linked.rglob("*") if p.is_symlink() and not p.exists()
        ]
    return problems


def main() -> int:
    """0 when the tree is complete, 1 (saying why) when it needs a new install."""
    root = tree_root()
    if root is None or not root.is_dir():
        print("editable install missing; installing")
        return 1
    problems = stale(root)
    if problems:
        print(f"new or removed files ({problems[0]}); refreshing the editable install")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
