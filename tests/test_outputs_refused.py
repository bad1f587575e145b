"""Outputs never land on inputs (issue 14): every way of naming an input as an output is refused
with exit 2 before anything is read, nothing is written and every input keeps its bytes; folders
nq57 fills with many files only have nq57's own files replaced (or any, with --force); Ctrl-C
during a parallel merge stops at once, leaves no process and no temporary file."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import ROOT, SAMPLES
from nq57cli.cli.app import app
from nq57cli.read.inputs import OutputGuard, made_by_nq57

runner = CliRunner()
SUBS = sorted((SAMPLES / "submissions").glob("*.xlsx"))


def tree(folder: Path) -> dict[str, str]:
    """Every file under `folder` (symlinks as their target) with its sha256."""
    return {str(p.relative_to(folder)): (f"-> {os.readlink(p)}" if p.is_symlink() else
                                         hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir")
            for p in sorted(folder.rglob("*"))}


@pytest.fixture()
def work(tmp_path, monkeypatch):
    """A working folder: catalog, received reports, an agency list, nq57.toml, a template, a merged.xlsx."""
    shutil.copy(SAMPLES / "catalog.xlsx", tmp_path / "danh-muc.xlsx")
    (tmp_path / "submissions").mkdir()
    for path in SUBS[:3]:
        shutil.copy(path, tmp_path / "submissions" / path.name)
    shutil.copy(SUBS[3], tmp_path / "merged.xlsx")  # any workbook: refused before it is read
    shutil.copy(SUBS[4], tmp_path / "agencies.xlsx")
    (tmp_path / "mau").mkdir()
    from nq57cli.domain.forms import builtin_templates_dir

    for docx in builtin_templates_dir().glob("*.docx"):
        shutil.copy(docx, tmp_path / "mau" / docx.name)
    (tmp_path / "nq57.toml").write_text('template_dir = "mau"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NQ57_WORKERS", "1")
    return tmp_path


def refused(work: Path, args: list[str], *names: str, lang: str = "vi", read_first: bool = False) -> str:
    """Run `args`; assert exit 2, one line naming `names`, and not a byte changed under `work`.
    `read_first`: the names of the outputs depend on the data (letters), whose findings come first."""
    before = tree(work)
    done = runner.invoke(app, args + (["--lang", "en"] if lang == "en" else []))
    assert done.exit_code == 2, (args, done.output)
    lines = [line for line in done.output.splitlines() if line.strip()]
    lines = lines[-1:] if read_first else lines
    assert len(lines) == 1, done.output
    for name in names:
        assert name in lines[0], (name, lines[0])
    assert tree(work) == before
    return lines[0]


@pytest.mark.parametrize("args, names", [
    # the case: a member of the input folder named as output
    (["merge", "--catalog", "danh-muc.xlsx", "submissions/", "-o", f"submissions/{SUBS[0].name}"], [SUBS[0].name]),
    # a named input, reached through ".."
    (["merge", f"submissions/{SUBS[1].name}", "-o", f"mau/../submissions/{SUBS[1].name}"], [SUBS[1].name]),
    # a glob's match
    (["merge", "submissions/*.xlsx", "-o", f"submissions/{SUBS[2].name}"], [SUBS[2].name]),
    (["merge", "-c", "danh-muc.xlsx", "submissions", "-o", "danh-muc.xlsx"], ["danh-muc.xlsx"]),
    (["merge", "submissions", "--agencies", "agencies.xlsx", "-o", "agencies.xlsx"], ["agencies.xlsx"]),
    (["indicators", "-c", "danh-muc.xlsx", "submissions", "-o", f"submissions/{SUBS[0].name}"], [SUBS[0].name]),
    (["render", "-f", "phu-luc-03", "-i", "merged.xlsx", "-o", "merged.xlsx"], ["merged.xlsx"]),
    (["render", "-f", "phu-luc-03", "-o", "merged.xlsx"], ["merged.xlsx"]),  # the default -i
    (["render", "-f", "phu-luc-03", "-i", "merged.xlsx", "-o", "nq57.toml"], ["nq57.toml"]),  # ./nq57.toml
    (["render", "-f", "phu-luc-03", "-i", "merged.xlsx", "--config", "nq57.toml", "-o", "./nq57.toml"], ["nq57.toml"]),
    (["render", "-f", "phu-luc-03", "-i", "merged.xlsx", "--template", "mau/bao-cao.docx", "-o", "mau/bao-cao.docx"],
     ["bao-cao.docx"]),
    # a template file of template_dir (nq57.toml), not named on the command line
    (["render", "-f", "bao-cao", "-i", "merged.xlsx", "-o", "mau/phu-luc-03.docx"], ["phu-luc-03.docx"]),
    (["render", "-f", "phu-luc-03", "-c", "danh-muc.xlsx", "submissions", "-o", "danh-muc.xlsx"], ["danh-muc.xlsx"]),
    (["overdue", "-i", "merged.xlsx", "--xlsx", "merged.xlsx"], ["merged.xlsx"]),
    (["overdue", "-c", "danh-muc.xlsx", "submissions", "--xlsx", f"submissions/{SUBS[0].name}"], [SUBS[0].name]),
    (["overdue", "-i", "merged.xlsx", "--docx", "nq57.toml"], ["nq57.toml"]),
    (["overdue", "-i", "merged.xlsx", "--letters", "mau"], ["mau"]),  # template_dir is an input folder
    (["overdue", "-i", "merged.xlsx", "--letters", "merged.xlsx"], ["merged.xlsx"]),
    (["validate", "submissions", "--annotate", "submissions"], ["submissions"]),
    (["validate", "submissions", "--annotate", "mau/../submissions/"], ["submissions"]),
    (["template", "-c", "danh-muc.xlsx", "-o", "danh-muc.xlsx"], ["danh-muc.xlsx"]),
])
def test_an_input_is_never_an_output(work, args, names):
    line = refused(work, args, *names)
    assert "đầu vào" in line


def test_refusal_in_english(work):
    line = refused(work, ["merge", "-c", "danh-muc.xlsx", "submissions", "-o", "danh-muc.xlsx"], "danh-muc.xlsx",
                   lang="en")
    assert "is the input" in line


def test_symlink_and_hard_link_to_an_input_are_refused(work):
    (work / "lien-ket.xlsx").symlink_to(work / "submissions" / SUBS[0].name)
    refused(work, ["merge", "submissions", "-o", "lien-ket.xlsx"], "lien-ket.xlsx", SUBS[0].name)
    os.link(work / "submissions" / SUBS[1].name, work / "ban-cung.xlsx")
    refused(work, ["merge", "submissions", "-o", "ban-cung.xlsx"], "ban-cung.xlsx", SUBS[1].name)
    refused(work, ["merge", "-c", "danh-muc.xlsx", "submissions", "-o", "lien-ket.xlsx"], "lien-ket.xlsx")
    # the input folder given through a link to it
    (work / "nop").symlink_to(work / "submissions")
    refused(work, ["validate", "nop", "--annotate", "submissions"], "submissions")


def test_other_case_of_an_input_on_a_case_insensitive_file_system(work):
    probe = work / "submissions" / SUBS[0].name.upper()
    if not probe.exists():
        pytest.skip("case-sensitive file system")
    refused(work, ["merge", "submissions", "-o", str(probe)], SUBS[0].name.upper())


def test_guard_compares_real_files(tmp_path):
    a = tmp_path / "a.xlsx"
    a.write_bytes(b"x")
    guard = OutputGuard()
    guard.add_file(tmp_path / "sub" / ".." / "a.xlsx")
    assert guard.input_matching(a) is not None
    assert guard.input_matching(tmp_path / "b.xlsx") is None
    os.link(a, tmp_path / "hard.xlsx")
    assert guard.input_matching(tmp_path / "hard.xlsx") is not None


def test_merge_next_to_the_inputs_is_allowed(work):
    """An output that is not an input may sit in the input folder; the next run then refuses it."""
    done = runner.invoke(app, ["merge", "-c", "danh-muc.xlsx", "submissions", "-o", "submissions/tong-hop.xlsx"])
    assert done.exit_code in (0, 1), done.output
    refused(work, ["merge", "-c", "danh-muc.xlsx", "submissions", "-o", "submissions/tong-hop.xlsx"], "tong-hop.xlsx")


# ---------------------------------------------------------------- folders of many files

def test_template_into_a_folder_of_received_reports_replaces_nothing(work):
    first = runner.invoke(app, ["template", "-c", "danh-muc.xlsx", "-o", "mau-moi", "--json"])
    assert first.exit_code == 0, first.output
    made = sorted(p.name for p in (work / "mau-moi").iterdir())
    assert made and all(made_by_nq57(work / "mau-moi" / name, "template") for name in made)
    again = runner.invoke(app, ["template", "-c", "danh-muc.xlsx", "-o", "mau-moi"])  # its own files: replaced
    assert again.exit_code == 0, again.output
    # folders of received reports named like the templates: a report sent back, a template filled in Excel
    received = work / "nhan-ve"
    received.mkdir()
    shutil.copy(SUBS[0], received / made[0])
    shutil.copy(SUBS[1], received / "bao-cao-khac.xlsx")
    filled = work / "nhan-ve-2"
    filled.mkdir()
    book = load_workbook(work / "mau-moi" / made[1])
    book.properties.lastModifiedBy = "Nguyễn Văn A"  # what Excel writes when the agency saves
    book.save(filled / made[1])
    assert not made_by_nq57(received / made[0], "template") and not made_by_nq57(filled / made[1], "template")
    assert "--force" in refused(work, ["template", "-c", "danh-muc.xlsx", "-o", "nhan-ve"], made[0])
    assert "--force" in refused(work, ["template", "-c", "danh-muc.xlsx", "-o", "nhan-ve-2"], made[1])
    forced = runner.invoke(app, ["template", "-c", "danh-muc.xlsx", "-o", "nhan-ve", "--force"])
    assert forced.exit_code == 0, forced.output
    assert made_by_nq57(received / made[0], "template")


def test_letters_replace_only_letters(work):
    args = ["overdue", "-c", "danh-muc.xlsx", "submissions", "--as-of", "2025-12-31", "--letters", "cong-van"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    letters = sorted((work / "cong-van").iterdir())
    assert letters and all(made_by_nq57(p, "letter") for p in letters)
    assert runner.invoke(app, args).exit_code == 0  # a second run replaces its own letters
    shutil.copy(work / "mau" / "bao-cao.docx", letters[0])  # somebody's document under a letter's name
    before = tree(work / "cong-van")
    assert "--force" in refused(work, args, letters[0].name, read_first=True)
    assert tree(work / "cong-van") == before
    assert runner.invoke(app, args + ["--force"]).exit_code == 0
    assert made_by_nq57(letters[0], "letter")


def test_annotate_replaces_only_annotated_copies(work):
    args = ["validate", "submissions", "-c", "danh-muc.xlsx", "--annotate", "can-sua"]
    first = runner.invoke(app, args)
    assert first.exit_code == 1, first.output
    copies = sorted((work / "can-sua").iterdir())
    assert copies and all(made_by_nq57(p, "annotated") for p in copies)
    assert runner.invoke(app, args).exit_code == 1
    corrected = load_workbook(copies[0])  # the agency fixed its annotated copy and sent it back
    corrected.properties.lastModifiedBy = "Sở Nội vụ"
    corrected.save(copies[0])
    refused(work, args, copies[0].name, read_first=True)
    assert runner.invoke(app, args + ["--force"]).exit_code == 1
    assert made_by_nq57(copies[0], "annotated")


def test_markers_keep_outputs_byte_stable(work):
    for _ in range(2):
        assert runner.invoke(app, ["template", "-c", "danh-muc.xlsx", "-o", "mau-moi"]).exit_code == 0
        (work / "mau-moi").rename(work / f"mau-{len(list(work.glob('mau-*')))}")
    assert tree(work / "mau-1") == tree(work / "mau-2")


# ---------------------------------------------------------------- Ctrl-C

def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists() or sys.platform != "linux", reason="needs /proc")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ctrl_c_during_a_parallel_merge(tmp_path, lang):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    generate(tmp_path / "data", 2, tasks=150)
    subs = tmp_path / "data" / "submissions"
    for index in range(3, 201):
        shutil.copy(subs / "bao-cao-0001.xlsx", subs / f"bao-cao-{index:04d}.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    (out / "merged.xlsx").write_bytes(b"earlier output")
    env = dict(os.environ, NQ57_WORKERS="2", PYTHONPATH=str(ROOT / "src"))
    nq57 = [sys.executable, "-c", "from nq57cli.cli.app import main; main()"]
    process = subprocess.Popen(nq57 + ["merge", "-c", str(tmp_path / "data" / "catalog.xlsx"), str(subs),
                                       "-o", str(out / "merged.xlsx"), "--lang", lang],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    helpers: list[int] = []
    while time.monotonic() < deadline and process.poll() is None:
        helpers = _children(process.pid)
        if helpers:  # the helpers are reading
            break
        time.sleep(0.02)
    assert helpers, "the merge did not start its helper processes"
    time.sleep(0.3)
    assert process.poll() is None, "the merge ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    sent = time.monotonic()
    try:
        stdout, stderr = process.communicate(timeout=10)
    finally:
        process.kill()
    took = time.monotonic() - sent
    assert process.returncode == 130, stderr.decode()
    assert took < 2.0, took
    time.sleep(0.1)
    assert [pid for pid in helpers if _alive(pid)] == []
    assert sorted(p.name for p in out.iterdir()) == ["merged.xlsx"]
    assert (out / "merged.xlsx").read_bytes() == b"earlier output"
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert ("Ctrl-C" in lines[0]) and (("Stopped" in lines[0]) == (lang == "en"))


def test_demo_never_writes_into_the_samples(tmp_path):
    from nq57cli.pipeline import samples_folder

    samples = samples_folder()
    before = tree(samples)
    done = runner.invoke(app, ["demo", "-o", str(samples)])
    assert done.exit_code == 2, done.output
    assert str(samples) in done.output and tree(samples) == before


def test_interrupted_init_leaves_no_half_file(tmp_path, monkeypatch):
    from nq57cli.core import fileio

    def interrupted(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fileio.atomic_create(tmp_path / "nq57.toml", interrupted)
    assert list(tmp_path.iterdir()) == []
    assert fileio.atomic_create(tmp_path / "nq57.toml", lambda tmp: tmp.write_bytes(b"a = 1\n"))
    assert not fileio.atomic_create(tmp_path / "nq57.toml", lambda tmp: tmp.write_bytes(b"b = 2\n"))
    assert (tmp_path / "nq57.toml").read_bytes() == b"a = 1\n" and len(list(tmp_path.iterdir())) == 1
    done = runner.invoke(app, ["init", str(tmp_path)])
    assert done.exit_code == 0 and (tmp_path / "nq57.toml").read_bytes() == b"a = 1\n"
