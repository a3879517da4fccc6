#!/usr/bin/env python3
"""Runs one command several times as a whole process and records its wall time and peak memory.

Wall time is a monotonic clock around fork, exec and wait; peak memory is the child's maximum
resident set size as wait4(2) reports it (the figure `/usr/bin/time -f %M` prints). stdout goes
to /dev/null unless --stdout names a file. A `--before` shell command runs before each run,
untimed (to remove the database an import writes, say). With more than one run, one untimed run
comes first (with its --before): the first run after a build reads the new binary from disk and
took up to half as long again as the rest. Appends one JSON line per operation to RESULTS with
every run and the medians.

Usage: measure.py RESULTS SIZE OPERATION RUNS [--before CMD] [--stdout FILE] -- COMMAND...
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def timed(command, what, stdout_path=os.devnull):
    """Runs `command` once as a whole process: its wall time in ms and peak resident memory in MB.
    Exits with its stderr when it fails (`what` names it)."""
    # stderr goes to a file, not a pipe: an import's warnings fill a pipe's 64 KB long before the
    # child exits, and a child blocked on a full pipe never reaches wait4.
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if returncode != 0:
        sys.exit(f"{os.path.basename(sys.argv[0])}: {what} failed with status {returncode}: {' '.join(command)}\n{stderr[-4000:]}")
    return wall * 1000, usage.ru_maxrss / 1024


def main():
    results, size, operation, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    rest = sys.argv[5:]
    before, stdout_path = None, os.devnull
    while rest and rest[0] != "--":
        if rest[0] == "--before":
            before, rest = rest[1], rest[2:]
        elif rest[0] == "--stdout":
            stdout_path, rest = rest[1], rest[2:]
        else:
            sys.exit(f"measure.py: unknown option {rest[0]}")
    command = rest[1:]
    walls, peaks = [], []
    for run in range(runs + 1 if runs > 1 else 1):
        if before:
            subprocess.run(before, shell=True, check=True)
        wall, peak = timed(command, f"{operation} ({size})", stdout_path)
        if runs > 1 and run == 0:
            continue
        walls.append(wall)
        peaks.append(peak)
    record = {
        "size": size, "operation": operation, "runs": runs,
        "wall_ms": round(statistics.median(walls), 1), "peak_mb": round(statistics.median(peaks), 1),
        "all_wall_ms": [round(x, 1) for x in walls], "all_peak_mb": [round(x, 1) for x in peaks],
    }
    with open(results, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"  {size:9} {operation:28} {record['wall_ms']:9.1f} ms  {record['peak_mb']:7.1f} MB   (median of {runs})", flush=True)


if __name__ == "__main__":
    main()
