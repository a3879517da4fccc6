#!/usr/bin/env python3
"""Renders bench/run's results (JSON lines from measure.py) as Markdown: the figures per size, the
ratios to pandoc and to the .dump floor, and the issue's targets met or missed.

Usage: table.py RESULTS.jsonl [--update BENCHMARKS.md] [--machine]
With --update, replaces the part of the file between <!-- results:begin --> and <!-- results:end -->
(and, with --machine, between <!-- machine:begin --> and <!-- machine:end -->). The public site's rows
also go between <!-- site:begin --> and <!-- site:end -->; a run of only the site (bench/run --only
site) replaces that part alone and leaves the other tables as they are.
"""
import json
import os
import platform
import re
import subprocess
import sys

SIZES = ["municipal", "regional", "history", "national"]
# Actions and years of quarterly history per size (bench/run's generator arguments).
SHAPE = {"municipal": (34, 4), "regional": (2000, 5), "history": (2000, 20), "national": (15000, 10)}
FORMATS = ["xhtml", "fodt", "fods", "odt", "ods"]


def load(path):
    results = {}
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        results[(record["size"], record["operation"])] = record
    return results


def figures(results):
    sizes = [s for s in SIZES if any(k[0] == s for k in results)]
    operations = []
    for key, record in results.items():
        if record.get("kind") != "pair" and key[1] not in operations:
            operations.append(key[1])
    lines = ["| operation | " + " | ".join(f"{s} ms | {s} MB" for s in sizes) + " |",
             "|---|" + "---:|---:|" * len(sizes)]
    for operation in operations:
        cells = []
        for size in sizes:
            record = results.get((size, operation))
            cells += [f"{record['wall_ms']:,.1f}".replace(",", " "), f"{record['peak_mb']:.0f}"] if record else ["–", "–"]
        lines.append(f"| {operation} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ratios(results):
    sizes = [s for s in SIZES if (s, "sqlite3 .dump (floor)") in results]
    lines = ["| report | " + " | ".join(f"{s}: × floor | {s}: pandoc ÷ report" for s in sizes) + " |",
             "|---|" + "---:|---:|" * len(sizes)]
    for fmt in FORMATS:
        cells = []
        for size in sizes:
            report = results.get((size, f"report {fmt}"))
            floor = results.get((size, "sqlite3 .dump (floor)"))
            pandoc = results.get((size, "pandoc md → html" if fmt == "xhtml" else "pandoc md → odt"))
            if not report:
                cells += ["–", "–"]
                continue
            cells.append(f"{report['wall_ms'] / floor['wall_ms']:.1f}" if floor else "–")
            cells.append(f"{pandoc['wall_ms'] / report['wall_ms']:.1f}" if pandoc else "–")
        lines.append(f"| {fmt} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def in_turn(results):
    """The ratios bench/pair.py measured with both commands run in turn."""
    pairs = [(k, r) for k, r in results.items() if r.get("kind") == "pair"]
    lines = ["| size | ratio | A ÷ B | A (median) | B (median) | rounds |", "|---|---|---:|---:|---:|---:|"]
    for (size, name), r in sorted(pairs, key=lambda p: SIZES.index(p[0][0])):
        lines.append(f"| {size} | {name} | {r['ratio']:.2f} | {r['a_ms']:.1f} ms | {r['b_ms']:.1f} ms | {r['runs']} |")
    return "\n".join(lines)


def targets(results):
    rows = []

    def check(label, ok, detail):
        rows.append(f"| {label} | {'met' if ok else '**missed**'} | {detail} |")

    def judged(size, name, apart_ratio, apart):
        """The ratio a goal is judged by and its detail: the one measured in turn where there is one
        (bench/pair.py's `name`), with the ratio of the medians beside it; else the latter alone."""
        r = results.get((size, name))
        if not r:
            return apart_ratio, apart
        return r["ratio"], f"{r['ratio']:.2f} × in turn ({r['a_ms']:.1f} ms ÷ {r['b_ms']:.1f} ms, {r['runs']} rounds); {apart}"

    for size in SIZES:
        floor = results.get((size, "floor program (prints a line)"))
        # status missing is start-up only for a municipality's own plan; larger ones do real work.
        for operation, short in (("process start (--version)", "--version"),) + ((("status missing", "status missing"),) if size == "municipal" else ()):
            r = results.get((size, operation))
            if r and floor:
                ratio = r["wall_ms"] / floor["wall_ms"]
                ratio, detail = judged(size, f"{short} ÷ floor program", ratio,
                                       f"{ratio:.1f} × from the medians ({r['wall_ms']:.1f} ms, floor {floor['wall_ms']:.1f} ms)")
                check(f"{size} {operation} ≤ 2 × floor program", ratio <= 2, detail)
    for fmt in FORMATS:
        m = results.get(("municipal", f"report {fmt}"))
        if m:
            check(f"municipal report {fmt} ≤ 15 ms", m["wall_ms"] <= 15, f"{m['wall_ms']:.1f} ms")
    for fmt in FORMATS:
        n = results.get(("national", f"report {fmt}"))
        if n:
            check(f"national report {fmt} ≤ 2 s, ≤ 150 MB", n["wall_ms"] <= 2000 and n["peak_mb"] <= 150,
                  f"{n['wall_ms']:.0f} ms (best {min(n['all_wall_ms']):.0f}), {n['peak_mb']:.0f} MB")
    for size in ("regional", "history", "national"):
        floor = results.get((size, "sqlite3 .dump (floor)"))
        for fmt in FORMATS:
            r = results.get((size, f"report {fmt}"))
            if r and floor:
                ratio = r["wall_ms"] / floor["wall_ms"]
                check(f"{size} report {fmt} ≤ 3 × floor", ratio <= 3, f"{ratio:.1f} ×")
    for size in SIZES:
        for fmt in FORMATS:
            r = results.get((size, f"report {fmt}"))
            p = results.get((size, "pandoc md → html" if fmt == "xhtml" else "pandoc md → odt"))
            if r and p and fmt in ("xhtml", "odt", "fodt"):
                ratio = p["wall_ms"] / r["wall_ms"]
                ratio, detail = judged(size, f"pandoc → {'html' if fmt == 'xhtml' else 'odt'} ÷ report {fmt}", ratio,
                                       f"{ratio:.1f} × from the medians")
                check(f"{size} report {fmt} ≥ 10 × faster than pandoc", ratio >= 10, detail)
    s = results.get(("national", "status set"))
    if s:
        check("national status set ≤ 30 ms", s["wall_ms"] <= 30, f"{s['wall_ms']:.1f} ms")
    rows.extend(site_targets(results))
    return "| target | result | measured |\n|---|---|---|\n" + "\n".join(rows)


SITE_TARGETS = {"municipal": (100, None), "national": (30_000, 500)}


def site_targets(results):
    """The public site's targets: municipal ≤ 100 ms; national ≤ 30 s and ≤ 500 MB."""
    rows = []
    for size, (ms, mb) in SITE_TARGETS.items():
        r = results.get((size, "site"))
        if not r:
            continue
        ok = r["wall_ms"] <= ms and (mb is None or r["peak_mb"] <= mb)
        label = f"{size} site ≤ {ms} ms" if ms < 1000 else f"{size} site ≤ {ms // 1000} s"
        if mb:
            label += f", ≤ {mb} MB"
        detail = f"{r['wall_ms']:.1f} ms" if ms < 1000 else f"{r['wall_ms'] / 1000:.1f} s (best {min(r['all_wall_ms']) / 1000:.1f})"
        detail += f", {r['peak_mb']:.0f} MB"
        rows.append(f"| {label} | {'met' if ok else '**missed**'} | {detail} |")
    return rows


def site(results):
    """The public site's own section: its figures per size and its targets."""
    sizes = [s for s in SIZES if (s, "site") in results]
    lines = ["| size | actions | years | site ms | site MB | runs (ms) |", "|---|---:|---:|---:|---:|---|"]
    for size in sizes:
        r = results[(size, "site")]
        actions, years = SHAPE[size]
        runs = " · ".join(f"{x:,.0f}".replace(",", " ") for x in r["all_wall_ms"])
        wall = f"{r['wall_ms']:,.1f}".replace(",", " ")
        lines.append(f"| {size} | {actions} | {years} | {wall} | {r['peak_mb']:.0f} | {runs} |")
    return ("\n".join(lines) + "\n\n| target | result | measured |\n|---|---|---|\n" + "\n".join(site_targets(results)))


def scaling(results):
    lines = ["| size | actions | years | report xhtml ms | report odt ms | peak MB (odt) | status set ms | list --json ms | floor ms | import text ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size in SIZES:
        def w(op):
            r = results.get((size, op))
            return f"{r['wall_ms']:.0f}" if r else "–"
        odt = results.get((size, "report odt"))
        if not odt:
            continue
        actions, years = SHAPE[size]
        lines.append(f"| {size} | {actions} | {years} | {w('report xhtml')} | {w('report odt')} | {odt['peak_mb']:.0f} | "
                     f"{w('status set')} | {w('list actions --json')} | {w('sqlite3 .dump (floor)')} | {w('import plan text')} |")
    return "\n".join(lines)


def machine():
    def run(cmd):
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"
    model = run("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    memory = run("free -g | awk '/Mem:/ {print $2}'")
    swift = run("swift --version 2>&1 | head -1")
    pandoc = run("pandoc --version | head -1")
    sqlite = run("sqlite3 --version | cut -d' ' -f1")
    return (f"- CPU: {model}, {os.cpu_count()} cores (`nproc`: {run('nproc')})\n"
            f"- Memory: {memory} GiB\n- OS: {platform.platform()}\n- {swift}\n- {pandoc}; sqlite3 {sqlite}")


def replace(text, name, body):
    pattern = re.compile(rf"(<!-- {name}:begin -->\n).*?(<!-- {name}:end -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body.strip() + "\n" + m.group(2), text)


def main():
    results = load(sys.argv[1])
    site_only = all(key[1] == "site" for key in results)
    has_site = any(key[1] == "site" for key in results)
    body = "\n\n".join([
        "### Figures (median wall time in ms and peak resident memory in MB, each a whole process)", figures(results),
        "### Ratios", ratios(results),
        "### Ratios measured in turn (A and B run one after the other, round after round: the goals are judged by these)",
        in_turn(results),
        "### Targets", targets(results),
        "### Scaling", scaling(results),
    ]) + "\n"
    if "--update" in sys.argv:
        path = sys.argv[sys.argv.index("--update") + 1]
        text = open(path, encoding="utf-8").read()
        if not site_only:
            text = replace(text, "results", body)
        if has_site:
            text = replace(text, "site", site(results))
        if "--machine" in sys.argv and not site_only:
            text = replace(text, "machine", machine())
        open(path, "w", encoding="utf-8").write(text)
    else:
        sys.stdout.write(body)
        if has_site:
            sys.stdout.write("\n### Public site\n\n" + site(results) + "\n")


if __name__ == "__main__":
    main()
