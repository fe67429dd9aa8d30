"""Time hlaw against a hello-world Typer app, on the shipped corpus and on 10,000 generated entries.

Usage:  python benchmarks/run.py [--runs N] [--entries N]

Run it with the Python of the environment where hlaw is installed (e.g. .venv/bin/python). It
prints a table of median wall-clock times, their ratio to the hello-world app, and the peak
memory of each case. Nothing here is a test: machines differ, so compare ratios, not seconds.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HELLO = """\
import typer

app = typer.Typer()


@app.command()
def hello() -> None:
    print("hello")


@app.command()
def bye() -> None:
    print("bye")


app()
"""

WORDS = (
    "protection civilian detention conflict humanitarian access relief obligation state party "
    "treaty article population displacement refugee asylum camp shelter water food health medical "
    "mission occupation ceasefire negotiation mandate agency council assembly resolution report "
    "investigation tribunal court jurisdiction responsibility custom practice principle distinction "
    "precaution proportionality weapon attack objective military necessity neutrality impartiality "
    "independence consent government authority community family child woman older person disability "
    "migrant return border transit origin destination "
).split()


def generate(folder: Path, count: int, seed: int = 1) -> None:
    """``count`` entries of about 3 KB each, with four sections, made of a fixed vocabulary."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)

    def sentence(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    for number in range(count):
        sections = "".join(
            f'\n[[sections]]\ntitle = "Part {part}"\ntext = """{" ".join(sentence(12) for _ in range(9))}"""\n'
            for part in range(1, 5)
        )
        others = [other for other in (rng.randrange(count) for _ in range(3)) if other != number]
        see_also = ", ".join(f'"gen-{other}"' for other in others)
        (folder / f"gen-{number}.toml").write_text(
            f'title = "Generated entry {number} on {rng.choice(WORDS)}"\n'
            f'summary = "{sentence(20)}"\naliases = ["G{number}"]\nsee_also = [{see_also}]\n{sections}',
            encoding="utf-8",
        )


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in KiB of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def measure(command: list[str], baseline: list[str], env: dict[str, str], runs: int) -> tuple[float, float, int]:
    """Median time of ``command``, median of its ratio to ``baseline`` run just before it, peak KiB.

    Alternating the two keeps a busy or throttled machine from skewing the ratio.
    """
    run_once(command, env)  # warm the file cache (and hlaw's index)
    times, ratios, peak = [], [], 0
    for _ in range(runs):
        base, _ = run_once(baseline, env)
        elapsed, kib = run_once(command, env)
        times.append(elapsed)
        ratios.append(elapsed / base)
        peak = max(peak, kib)
    return statistics.median(times), statistics.median(ratios), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per case (default 15)")
    parser.add_argument("--entries", type=int, default=10_000, help="generated entries (default 10000)")
    args = parser.parse_args()

    hlaw = shutil.which("hlaw", path=str(Path(sys.executable).parent))
    if hlaw is None:
        raise SystemExit("hlaw is not installed next to this Python; run with the venv's python")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        (base / "hello.py").write_text(HELLO)
        # Bytecode caches on, as for any installed package (some shells set PYTHONDONTWRITEBYTECODE).
        drop = ("HLAW_ENTRIES", "NO_COLOR", "PYTHONDONTWRITEBYTECODE")
        env = {k: v for k, v in os.environ.items() if k not in drop}
        env.update(XDG_CACHE_HOME=str(base / "cache"), XDG_DATA_HOME=str(base / "data"))
        hello = [sys.executable, str(base / "hello.py"), "hello"]
        rows: list[tuple[str, float, float, int]] = []
        rows.append(("python -c pass", *measure([sys.executable, "-c", "pass"], hello, env, args.runs)))
        rows.append(("hello-world Typer app", *measure(hello, hello, env, args.runs)))
        for label, argv in (
            ("hlaw show iom --json", ["show", "iom", "--json"]),
            ("hlaw show iom (plain, piped)", ["show", "iom"]),
            ("hlaw search migrant --json", ["search", "migrant", "--json"]),
        ):
            rows.append((label, *measure([hlaw, *argv], hello, env, args.runs)))

        generate(base / "generated", args.entries)
        big = {**env, "HLAW_ENTRIES": str(base / "generated")}
        cold = []
        for _ in range(3):
            shutil.rmtree(base / "cache", ignore_errors=True)
            cold.append(run_once([hlaw, "show", "gen-1", "--json"], big))
        hello_time = statistics.median(run_once(hello, env)[0] for _ in range(args.runs))
        cold_time = statistics.median(c[0] for c in cold)
        rows.append(
            (f"cold: first run, {args.entries:,} entries", cold_time, cold_time / hello_time, max(c[1] for c in cold))
        )
        for label, argv in (
            (f"search, {args.entries:,} entries", ["search", "protection camp", "--json"]),
            (f"show <id>, {args.entries:,} entries", ["show", "gen-42", "--json"]),
        ):
            rows.append((label, *measure([hlaw, *argv], hello, big, args.runs)))

    print(f"Python {sys.version.split()[0]}, {args.runs} runs per case, each just after a hello-world run\n")
    print("| case | median time | median × hello-world | peak memory |\n|---|---:|---:|---:|")
    for label, seconds, ratio, kib in rows:
        print(f"| {label} | {seconds * 1000:.0f} ms | {ratio:.2f} | {kib / 1024:.0f} MB |")


if __name__ == "__main__":
    main()
