"""What encryption at rest costs an autosave (issue 18; issue 20's bound).

Times one ``Repository.save_meeting`` of the live meeting (one note changed,
as the autosave writes it: temp file, fsync, backup link, rename, folder
fsync) in a plain data folder and in an encrypted one, interleaved so both
see the same disk, and prints both medians and the ratio; then the cipher
alone (AES-256-GCM sealing the same document's bytes) and the key
derivation, which runs once per start (unlock), never per save.

Run: ``.venv/bin/python benchmarks/crypto_save.py [N] [FOLDER]`` — N saves
of each (default 200); FOLDER holds the temporary data folders (default the
system temp folder; on tmpfs fsync costs nothing: pass a folder on a real
disk to see the disk's share).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from bti_tui.demo import build_demo
from bti_tui.resources import meeting_kinds
from bti_tui.store import Repository
from bti_tui.store.convert import encrypt_folder
from bti_tui.store.crypto import KdfParams, forget_all, unlock

sys.path.insert(0, str(Path(__file__).resolve().parent))
from save_cost import seal_times  # noqa: E402  the cipher alone, measured as there

PASSPHRASE = "korrekt hest batteri stift"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    base = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    today = date.today()
    with tempfile.TemporaryDirectory(dir=base) as tmp:
        plain_dir, sealed_dir = Path(tmp) / "plain", Path(tmp) / "encrypted"
        encrypt_folder(sealed_dir, PASSPHRASE)
        forget_all()
        start = time.perf_counter()
        unlock(sealed_dir, PASSPHRASE)  # what a start pays, once
        kdf_ms = (time.perf_counter() - start) * 1000
        live = build_demo(meeting_kinds(), today, "nb").meetings[1]
        live.id = "live"
        times: dict[str, list[float]] = {"plain": [], "encrypted": []}
        with Repository.open(plain_dir) as plain, Repository.open(sealed_dir) as sealed:
            repos = {"plain": plain, "encrypted": sealed}
            for repo in repos.values():
                repo.save_meeting(live)
            for i in range(n):
                live.slots[0].notes["g-problem"] = f"Notat som skrives {i} " + "x" * (i % 50)
                for name in (("plain", "encrypted") if i % 2 else ("encrypted", "plain")):
                    start = time.perf_counter()
                    repos[name].save_meeting(live)
                    times[name].append(time.perf_counter() - start)
        seal, size = seal_times(sealed_dir, live, n)
    plain_ms = statistics.median(times["plain"]) * 1000
    sealed_ms = statistics.median(times["encrypted"]) * 1000
    print(f"one autosave, plain folder:      {plain_ms:7.3f} ms (median of {n})")
    print(f"one autosave, encrypted folder:  {sealed_ms:7.3f} ms (median of {n})")
    print(f"ratio encrypted / plain:         {sealed_ms / plain_ms:7.2f}x")
    print(f"the cipher alone (AES-256-GCM, {size} bytes): {statistics.median(seal) * 1e6:.1f} µs")
    defaults = KdfParams()
    print(f"key derivation, once per start (scrypt n=2^{defaults.n.bit_length() - 1}, r={defaults.r}, p={defaults.p}): {kdf_ms:.0f} ms")


if __name__ == "__main__":
    main()
