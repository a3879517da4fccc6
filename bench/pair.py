#!/usr/bin/env python3
"""Measures a ratio of two commands in one time window: runs them in turn, A B then B A, round after
round, so that a machine that speeds up or slows down over the minutes of a benchmark moves both
alike (on a shared VM two runs of the same binary five minutes apart differed by a third; ratios of
medians measured minutes apart moved a goal from met to missed and back).

Each round times both commands as whole processes (fork, exec, wait; stdout to /dev/null), one
untimed run of each comes first. Appends one JSON line to RESULTS: the medians of A and B, the median
of the rounds' ratios A ÷ B (the figure the goals are judged by), and every round.

Usage: pair.py RESULTS SIZE NAME ROUNDS -- COMMAND_A... ::: COMMAND_B...
"""
import json
import statistics
import sys

from measure import timed


def main():
    results, size, name, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    rest = sys.argv[5:]
    if not rest or rest[0] != "--" or ":::" not in rest:
        sys.exit(__doc__)
    split = rest.index(":::")
    a, b = rest[1:split], rest[split + 1:]

    def wall(command):
        return timed(command, f"{name} ({size})")[0]

    wall(a), wall(b)
    walls_a, walls_b, ratios = [], [], []
    for turn in range(rounds):
        if turn % 2 == 0:
            wa, wb = wall(a), wall(b)
        else:
            wb, wa = wall(b), wall(a)
        walls_a.append(wa)
        walls_b.append(wb)
        ratios.append(wa / wb)
    record = {
        "size": size, "operation": name, "kind": "pair", "runs": rounds,
        "a_ms": round(statistics.median(walls_a), 2), "b_ms": round(statistics.median(walls_b), 2),
        "ratio": round(statistics.median(ratios), 3),
        "all_ratio": [round(x, 3) for x in ratios],
    }
    with open(results, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"  {size:9} {name:44} {record['ratio']:6.2f}   ({record['a_ms']:.1f} ms ÷ {record['b_ms']:.1f} ms, "
          f"{rounds} rounds in turn)", flush=True)


if __name__ == "__main__":
    main()
