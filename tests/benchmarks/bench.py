"""Benchmarks of salesdesk at a realistic size (DESIGN.md §8): never timed tests, a script.

    python tests/benchmarks/bench.py [--deals N | --file F] [--only SECTION] [--workdir DIR]
                                     [--repeat R] [--match TEXT] [--limit S] [--list]

The first run builds a file of N deals (default 1,000,000) through Store.add_deals and caches
it in --workdir (default /tmp/salesdesk-bench) by N, generator version and schema fingerprint,
so later runs start at once and a schema change rebuilds it. Each section prints a table:
operation, first run, median and p95 of R runs (default 7), the median of its plain-SQL
baseline in the same run, their ratio and PASS/FAIL against the section's target. On a busy
machine compare ratios, not absolute times across runs.

Adding a section: write ``tests/benchmarks/<name>_section.py`` with
``run(ctx: harness.Context) -> list[harness.Measurement]`` and add one line to SECTIONS.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import deals_list_section
from harness import Context, Measurement, print_table

SECTIONS: dict[str, Callable[[Context], list[Measurement]]] = {
    "deals_list": deals_list_section.run,
    "analytics": __import__("analytics_section").run,
    "import": __import__("import_section").run,
    "funnel_view": __import__("funnel_view_section").run,
    "jobs": __import__("jobs_section").run,
    "startup": __import__("startup_section").run,
    "growth": __import__("growth_section").run,
}

DEFAULT_WORKDIR = Path("/tmp/salesdesk-bench")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deals", type=int, default=1_000_000, help="deals in the file")
    parser.add_argument("--only", action="append", choices=sorted(SECTIONS), metavar="SECTION",
                        help=f"run only this section (repeatable): {', '.join(SECTIONS)}")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR,
                        help="folder caching the generated files (default %(default)s)")
    parser.add_argument("--file", type=Path,
                        help="time this existing salesdesk file instead (not modified"
                             " beyond what opening it does; --deals is then ignored)")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per operation (>= 5)")
    parser.add_argument("--limit", type=float, default=30.0,
                        help="interrupt a run after this many seconds (default %(default)s)")
    parser.add_argument("--match", help="only operations whose name contains this text")
    parser.add_argument("--list", action="store_true", help="list the sections and exit")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(SECTIONS))
        return 0
    if args.repeat < 5:
        parser.error("--repeat must be at least 5 (medians of fewer runs mean little)")
    ctx = Context(deals=args.deals, workdir=args.workdir, repeat=args.repeat, match=args.match,
                  limit_s=args.limit, file=args.file)
    started = time.perf_counter()
    for name in args.only or list(SECTIONS):
        size = str(args.file) if args.file else f"{args.deals:,} deals"
        print(f"\n## section {name} ({size}, {args.repeat} runs each)", flush=True)
        print_table(f"{name} @ {size}", SECTIONS[name](ctx))
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
