"""Every text the store and the CLI show exists in nb, nn and en, with the
same placeholders."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

from bti_tui.i18n import Translator

ROOT = Path(__file__).resolve().parents[2]
SECTIONS = ("store", "cli")


def flat(table: dict, prefix: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            out.update(flat(value, f"{prefix}.{key}"))
        else:
            out[f"{prefix}.{key}"] = value
    return out


def texts(lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for section in SECTIONS:
        with open(ROOT / "data" / "i18n" / lang / f"{section}.toml", "rb") as handle:
            out.update(flat(tomllib.load(handle), section))
    return out


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_same_keys_and_placeholders_as_bokmal(lang: str) -> None:
    nb, other = texts("nb"), texts(lang)
    assert set(other) == set(nb)
    for key, text in nb.items():
        assert fields(other[key]) == fields(text), key


def test_every_key_used_in_the_code_exists() -> None:
    code = (ROOT / "bti_tui" / "cli.py").read_text("utf-8")
    code += "".join(p.read_text("utf-8") for p in (ROOT / "bti_tui" / "store").glob("*.py"))
    used = set(re.findall(r'"((?:store|cli)\.[a-z_.]+)"', code))
    used |= {f"cli.list.{n}" for n in ("id", "date", "time", "kind", "status", "place")}
    used |= {f"cli.status.{s}" for s in ("planned", "running", "finished")}
    # A counted text is known by its key without the plural form (cli.check.found.other).
    known = set(texts("nb")) | {key.removesuffix(".other") for key in texts("nb")}
    assert used and used <= known, used - known
    for lang in ("nb", "nn", "en"):
        t = Translator(lang)
        assert all(not t(key).startswith("⟨") for key in used)
