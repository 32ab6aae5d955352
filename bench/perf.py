"""Throughput, memory and scaling of axis-ingest, against bare trafilatura in the same run.

Each measurement runs in its own child process, so its peak memory is its own:
the peak RSS of the whole process tree (the child, the forkserver and the pool
workers) is sampled from /proc every SAMPLE_SECONDS, and getrusage(SELF) +
getrusage(CHILDREN) is reported beside it (the latter is the largest single
worker, so the sum is a lower bound).  CPU time (user+sys of the whole tree,
`_tree_cpu_seconds`) is reported per document beside wall docs/s: on a machine
shared with other work, wall time is noisy and CPU time much less so.

* html: bare `trafilatura.extract` (defaults, single process, as a user calls
  it; also with fast=True, the setting the reader uses) over the AEB pages
  copied to --html-docs distinct files, then the full pipeline (`run_ingest`
  into a fresh SQLite database, 2 worker processes) over the same files;
  --rounds times, alternated, and the round with the median ratio is kept
  (on a shared 2-core VM one round's ratio ranged 0.83-1.06).
  Skipped with a message when ../shared/bench is absent.
* text+json: the pipeline over --text-docs generated scraped/wire/PDF/WordPress files.
* scaling: the generated mixed corpus (bench/corpus.py) at --scales (default
  1k,10k; --full adds 100k): time, peak RSS, database size, then a re-run on
  the unchanged folder.

Prints a table and writes bench/results/perf.json.  Never asserts timings.

    .venv/bin/python bench/perf.py [--html-docs 2000] [--rounds 3] [--text-docs 2000] [--scales 1k,10k] [--full]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench._shared import PROJECT_ROOT, SHARED_BENCH

RESULTS = PROJECT_ROOT / "bench" / "results" / "perf.json"
CORPUS_CACHE = Path(tempfile.gettempdir()) / "axis-perf-corpus"
SAMPLE_SECONDS = 0.25
TEXT_KINDS = ("scraped", "wire", "wp_post", "wp_list", "pdf")


# --- memory ---------------------------------------------------------------------------------


def _proc_stats() -> dict[int, list[bytes]]:
    """The fields of /proc/PID/stat after the command name, per live process ({} where /proc is missing)."""
    stats: dict[int, list[bytes]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return stats
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stats[int(entry)] = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
    return stats


def _tree_sum(root: int, value: dict[int, float], children: dict[int, list[int]]) -> float:
    """Sum of `value` over `root` and all its descendants."""
    total, stack = 0.0, [root]
    while stack:
        pid = stack.pop()
        total += value.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


def _children(stats: dict[int, list[bytes]]) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for pid, fields in stats.items():
        children.setdefault(int(fields[1]), []).append(pid)  # fields[1] = ppid
    return children


def _tree_rss_bytes(root: int) -> int:
    """RSS of `root` and all its descendants, from /proc (0 where /proc is missing)."""
    stats = _proc_stats()
    page = os.sysconf("SC_PAGE_SIZE")
    rss = {pid: int(fields[21]) * page for pid, fields in stats.items()}  # fields[21] = rss in pages
    return int(_tree_sum(root, rss, _children(stats)))


class PeakSampler:
    """Samples the process tree's RSS in a thread; `peak` is the largest sum seen."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss_bytes(os.getpid()))
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _tree_rss_bytes(os.getpid()))


def _tree_cpu_seconds() -> float:
    """CPU seconds (user+sys) of this process, its reaped children and every live descendant.

    Read after the pool is shut down: its workers have then been reaped by the forkserver,
    so they are in the forkserver's cutime/cstime (a worker still alive counts by itself).
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    tick = os.sysconf("SC_CLK_TCK")
    stats = _proc_stats()
    seconds = {pid: sum(int(f) for f in fields[11:15]) / tick for pid, fields in stats.items()}  # u/s/cu/cs time
    children = _children(stats)
    descendants = sum(_tree_sum(child, seconds, children) for child in children.get(os.getpid(), ()))
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime + descendants


def _rusage_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rusage_self_mb": round(own, 1), "rusage_children_max_mb": round(kids, 1)}


# --- inputs ---------------------------------------------------------------------------------


def html_folder(target: Path, docs: int) -> int:
    """AEB pages copied to `docs` distinct files (a comment and the <title> carry the copy number)."""
    pages = sorted((SHARED_BENCH / "aeb" / "html").glob("*.html.gz"))
    texts = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages]
    target.mkdir(parents=True, exist_ok=True)
    for n in range(docs):
        text = texts[n % len(texts)]
        if n >= len(texts):
            copy = n // len(texts)
            text = text.replace("<title>", f"<title>[{copy}] ", 1).replace("<head>", f"<head><!-- copy {copy} -->", 1)
        folder = target / f"{n // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{n:05d}.html").write_text(text, encoding="utf-8")
    return docs


def corpus_folder(docs: int, seed: int, kinds: tuple[str, ...] | None = None) -> Path:
    """The generated corpus, cached under the temp folder (same seed and count, same files)."""
    from bench import corpus

    name = f"{seed}-{docs}-{'all' if kinds is None else '+'.join(kinds)}"
    folder = CORPUS_CACHE / name
    if (folder / ".complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    weights = corpus.KIND_WEIGHTS
    if kinds is not None:
        corpus.KIND_WEIGHTS = {k: v for k, v in weights.items() if k in kinds}
    try:
        corpus.generate(folder, docs, seed)
    finally:
        corpus.KIND_WEIGHTS = weights
    (folder / ".complete").touch()
    return folder


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


# --- measurements (each in a child process) --------------------------------------------------


def measure_bare(folder: str, fast: bool) -> dict[str, object]:
    import trafilatura

    files = _files_under(Path(folder))
    with PeakSampler() as sampler:
        cpu, started = _tree_cpu_seconds(), time.perf_counter()
        extracted = 0
        for path in files:
            text = path.read_bytes().decode("utf-8", "replace")
            if trafilatura.extract(text, fast=fast):
                extracted += 1
        seconds = time.perf_counter() - started
        cpu = _tree_cpu_seconds() - cpu
    return {
        "docs": len(files),
        "extracted": extracted,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss_mb": sampler.peak / 2**20,
        **_rusage_mb(),
    }


def measure_pipeline(folder: str, db_dir: str, workers: int | None) -> dict[str, object]:
    from axis_ingest.run import run_ingest

    files = len(_files_under(Path(folder)))
    db = Path(db_dir) / "axis.sqlite"
    with PeakSampler() as sampler:
        cpu, started = _tree_cpu_seconds(), time.perf_counter()
        summary = run_ingest(paths=[folder], db=db, clean_dir=Path(db_dir) / "clean", workers=workers)
        seconds = time.perf_counter() - started
        time.sleep(0.3)  # let the forkserver reap the pool's workers (their CPU moves to its cutime)
        cpu = _tree_cpu_seconds() - cpu
    size = sum(p.stat().st_size for p in Path(db_dir).glob("axis.sqlite*"))
    info = summary.as_dict()
    return {
        "docs": files,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss_mb": sampler.peak / 2**20,
        **_rusage_mb(),
        "db_mb": size / 2**20,
        "articles_new": info["new_articles"],
        "loaded": info["loaded"],
        "rejected": info["rejected"],
        "unchanged": info["unchanged"],
        "near_duplicates": info["near_duplicate_articles"],
        "stage_seconds": info["stage_seconds"],
    }


def _child(kind: str, **kwargs: object) -> dict[str, object]:
    """Run one measurement in a fresh interpreter and return its JSON."""
    cmd = [sys.executable, __file__, "--measure", json.dumps({"kind": kind, **kwargs})]
    # The pool's forkserver is a fresh interpreter: only the environment reaches it, not this file's sys.path
    # inserts, so without this a checkout's perf.py measured the installed (editable) checkout's workers.
    source = str(PROJECT_ROOT / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"measurement {kind} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _measure_main(spec: str) -> None:
    import logging

    logging.disable(logging.WARNING)  # trafilatura and friends log per page
    args = json.loads(spec)
    kind = args.pop("kind")
    result = measure_bare(**args) if kind == "bare" else measure_pipeline(**args)
    print(json.dumps(result))


# --- the run --------------------------------------------------------------------------------


def _rate(row: dict[str, object]) -> float:
    return float(row["docs"]) / float(row["seconds"])  # type: ignore[arg-type]


def _cpu_ms(row: dict[str, object]) -> float:
    """CPU milliseconds (user+sys, whole process tree) per document."""
    return 1000 * float(row["cpu_seconds"]) / float(row["docs"])  # type: ignore[arg-type]


def _scale(text: str) -> int:
    text = text.strip().lower()
    return int(float(text[:-1]) * 1000) if text.endswith("k") else int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html-docs", type=int, default=2000, help="HTML files for the trafilatura comparison")
    parser.add_argument("--rounds", type=int, default=3, help="alternated bare/pipeline HTML rounds (median kept)")
    parser.add_argument("--text-docs", type=int, default=2000, help="generated text+JSON files")
    parser.add_argument("--scales", default="1k,10k", help="corpus sizes for the scaling runs, e.g. 1k,10k")
    parser.add_argument("--full", action="store_true", help="add the 100k scaling run")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: html,text,scaling")
    parser.add_argument("--workers", type=int, default=None, help="pipeline worker processes (default: cores)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure_main(args.measure)
        return

    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    scales = [_scale(s) for s in args.scales.split(",") if s.strip()]
    if args.full and 100_000 not in scales:
        scales.append(100_000)
    results: dict[str, object] = {
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "args": {k: v for k, v in vars(args).items() if k not in ("measure", "out")},
    }
    rows: list[tuple[str, ...]] = []

    def table_row(name: str, r: dict[str, object], ratio: str = "", cpu_ratio: str = "") -> None:
        rate, cpu, rss = f"{_rate(r):,.1f}", f"{_cpu_ms(r):,.2f}", f"{r['peak_rss_mb']:,.0f}"
        rows.append((name, f"{r['docs']}", rate, ratio, cpu, cpu_ratio, rss))

    with tempfile.TemporaryDirectory(prefix="axis-perf-") as tmp:
        work = Path(tmp)
        if "html" not in skip:
            if not (SHARED_BENCH / "aeb" / "html").is_dir():
                print(f"skipped html: {SHARED_BENCH / 'aeb' / 'html'} not found (AEB pages live in ../shared/bench)")
            else:
                folder = work / "html"
                html_folder(folder, args.html_docs)
                rounds = []
                for _ in range(args.rounds):  # alternated, so drift on a shared machine hits both sides
                    bare = _child("bare", folder=str(folder), fast=False)
                    bare_fast = _child("bare", folder=str(folder), fast=True)
                    shutil.rmtree(work / "db-html", ignore_errors=True)
                    pipe = _child("pipeline", folder=str(folder), db_dir=str(work / "db-html"), workers=args.workers)
                    rounds.append((bare, bare_fast, pipe, _rate(pipe) / _rate(bare)))
                bare, bare_fast, pipe, ratio = sorted(rounds, key=lambda r: r[3])[len(rounds) // 2]  # the median
                results["html"] = {
                    "bare_trafilatura": bare,
                    "bare_trafilatura_fast": bare_fast,
                    "pipeline": pipe,
                    "ratio_vs_bare": ratio,
                    "ratio_vs_bare_fast": _rate(pipe) / _rate(bare_fast),
                    "ratio_each_round": [r[3] for r in rounds],
                    # bare CPU per document / pipeline CPU per document: the ratio on an idle 1-core share
                    "cpu_ratio_vs_bare": _cpu_ms(bare) / _cpu_ms(pipe),
                    "cpu_ratio_each_round": [_cpu_ms(r[0]) / _cpu_ms(r[2]) for r in rounds],
                }
                table_row("html: trafilatura.extract (1 proc)", bare)
                table_row("html: trafilatura.extract fast=True", bare_fast)
                table_row("html: pipeline", pipe, f"{ratio:.2f}x", f"{_cpu_ms(bare) / _cpu_ms(pipe):.2f}x")
                if len(rounds) > 1:
                    print("html ratio per round: " + ", ".join(f"{r[3]:.2f}x" for r in rounds) + " (median shown)")
                    print(
                        "html CPU ratio (bare ms/doc / pipeline ms/doc) per round: "
                        + ", ".join(f"{_cpu_ms(r[0]) / _cpu_ms(r[2]):.2f}x" for r in rounds)
                    )
        if "text" not in skip:
            folder = corpus_folder(args.text_docs, args.seed, TEXT_KINDS)
            pipe = _child("pipeline", folder=str(folder), db_dir=str(work / "db-text"), workers=args.workers)
            results["text_json"] = pipe
            table_row("text+json: pipeline", pipe)
        if "scaling" not in skip:
            scaling: dict[str, object] = {}
            for n in scales:
                folder = corpus_folder(n, args.seed)
                db_dir = work / f"db-{n}"
                first = _child("pipeline", folder=str(folder), db_dir=str(db_dir), workers=args.workers)
                again = _child("pipeline", folder=str(folder), db_dir=str(db_dir), workers=args.workers)
                scaling[str(n)] = {"first": first, "rerun": again}
                table_row(f"mixed {n:,}: first run", first)
                table_row(f"mixed {n:,}: re-run unchanged", again)
                shutil.rmtree(db_dir, ignore_errors=True)
            if "10000" in scaling and "100000" in scaling:
                ratio = scaling["100000"]["first"]["seconds"] / scaling["10000"]["first"]["seconds"]  # type: ignore[index]
                scaling["time_ratio_100k_10k"] = ratio
            results["scaling"] = scaling

    header = ("measurement", "docs", "docs/s", "ratio", "CPU ms/doc", "CPU ratio", "peak RSS MB")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))))
    scaling = results.get("scaling", {})
    for n, entry in scaling.items():  # type: ignore[union-attr]
        if isinstance(entry, dict):
            f, a = entry["first"], entry["rerun"]
            print(
                f"mixed {int(n):,}: first {f['seconds']:.1f} s, re-run {a['seconds']:.1f} s, "
                f"DB {f['db_mb']:.1f} MB, {f['articles_new']} articles ({f['near_duplicates']} near-dup)"
            )
    if "time_ratio_100k_10k" in scaling:  # type: ignore[operator]
        print(f"time 100k / 10k: {scaling['time_ratio_100k_10k']:.2f}x")  # type: ignore[index]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
