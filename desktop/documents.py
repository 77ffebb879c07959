"""Reading an attachment's text so it can be checked before it is sent."""

from __future__ import annotations

import io
from pathlib import Path

#: File types the checker opens.
SUFFIXES = (".txt", ".md", ".docx", ".pdf")
#: Files larger than this are refused (the core's own limit is on characters).
MAX_BYTES = 50 * 1024 * 1024


class DocumentError(Exception):
    """A file could not be read as a draft."""


def read_document(path: Path) -> str:
    """The text of a .txt, .md, .docx or .pdf file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError(f"{path.name}: Presend opens {', '.join(SUFFIXES)} files")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DocumentError(f"{path.name} is larger than {MAX_BYTES // 1024 // 1024} MB")
        if suffix in (".txt", ".md"):
            return _read_text(path)
        if suffix == ".docx":
            return _read_docx(path)
        return _read_pdf(path)
    except OSError as exc:
        raise DocumentError(f"{path.name}: {exc.strerror or exc}") from None


def read_document_bytes(name: str, data: bytes) -> str:
    """The text of a file's bytes (an attachment the browser read); ``name`` gives its type."""
    suffix = Path(name).suffix.lower()
    shown = Path(name).name
    if suffix not in SUFFIXES:
        raise DocumentError(f"{shown}: Presend opens {', '.join(SUFFIXES)} files")
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{shown} is larger than {MAX_BYTES // 1024 // 1024} MB")
    if suffix in (".txt", ".md"):
        return _decode_text(shown, data)
    if suffix == ".docx":
        return _read_docx_from(shown, io.BytesIO(data))
    return _read_pdf_from(shown, io.BytesIO(data))


def _read_text(path: Path) -> str:
    return _decode_text(path.name, path.read_bytes())


def _decode_text(name: str, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{name} is not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Old Windows editors save in the ANSI code page; cp1252 decodes any byte.
        return data.decode("cp1252", errors="replace")


def _read_docx(path: Path) -> str:
    return _read_docx_from(path.name, str(path))


def _read_docx_from(name: str, source: str | io.BytesIO) -> str:
    import docx  # noqa: PLC0415 - python-docx loads lxml; only when a .docx is opened

    try:
        document = docx.Document(source)
    except Exception as exc:
        raise DocumentError(f"{name} is not a readable Word document") from exc
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _read_pdf(path: Path) -> str:
    return _read_pdf_from(path.name, str(path))


def _read_pdf_from(name: str, source: str | io.BytesIO) -> str:
    import pypdf  # noqa: PLC0415

    try:
        reader = pypdf.PdfReader(source)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:
        raise DocumentError(f"{name} is not a readable PDF") from exc
