"""Profile the whole pipeline in one process (pyinstrument), on the text+JSON corpus or on AEB HTML pages.

Runs `run_ingest` with one worker, so reading, preparing, storing and clean-file
writing all happen in this process and show in one profile.  Prints the CPU
time per document (user+sys of this process: noise from a shared machine
inflates wall time, much less CPU time) and the profile, trimmed to the calls
over --min-share of the run.  pyinstrument is a dev tool: `pip install pyinstrument`.

    .venv/bin/python bench/profile_pipeline.py                    # 2,000 generated text/JSON files
    .venv/bin/python bench/profile_pipeline.py --html 300         # 300 AEB pages (../shared/bench)
    .venv/bin/python bench/profile_pipeline.py --no-profile       # CPU time only (no sampling overhead)
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench.perf import TEXT_KINDS, corpus_folder, html_folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text-docs", type=int, default=2000, help="generated text+JSON files (bench/corpus.py)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--html", type=int, default=0, help="profile this many AEB HTML pages instead")
    parser.add_argument("--min-share", type=float, default=0.01, help="hide calls under this share of the run")
    parser.add_argument("--no-profile", action="store_true", help="measure CPU time without the profiler")
    parser.add_argument("--html-out", type=Path, help="also write pyinstrument's HTML report here")
    args = parser.parse_args()

    from axis_ingest.run import run_ingest

    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="axis-profile-") as tmp:
        work = Path(tmp)
        if args.html:
            folder = work / "html"
            html_folder(folder, args.html)
        else:
            folder = corpus_folder(args.text_docs, args.seed, TEXT_KINDS)
        docs = sum(1 for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
        # Warm up imports and models outside the measurement (a worker does this once per run).
        from axis_ingest import warmup  # noqa: F401

        profiler = None
        if not args.no_profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
        cpu, wall = time.process_time(), time.perf_counter()
        summary = run_ingest(paths=[str(folder)], db=work / "axis.sqlite", clean_dir=work / "clean", workers=1)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        if profiler is not None:
            profiler.stop()
        info = summary.as_dict()
        print(
            f"{docs} files, {info['new_articles']} new articles, {info['rejected']} rejected: "
            f"{1000 * cpu / docs:.2f} CPU ms/doc, {1000 * wall / docs:.2f} wall ms/doc (1 process)"
        )
        if profiler is not None:
            print(profiler.output_text(unicode=True, show_all=False, color=False, time="percent_of_total"))
            if args.html_out:
                args.html_out.write_text(profiler.output_html(), encoding="utf-8")


if __name__ == "__main__":
    main()
