"""argparse's own words in the user's language: "usage:", "options", the
help line of -h and every error a user can make, exit codes unchanged."""

from __future__ import annotations

import argparse
import ast
import gettext
import re
import tomllib
from pathlib import Path

import pytest

from bti_tui import cli
from bti_tui.cli_argparse import argparse_in
from bti_tui.resources import data_root

I18N = Path(str(data_root().joinpath("i18n")))

# argparse's English, as it prints it (3.11 to 3.14).
ENGLISH = (
    "usage",
    "options",
    "optional arguments",
    "positional arguments",
    "show this help message",
    "and exit",
    "error:",
    "the following arguments are required",
    "invalid choice",
    "choose from",
    "maybe you meant",
    "unrecognized arguments",
    "expected one argument",
    "expected",
    "ambiguous option",
    "not allowed with",
)

# Raised for a mistake in our parser definition, never for the user's input:
# they stay English (a developer reads them).
PROGRAMMER_ERRORS = {
    ".__call__() not defined",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    'argument "-" with mode %r',
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "conflicting option string: %s",
    "mutually exclusive arguments must be optional",
    "cannot have multiple subparser arguments",
    "%r is not callable",
}

USAGE_ERRORS = [
    ["export"],  # the following arguments are required
    ["list", "--bogus"],  # unrecognized arguments
    ["bogus"],  # invalid choice (the verb)
    ["export", "x", "--format", "docx"],  # invalid choice
    ["list", "--data-dir"],  # expected one argument
    ["--lang"],  # expected one argument, before the language is known
    ["list", "--json=yes"],  # ignored explicit argument
]


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BTI_TUI_LANG", raising=False)


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"(?<!\w){re.escape(word)}", text, re.IGNORECASE)]


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_help_has_no_english_word(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--lang", lang, "--help"], ["--lang", lang, "export", "--help"]):
        assert cli.main(argv) == 0
        out = capsys.readouterr().out
        assert out.startswith("bruk: bti-tui")
        assert english_in(out) == [], argv
        assert "-h, --help" in out and "vis denne hjelpeteksten og avslutt" in out


def test_help_in_english_is_argparses_own(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "en", "export", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: bti-tui export") and "MEETING_ID" in out
    assert "show this help message and exit" in out


@pytest.mark.parametrize("lang", ["nn", "nb"])
@pytest.mark.parametrize("argv", USAGE_ERRORS, ids=" ".join)
def test_usage_errors_have_no_english_word(lang: str, argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BTI_TUI_LANG", lang)
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bti-tui" in captured.err and ": feil: " in captured.err
    assert english_in(captured.err) == []


def test_the_errors_say_what_is_wrong_in_nynorsk(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "nn", "export"]) == 2
    assert "bti-tui export: feil: desse argumenta manglar: MØTE_ID" in capsys.readouterr().err
    assert cli.main(["--lang", "nn", "list", "--data-dir"]) == 2
    assert "bti-tui list: feil: --data-dir: manglar ein verdi" in capsys.readouterr().err
    assert cli.main(["--lang", "nn", "bogus"]) == 2
    assert "ugyldig val: 'bogus' (vel mellom" in capsys.readouterr().err


def test_argparse_is_itself_again_after_main(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["--lang", "nn", "--help"])
    capsys.readouterr()
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    with pytest.raises(SystemExit):
        argparse.ArgumentParser(prog="x").parse_args(["--nope"])
    assert "unrecognized arguments" in capsys.readouterr().err


@pytest.mark.parametrize(("lang", "expected"), [("nb", "trenger 2 verdier"), ("nn", "treng 2 verdiar"), ("en", "expected 2 arguments")])
def test_counted_argparse_texts_agree_with_their_number(lang: str, expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    with argparse_in(lang):
        parser = argparse.ArgumentParser(prog="x")
        parser.add_argument("--pair", nargs=2)
        with pytest.raises(SystemExit) as exit_:
            parser.parse_args(["--pair", "a"])
    assert exit_.value.code == 2
    assert expected in capsys.readouterr().err


def argparse_msgids() -> set[str]:
    """Every text the running Python's argparse passes to ``_``/``ngettext``."""
    tree = ast.parse(Path(argparse.__file__).read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
            for arg in node.args[:1] + [kw.value for kw in node.keywords]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
            # _(kwargs.pop('title', 'subcommands')): the default is a msgid too
            for inner in ast.walk(node):
                if isinstance(inner, ast.Constant) and inner.value == "subcommands":
                    found.add("subcommands")
    return found


def catalogue_msgids(lang: str) -> dict[str, object]:
    with (I18N / lang / "argparse.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_every_user_facing_text_of_this_pythons_argparse_is_translated() -> None:
    msgids = argparse_msgids()
    assert "usage: " in msgids and "show this help message and exit" in msgids
    for lang in ("nb", "nn", "en"):
        missing = sorted(msgids - PROGRAMMER_ERRORS - set(catalogue_msgids(lang)))
        assert missing == [], f"{lang}/argparse.toml misses {missing}"


FIELD = re.compile(r"%(?:\(\w+\))?[sr]")


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_translations_keep_argparses_fields(lang: str) -> None:
    for msgid, text in catalogue_msgids(lang).items():
        forms = text.values() if isinstance(text, dict) else [text]
        for form in forms:
            assert sorted(FIELD.findall(form)) == sorted(FIELD.findall(msgid)), (lang, msgid, form)
            assert form.endswith("\n") == msgid.endswith("\n"), (lang, msgid)
