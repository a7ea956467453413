"""The built wheel, installed in a fresh venv, finds its data and styles,
runs ``bti-tui`` and starts the app headless — without the source checkout.

Builds the wheel (``python -m build``), makes a new venv (``python -m venv --without-pip``)
and installs the wheel into it with this venv's pip, dependencies included (from PyPI or pip's
cache). Takes about 10 s on a warm machine; it is part of ``make test``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def sh(*args: str | Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BTI_TUI_", "PYTHONPATH", "VIRTUAL_ENV"))}
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the built wheel installed; returns its bin folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    sh(sys.executable, "-m", "build", "--wheel", "--outdir", tmp / "dist", ROOT, cwd=tmp)
    wheel = next((tmp / "dist").glob("bti_tui-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "bti_tui/data/settings.toml" in names and "bti_tui/styles/app.tcss" in names
    assert "bti_tui/referat/referat.typ" in names  # the PDF template ships as package data
    # Without pip of its own (ensurepip took 8 s): this venv's pip installs into it.
    sh(sys.executable, "-m", "venv", "--without-pip", tmp / "venv", cwd=tmp)
    bin_dir = tmp / "venv" / "bin"
    sh(sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--quiet", "--disable-pip-version-check", wheel, cwd=tmp)
    return bin_dir


def test_resources_come_from_the_installed_package(installed: Path, tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import importlib.resources, json, sys
        import bti_tui
        from bti_tui.resources import meeting_kinds, stylesheets
        from bti_tui.i18n import Translator
        root = importlib.resources.files("bti_tui")
        print(json.dumps({
            "module": bti_tui.__file__,
            "data": root.joinpath("data").is_dir(),
            "styles": root.joinpath("styles").is_dir(),
            "kinds": sorted(meeting_kinds()),
            "stylesheets": stylesheets(),
            "text": Translator("nn")("store.read_only", folder="X"),
        }))
        """
    )
    found = json.loads(sh(installed / "python", "-c", code, cwd=tmp_path).stdout)
    venv = str(installed.parent)
    assert found["module"].startswith(venv), found["module"]
    assert found["data"] and found["styles"]
    assert "instansmote-skole" in found["kinds"] and len(found["kinds"]) == 4
    assert found["stylesheets"] and all(s.startswith(venv) for s in found["stylesheets"])
    assert found["text"] == "Datamappa X er opna berre for lesing. Ingenting vart lagra."


def test_the_installed_command_lists_and_checks(installed: Path, tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert json.loads(sh(installed / "bti-tui", "list", "--data-dir", data, "--json", cwd=tmp_path).stdout) == []
    sh(installed / "bti-tui", "demo", "--no-open", "--data-dir", data, cwd=tmp_path)
    listed = json.loads(sh(installed / "bti-tui", "list", "--data-dir", data, "--json", cwd=tmp_path).stdout)
    assert [m["id"] for m in listed] == ["demo-neste", "demo-ferdig"]
    sh(installed / "bti-tui", "check", "--data-dir", data, cwd=tmp_path)
    # The PDF template is found in the installed package, and Typst's wheel works there.
    pdf = tmp_path / "sak.pdf"
    sh(installed / "bti-tui", "export", "demo-ferdig", "--data-dir", data, "--case", "1", "--format", "pdf", "-o", pdf, cwd=tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_the_installed_app_starts_headless(installed: Path, tmp_path: Path) -> None:
    code = textwrap.dedent(
        """
        import asyncio, sys
        from pathlib import Path
        from bti_tui.store import Repository
        from bti_tui.ui.app import BtiApp

        async def main():
            with Repository.open(Path(sys.argv[1])) as repo:
                app = BtiApp(repo, "nb")
                async with app.run_test(size=(100, 30)) as pilot:
                    await pilot.pause()
                    print(type(app.screen).__name__, len(app.stylesheet.source))

        asyncio.run(main())
        """
    )
    out = sh(installed / "python", "-c", code, tmp_path / "d", cwd=tmp_path).stdout.split()
    assert out[0] != "Screen" and int(out[1]) > 0
