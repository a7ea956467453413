"""Does one autosave grow with years of history, and what does encryption
add to it? (issue 20, target 2; DESIGN "Saving")

Times ``Repository.save_meeting`` of the live meeting with one note changed
(what the autosave writes: temp file, fsync, backup link, rename, folder
fsync, the index's record) in four kinds of data folder (three copies of
each, taken in turn), interleaved save by save so all see the same disk and
load: empty and with ten years beside
(benchmarks/history.py), each plain and encrypted. Then the cipher alone
(AES-256-GCM sealing the same document's bytes) and, for scale, the key
derivation (once per start, never per save).

Targets: 10 years / empty ≤ 1.2 (plain); encrypted save with 10 years ≤ 1.2 ×
(plain save with 10 years + the cipher). The figure compared is the save's
CPU time (``time.process_time``: the work of the save, in the process and
the kernel, without the wait for the disk); the wall time is printed too,
but on this shared virtual disk an fsync's wait varies by a factor of two
from one run to the next (ratios of 0.55 to 2.0 between the same saves,
interleaved, medians of 200), which says nothing about the app.

Run: ``.venv/bin/python benchmarks/save_cost.py [N] [FOLDER]`` — N saves
of each (default 201); FOLDER holds the temporary data folders (default the
system temp folder; on tmpfs fsync costs nothing).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import data  # noqa: E402
import report  # noqa: E402

from bti_tui.demo import build_demo  # noqa: E402
from bti_tui.resources import meeting_kinds  # noqa: E402
from bti_tui.store import Repository  # noqa: E402
from bti_tui.store.codec import meeting_to_doc  # noqa: E402
from bti_tui.store.convert import encrypt_folder  # noqa: E402
from bti_tui.store.crypto import KdfParams, forget_all, key_of, unlock  # noqa: E402
from bti_tui.store.documents import layout  # noqa: E402

WARM_UP = 10
# Each row's saves go round three copies of its folder: now and then one
# folder's saves cost the kernel twice the CPU for a whole run (seen in any
# of the four rows, the empty ones too: a state of the file system, not of
# the history); with three copies one such folder does not move the median.
COPIES = 3
ROWS = ("plain, empty", "plain, 10 years", "encrypted, empty", "encrypted, 10 years")


def seal_times(sealed_dir: Path, live, n: int) -> tuple[list[float], int]:
    """The cipher alone: seconds to seal the live meeting's document as a
    save writes it, with ``sealed_dir``'s key (unlocked), ``n`` times (at
    least 1,000), and the document's size in bytes. crypto_save.py
    measures with it too."""
    raw = json.dumps(layout(meeting_to_doc(live)), ensure_ascii=False, sort_keys=True).encode("utf-8")
    key = key_of(sealed_dir)
    assert key is not None
    seal = []
    for _ in range(max(n, 1000)):
        start = time.perf_counter()
        key.seal("meetings/live.json", raw)
        seal.append(time.perf_counter() - start)
    return seal, len(raw)


def folders(tmp: Path) -> tuple[dict[str, list[Path]], float]:
    """COPIES folders of each row, unlocked; and the key derivation's ms (one unlock)."""
    found: dict[str, list[Path]] = {label: [] for label in ROWS}
    sealed_empty = tmp / "sealed-empty"
    encrypt_folder(sealed_empty, data.PASSPHRASE)
    forget_all()
    for n in range(COPIES):
        found[ROWS[0]].append(data.empty_folder(tmp / f"plain-empty-{n}"))
        found[ROWS[1]].append(data.copy_of(data.history(10), tmp / f"plain-10y-{n}"))
        found[ROWS[2]].append(data.copy_of(sealed_empty, tmp / f"sealed-empty-{n}"))
        found[ROWS[3]].append(data.copy_of(data.encrypted_history(10), tmp / f"sealed-10y-{n}"))
    start = time.perf_counter()
    unlock(found[ROWS[2]][0], data.PASSPHRASE)
    kdf_ms = (time.perf_counter() - start) * 1000
    for folder in found[ROWS[2]][1:] + found[ROWS[3]]:
        unlock(folder, data.PASSPHRASE)
    return found, kdf_ms


def measure(tmp: Path, n: int) -> dict[str, float]:
    where, kdf_ms = folders(tmp)
    live = build_demo(meeting_kinds(), date.today(), "nb").meetings[1]
    live.id = "live"
    times: dict[str, list[float]] = {label: [] for label in ROWS}
    cpu: dict[str, list[float]] = {label: [] for label in ROWS}
    repos = {label: [Repository.open(folder) for folder in paths] for label, paths in where.items()}
    try:
        for repo in (r for row in repos.values() for r in row):
            repo.save_meeting(live)  # the live meeting's first save (its index record)
        # The copies just made are still being written back: let the disk
        # settle before the clock runs, then a few saves of each untimed.
        os.sync()
        for i in range(n + WARM_UP):
            live.slots[0].notes["g-problem"] = f"Notat som skrives {i} " + "x" * (i % 50)
            order = ROWS if i % 2 else ROWS[::-1]
            for label in order:
                repo = repos[label][i % COPIES]
                start, start_cpu = time.perf_counter(), time.process_time()
                repo.save_meeting(live)
                if i >= WARM_UP:
                    times[label].append(time.perf_counter() - start)
                    cpu[label].append(time.process_time() - start_cpu)
        seal, size = seal_times(where[ROWS[3]][0], live, n)
    finally:
        for repo in (r for row in repos.values() for r in row):
            repo.close()
        forget_all()
    found = {label: report.median(t) * 1000 for label, t in times.items()}
    found.update({f"cpu {label}": report.median(t) * 1000 for label, t in cpu.items()})
    found["cipher"] = report.median(seal) * 1000
    found["bytes"] = size
    found["kdf"] = kdf_ms
    return found


def show(r: dict[str, float], n: int) -> None:
    print(f"one autosave (save_meeting, one note changed), median of {n} each, interleaved ({report.load()})")
    print(f"  {'':22} {'CPU ms':>7} {'wall ms':>8}")
    for label in ROWS:
        print(f"  {label:22} {r[f'cpu {label}']:7.3f} {r[label]:8.3f}")
    print(f"  the cipher alone (AES-256-GCM, {r['bytes']:.0f} bytes): {r['cipher'] * 1000:.1f} µs")
    p = KdfParams()
    print(f"  for scale: key derivation, once per start (scrypt n=2^{p.n.bit_length() - 1}, r={p.r}, p={p.p}): {r['kdf']:.0f} ms")


def ratios(r: dict[str, float], kind: str) -> tuple[float, float, float]:
    """plain 10y / empty, encrypted 10y / (plain 10y + cipher), encrypted 10y / encrypted empty."""
    row = {label: r[f"{kind}{label}"] for label in ROWS}
    return row[ROWS[1]] / row[ROWS[0]], row[ROWS[3]] / (row[ROWS[1]] + r["cipher"]), row[ROWS[3]] / row[ROWS[2]]


def targets(r: dict[str, float]) -> None:
    for kind, what in (("cpu ", "CPU (the target's figure)"), ("", "wall (the shared disk's fsync waits included: for scale)")):
        a, b, c = ratios(r, kind)
        print(f"  {what}: plain 10 years / empty {a:.2f}; encrypted 10 years / (plain 10 years + cipher) {b:.2f}; encrypted 10 years / encrypted empty {c:.2f}")
    plain, sealed, _ = ratios(r, "cpu ")
    wall_plain, wall_sealed, _ = ratios(r, "")
    figure = f"CPU 10y/empty {plain:.2f}x, encrypted {sealed:.2f}x of plain + cipher ({r['cipher'] * 1000:.0f} µs); wall {wall_plain:.2f}x, {wall_sealed:.2f}x"
    report.target(2, "one autosave, 10y / empty; encrypted", figure, "<= 1.2x both", plain <= 1.2 and sealed <= 1.2)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 201
    where = sys.argv[2] if len(sys.argv) > 2 else None
    with tempfile.TemporaryDirectory(dir=where, prefix="bti-save-") as tmp:
        r = measure(Path(tmp), n)
    show(r, n)
    targets(r)


if __name__ == "__main__":
    main()
