"""Run join rushes against two trees of quizapp served at once, taking turns in chunks, so both meet the same background load.

    .venv/bin/python bench/load/interleaved.py OTHER_TREE [--database sqlite|postgresql+psycopg://.../quizapp_bench_ab]
                                               [--chunks 10] [--chunk 200]

This tree and OTHER_TREE (a worktree of another commit) are each served as
bench/load/run.py serves them (gunicorn with the tree's gunicorn.conf.py, 2
workers x 8 threads) on a scratch database of their own with the seed quiz
(on PostgreSQL, the named database with _0 and _1 added). Chunks of --chunk
new students then join each server in turn, 64 at a time, the first server
alternating; each server's CPU time (user + system) is summed over its own
chunks. On a machine that other jobs load, two runs one after the other
differ by more than most changes to the app; chunks taken in turn do not.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import run  # noqa: E402
from tests import served  # noqa: E402


def commit_of(tree: Path) -> str:
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=tree, capture_output=True,
                          text=True).stdout.strip() or "(no git)"


async def compare(trees: list[Path], database: str, chunks: int, chunk: int) -> None:
    with ExitStack() as stack:
        servers = []
        for number, tree in enumerate(trees):
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="quizapp-interleaved-")))
            url = stack.enter_context(run.scratch_database(database if database == "sqlite" else f"{database}_{number}",
                                                           folder))
            instance = folder / "instance"
            instance.mkdir()
            code = run.prepare(url, instance)  # the schema and seed quiz of this tree; both trees' match
            port = served.free_port()
            env = {**served.server_environment(url, instance, 2, 8), "PYTHONPATH": str(tree)}
            command = [str(Path(sys.executable).parent / "gunicorn"), "-c", str(tree / "gunicorn.conf.py"),
                       "--bind", f"127.0.0.1:{port}", "--chdir", str(tree / "bench" / "load"), "wsgi:application"]
            process = stack.enter_context(served.serving(command, env, tree / "bench" / "load", port,
                                                         instance / "server.log"))
            base = f"http://127.0.0.1:{port}"
            await run.warm_up(base, code, 16)
            servers.append({"tree": tree, "base": base, "code": code, "pid": process.pid, "joins": 0,
                            "seconds": 0.0, "cpu": 0.0, "browsers": 0.0})
        load = os.getloadavg()[0]
        for turn in range(chunks):
            for server in servers if turn % 2 == 0 else servers[::-1]:
                before = run.server_cpu_seconds(server["pid"])
                rate, browsers_ms, stats = await run.join_rush(server["base"], server["code"], chunk, 64)
                server["cpu"] += run.server_cpu_seconds(server["pid"]) - before
                server["joins"] += chunk
                server["seconds"] += chunk / rate
                server["browsers"] += browsers_ms * chunk / 1000
                if stats.errors:
                    raise SystemExit(f"errors in the rush on {server['tree']}: {stats.examples}")
        label = "SQLite" if database == "sqlite" else "PostgreSQL"
        print(f"{label}: {chunks} chunks of {chunk} students per server, taking turns; load average "
              f"{load:.1f} before, {os.getloadavg()[0]:.1f} after")
        for server in servers:
            print(f"  {server['tree']} ({commit_of(server['tree'])}): {server['joins'] / server['seconds']:.0f} joins/s, "
                  f"server CPU {server['cpu'] * 1000 / server['joins']:.2f} ms per join, the browsers' own "
                  f"{server['browsers'] * 1000 / server['joins']:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("other", type=Path, help="another tree of quizapp (e.g. a worktree of main)")
    parser.add_argument("--database", default="sqlite", help="sqlite, or a PostgreSQL URL (database quizapp_bench*)")
    parser.add_argument("--chunks", type=int, default=10)
    parser.add_argument("--chunk", type=int, default=200)
    args = parser.parse_args()
    asyncio.run(compare([ROOT, args.other.resolve()], args.database, args.chunks, args.chunk))


if __name__ == "__main__":
    main()
