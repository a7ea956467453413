"""The history every benchmark stands beside, generated once and shared.

``history(years)`` is the folder ``benchmarks/history.py --years N`` writes
(seed 20), kept in a cache folder named by a hash of what decides its bytes
(history.py, the store, the model, the meeting kinds): a later run with the
same sources takes it from there instead of spending ~7 s per ten years
again. ``generate(years_list)`` writes the missing ones in parallel (the
generator waits mostly on fsync). The cached folders are never written to:
``copy_of`` gives a benchmark its own copy.

``BTI_BENCH_CACHE`` names the cache folder (default
``~/.cache/bti-tui-bench``); ``BTI_BENCH_FRESH=1`` generates into a new
temporary folder instead, ignoring the cache.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("BTI_BENCH_ROOT") or HERE.parent)
SEED = 20
PASSPHRASE = "benchmark passphrase"
# What decides the generator's bytes: a change in any of these is a new cache entry.
SOURCES = ("benchmarks/history.py", "bti_tui/store", "bti_tui/model", "bti_tui/resources.py", "data/kinds", "data/settings.toml")
PARALLEL = 2  # generators at once (the history.py skips fsync: CPU-bound)


def _key() -> str:
    digest = hashlib.sha256(f"seed={SEED}".encode())
    for name in SOURCES:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(ROOT)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _cache_root() -> Path:
    if os.environ.get("BTI_BENCH_FRESH"):
        tmp = Path(tempfile.mkdtemp(prefix="bti-bench-history-"))
        atexit.register(shutil.rmtree, tmp, True)
        return tmp
    base = Path(os.environ.get("BTI_BENCH_CACHE") or Path.home() / ".cache" / "bti-tui-bench")
    key = _key()
    base.mkdir(parents=True, exist_ok=True)
    for old in base.iterdir():  # other sources' histories are of no more use
        if old.is_dir() and old.name != key:
            shutil.rmtree(old, ignore_errors=True)
    return base / key


_ROOT_CACHE: list[Path] = []


def cache() -> Path:
    if not _ROOT_CACHE:
        _ROOT_CACHE.append(_cache_root())
    return _ROOT_CACHE[0]


def history(years: int) -> Path:
    """The generated folder of ``years`` years (generated now if missing)."""
    folder = cache() / f"y{years:02d}"
    if not folder.is_dir():
        generate([years])
    return folder


def encrypted_history(years: int) -> Path:
    """The same history encrypted with ``PASSPHRASE`` (not deterministic: the cipher's nonces)."""
    folder = cache() / f"y{years:02d}-encrypted"
    if not folder.is_dir():
        from bti_tui.store.convert import encrypt_folder
        from bti_tui.store.crypto import forget_all

        work = folder.with_name(f".{folder.name}-{os.getpid()}")
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(history(years), work, symlinks=True)
        encrypt_folder(work, PASSPHRASE)
        forget_all()
        work.rename(folder)
    return folder


def _generate_one(years: int) -> None:
    folder = cache() / f"y{years:02d}"
    work = folder.with_name(f".{folder.name}-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, str(HERE / "history.py"), "--years", str(years), "--data-dir", str(work), "--seed", str(SEED)], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    work.rename(folder)


def generate(years_list: list[int]) -> int:
    """Write the histories not yet in the cache; how many were written."""
    missing = sorted((y for y in set(years_list) if not (cache() / f"y{y:02d}").is_dir()), reverse=True)
    with ThreadPoolExecutor(PARALLEL) as pool:
        list(pool.map(_generate_one, missing))
    return len(missing)


def copy_of(folder: Path, dest: Path) -> Path:
    """A benchmark's own copy of a cached folder (which stays untouched)."""
    shutil.copytree(folder, dest, symlinks=True)
    return dest


def empty_folder(dest: Path) -> Path:
    from bti_tui.store import Repository

    Repository.open(dest).close()
    return dest
