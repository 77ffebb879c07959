"""Reading an attachment's text so it can be checked before it is sent."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

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


#: WordprocessingML's namespace (the body of every .docx).
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _read_docx(path: Path) -> str:
    return _read_docx_from(path.name, str(path))


def _read_docx_from(name: str, source: str | io.BytesIO) -> str:
    """Body paragraphs, then each table's rows (cells joined by tabs), as python-docx
    reads them; with the standard library, so the bundle carries no lxml."""
    import xml.etree.ElementTree as ET  # noqa: PLC0415 - only when a .docx is opened
    import zipfile  # noqa: PLC0415

    try:
        with zipfile.ZipFile(source) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_BYTES:
                raise DocumentError(f"{name} holds more text than Presend reads")
            # Expat expands no external entities and limits internal ones.
            body = ET.fromstring(archive.read(info)).find(f"{_W}body")  # noqa: S314
    except (KeyError, zipfile.BadZipFile, ET.ParseError, OSError) as exc:
        raise DocumentError(f"{name} is not a readable Word document") from exc
    if body is None:
        raise DocumentError(f"{name} is not a readable Word document")
    parts = [_paragraph_text(p) for p in body.findall(f"{_W}p")]
    for table in body.findall(f"{_W}tbl"):
        for row in table.findall(f"{_W}tr"):
            cells = ("\n".join(_paragraph_text(p) for p in cell.findall(f"{_W}p"))
                     for cell in row.findall(f"{_W}tc"))  # fmt: skip
            parts.append("\t".join(cells))
    return "\n".join(parts)


def _paragraph_text(paragraph: ET.Element) -> str:
    """A paragraph's text: its runs' text, tabs and line breaks."""
    pieces = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t":
            pieces.append(node.text or "")
        elif node.tag in (f"{_W}tab", f"{_W}ptab"):
            pieces.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            pieces.append("\n")
    return "".join(pieces)


def _read_pdf(path: Path) -> str:
    return _read_pdf_from(path.name, str(path))


def _read_pdf_from(name: str, source: str | io.BytesIO) -> str:
    import pypdf  # noqa: PLC0415

    try:
        reader = pypdf.PdfReader(source)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as exc:
        raise DocumentError(f"{name} is not a readable PDF") from exc
