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
