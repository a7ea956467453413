"""The model package gives every name it lists, each imported from its
module when first asked for (issue 20: importing the whole domain delayed
the app's first frame)."""

from __future__ import annotations

import subprocess
import sys

import bti_tui.model as model


def test_every_listed_name_is_the_module_s_own() -> None:
    assert sorted(model.__all__) == sorted(model._WHERE)
    for name in model.__all__:
        module = sys.modules.get(f"bti_tui.model.{model._WHERE[name]}") or __import__(f"bti_tui.model.{model._WHERE[name]}", fromlist=[name])
        assert getattr(model, name) is getattr(module, name), name
    assert set(model.__all__) <= set(dir(model))


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        model.NoSuchThing  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:
        raise AssertionError("no AttributeError")


def test_importing_the_package_or_one_error_imports_no_domain_module() -> None:
    code = (
        "import sys; from bti_tui.model.errors import ValidationError; import bti_tui.model;"
        "print(' '.join(m for m in sys.modules if m.startswith('bti_tui.model.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["bti_tui.model.errors"]
