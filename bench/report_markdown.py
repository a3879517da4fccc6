#!/usr/bin/env python3
"""The period report's content as the Markdown a person would write without Agenda.

Reads `agenda list areas --json` and `agenda list actions --json` (and, when given, a JSON object
of action code -> status) and writes Markdown with the same content as `agenda report`: a summary
per insatsområde, each action's fields under its area, the planned costs per area, and per
förvaltning the actions it leads or shares. bench/run converts it with pandoc to ODT and HTML to
time the route a user would take instead of Agenda; writing this file is not timed.

Usage: report_markdown.py AREAS.json ACTIONS.json PERIOD [STATUSES.json] > report.md
"""
import json
import sys


def kronor(amount):
    return f"{amount:,}".replace(",", " ") + " kr"


def planned_total(action):
    total = 0
    for part in action["cost"]["parts"]:
        years = len(part["years"]) if part["kind"] == "recurring" else 1
        total += part["amount"] * max(years, 1)
    return total


def main():
    areas = json.load(open(sys.argv[1], encoding="utf-8"))
    actions = [a for a in json.load(open(sys.argv[2], encoding="utf-8")) if a["state"] != "withdrawn"]
    period = sys.argv[3]
    statuses = json.load(open(sys.argv[4], encoding="utf-8")) if len(sys.argv) > 4 else {}
    out = []
    w = out.append

    w(f"# Uppföljning av digital agenda – {period}\n")
    w("## Sammanfattning\n")
    w("| Insatsområde | Åtgärder | Rapporterade | Ej rapporterade |")
    w("|---|---:|---:|---:|")
    by_area = {}
    for action in actions:
        by_area.setdefault(action["area"], []).append(action)
    for area in areas:
        listed = by_area.get(area["number"], [])
        reported = sum(1 for a in listed if a["code"] in statuses)
        w(f"| {area['number']}. {area['title']} | {len(listed)} | {reported} | {len(listed) - reported} |")
    w("")

    for area in areas:
        w(f"## {area['number']}. {area['title']}\n")
        for action in by_area.get(area["number"], []):
            w(f"### {action['code']} {action['title']}\n")
            if action["plan"]["text"]:
                w("**Handlingsplan:**\n")
                for line in action["plan"]["text"].split("\n"):
                    if line.strip():
                        w(line.strip() + "\n")
            w(f"**Ansvarig:** {action['responsible'] or 'uppgift saknas'}\n")
            schedule = action["schedule"]
            w(f"**Tidsplan:** {schedule['text'] or 'uppgift saknas'}\n")
            for phase in schedule["phases"]:
                years = str(phase["startYear"]) if phase["startYear"] == phase["endYear"] else f"{phase['startYear']}–{phase['endYear']}"
                w(f"- {years}: {phase['label']}")
            if schedule["phases"]:
                w("")
            w(f"**Kostnad:** {action['cost']['text'] or 'uppgift saknas'}\n")
            if action["cost"]["parts"]:
                w(f"**Planerat belopp:** {kronor(planned_total(action))}\n")
            w("**Effektmål:**\n")
            for goal in action["effectGoals"] or ["uppgift saknas"]:
                w(f"- {goal}")
            w("")
            status = statuses.get(action["code"])
            if status:
                w(f"**Status:** {status['status']} ({status['light']})\n")
                for label, key in (("Kommentar", "comment"), ("Hinder", "obstacles"), ("Nästa steg", "nextSteps")):
                    if status.get(key):
                        w(f"**{label}:** {status[key]}\n")
                w(f"**Rapporterad av:** {status['reporter']}, {status['reportedAt']}\n")
            else:
                w("**Status:** Ingen rapport\n")

    w("## Planerade kostnader per insatsområde\n")
    w("| Insatsområde | Åtgärder | Planerat |")
    w("|---|---:|---:|")
    for area in areas:
        listed = by_area.get(area["number"], [])
        w(f"| {area['number']}. {area['title']} | {len(listed)} | {kronor(sum(planned_total(a) for a in listed))} |")
    w("")

    w("## Bilaga: åtgärder per förvaltning\n")
    by_department = {}
    for action in actions:
        units = ([action["responsibility"]["lead"]] if action["responsibility"].get("lead") else []) + action["responsibility"]["coResponsible"]
        for index, unit in enumerate(units):
            role = "leder" if index == 0 else "deltar"
            rows = by_department.setdefault(unit["department"], [])
            if not any(code == action["code"] for code, *_ in rows):
                rows.append((action["code"], action["title"], role, action["schedule"]["text"] or "uppgift saknas"))
    for department, rows in by_department.items():
        w(f"### {department}\n")
        w("| Kod | Åtgärd | Roll | Tidsplan |")
        w("|---|---|---|---|")
        for code, title, role, schedule in rows:
            w(f"| {code} | {title} | {role} | {schedule.replace('|', '/')} |")
        w("")

    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
