"""Start at login on every OS, and reading attachments."""

from __future__ import annotations

import plistlib
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from presend.desktop import autostart, documents

ARGV = ["/opt/presend/presend"]


def test_linux_xdg_autostart_entry() -> None:
    entry = autostart.entry("linux", PurePosixPath("/home/u"), ARGV)
    assert str(entry.path) == "/home/u/.config/autostart/presend.desktop"
    lines = entry.content.splitlines()
    assert lines[0] == "[Desktop Entry]"
    assert "Exec=/opt/presend/presend" in lines
    assert "Type=Application" in lines


def test_macos_launch_agent() -> None:
    entry = autostart.entry("macos", PurePosixPath("/Users/u"), ARGV)
    assert str(entry.path) == "/Users/u/Library/LaunchAgents/io.presend.app.plist"
    plist = plistlib.loads(entry.content.encode())
    assert plist["Label"] == "io.presend.app"
    assert plist["ProgramArguments"] == ARGV
    assert plist["RunAtLoad"] is True


def test_windows_run_key() -> None:
    entry = autostart.entry(
        "windows", PureWindowsPath(r"C:\Users\u"), [r"C:\Program Files\Presend\presend.exe"]
    )
    assert entry.path is None
    assert entry.registry == (
        r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run",
        "Presend",
    )
    assert entry.content == r'"C:\Program Files\Presend\presend.exe"'


def test_enable_and_disable_here(tmp_path: Path) -> None:
    if autostart.current_system() != "linux":
        pytest.skip("this machine is not Linux")
    autostart.set_enabled(True, home=tmp_path)
    assert autostart.is_enabled(home=tmp_path)
    assert (tmp_path / ".config" / "autostart" / "presend.desktop").is_file()
    autostart.set_enabled(False, home=tmp_path)
    assert not autostart.is_enabled(home=tmp_path)


def test_text_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Hi\ncall 415-555-0132", "utf-8")
    assert documents.read_document(tmp_path / "a.md") == "# Hi\ncall 415-555-0132"
    (tmp_path / "b.txt").write_bytes("caf\xe9".encode("cp1252"))
    assert documents.read_document(tmp_path / "b.txt") == "café"


def test_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Dear client,")
    document.add_paragraph("my WhatsApp is +44 7911 123456")
    document.save(str(tmp_path / "letter.docx"))
    text = documents.read_document(tmp_path / "letter.docx")
    assert "my WhatsApp is +44 7911 123456" in text


def test_pdf(tmp_path: Path, qapp: object) -> None:
    from presend.desktop.qt import QPainter, QPdfWriter

    path = tmp_path / "cv.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.drawText(200, 400, "Reach me at jane.doe@gmail.com")
    painter.end()
    assert "jane.doe@gmail.com" in documents.read_document(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("x.exe", b"MZ", "opens"),
        ("x.txt", b"\x00\x01\x02", "not a text file"),
        ("x.docx", b"not a zip", "not a readable Word document"),
        ("x.pdf", b"%PDF-garbage", "not a readable PDF"),
    ],
)
def test_bad_files_are_clear_errors(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(documents.DocumentError, match=message):
        documents.read_document(tmp_path / name)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(documents.DocumentError, match="No such file"):
        documents.read_document(tmp_path / "gone.txt")


def test_docx_reads_as_python_docx_does(tmp_path: Path) -> None:
    # The app reads .docx with the standard library (no lxml in the bundle); python-docx,
    # a test tool here, writes the document and says what its text is.
    import docx

    document = docx.Document()
    document.add_paragraph("Dear client,")
    run = document.add_paragraph("call me").add_run()
    run.add_tab()
    run.add_text("+44 7911 123456")
    run.add_break()
    run.add_text("or jane at gmail dot com")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Skype"
    table.cell(0, 1).text = "jane.doe"
    table.cell(1, 0).text = "Bank"
    table.cell(1, 1).text = "GB33BUKB20201555555555"
    document.add_paragraph("Thanks")
    document.save(str(tmp_path / "offer.docx"))
    read_back = docx.Document(str(tmp_path / "offer.docx"))
    expected = [p.text for p in read_back.paragraphs]
    for row in read_back.tables[0].rows:
        expected.append("\t".join(cell.text for cell in row.cells))
    assert documents.read_document(tmp_path / "offer.docx") == "\n".join(expected)


def test_broken_docx_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(documents.DocumentError, match="not a readable Word document"):
        documents.read_document(tmp_path / "fake.docx")
