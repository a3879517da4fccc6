#!/usr/bin/env python3
"""Builds the word-processor test documents from the project's own Mölndal plan text.

Writes flat OpenDocument (.fodt) files with ElementTree (no markup by hand), then
make-documents.sh converts them with LibreOffice to .docx and .odt:

  molndal-typed  headings and numbered list items with their numbers typed in the text
  molndal-auto   the same plan with every heading and list number left to the document's
                 numbering (outline numbering, numbered list styles)
  molndal-cut    molndal-auto cut off before "5. E-hälsa", as a damaged copy would be: its
                 table of contents still names areas 5-9
  table-plan     a small plan whose actions are label -> value tables, with a footnote,
                 a comment, a header and a footer

Every document has a page header and footer that must not reach the plan.
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)


def q(name):
    prefix, local = name.split(":")
    return "{%s}%s" % (NS[prefix], local)


def sub(parent, name, attrs=None, text=None):
    element = ET.SubElement(parent, q(name), {q(k): v for k, v in (attrs or {}).items()})
    if text is not None:
        element.text = text
    return element


LABELS = ("Handlingsplan", "Ansvarig", "Ansvar", "Tidsplan", "Kostnader", "Kostnad", "Effektmål", "Effektivitet")


class Document:
    def __init__(self, auto_numbers):
        self.auto = auto_numbers
        self.root = ET.Element(q("office:document"), {q("office:version"): "1.3", q("office:mimetype"): "application/vnd.oasis.opendocument.text"})
        styles = sub(self.root, "office:styles")
        for level in (1, 2, 3):
            style = sub(styles, "style:style", {"style:name": "Heading_20_%d" % level, "style:display-name": "Heading %d" % level,
                                                "style:family": "paragraph", "style:default-outline-level": str(level)})
            sub(style, "style:text-properties", {"fo:font-weight": "bold"})
        sub(styles, "style:style", {"style:name": "Title", "style:family": "paragraph"})
        outline = sub(styles, "text:outline-style", {"style:name": "Outline"})
        for level in range(1, 11):
            attrs = {"text:level": str(level), "style:num-format": ""}
            if self.auto and level <= 3:
                attrs["style:num-format"] = "1"
                attrs["text:display-levels"] = str(level)
                if level == 1:
                    attrs["style:num-suffix"] = "."
            sub(outline, "text:outline-level-style", attrs)
        for name, numbered in (("Numbers", True), ("Bullets", False)):
            list_style = sub(styles, "text:list-style", {"style:name": name})
            for level in range(1, 4):
                if numbered:
                    attrs = {"text:level": str(level), "style:num-format": "1" if self.auto else "", "style:num-suffix": "." if self.auto else ""}
                    sub(list_style, "text:list-level-style-number", attrs)
                else:
                    sub(list_style, "text:list-level-style-bullet", {"text:level": str(level), "text:bullet-char": "•"})
        automatic = sub(self.root, "office:automatic-styles")
        bold = sub(automatic, "style:style", {"style:name": "Strong", "style:family": "text"})
        sub(bold, "style:text-properties", {"fo:font-weight": "bold"})
        layout = sub(automatic, "style:page-layout", {"style:name": "Page"})
        sub(layout, "style:page-layout-properties", {"fo:page-width": "21cm", "fo:page-height": "29.7cm"})
        masters = sub(self.root, "office:master-styles")
        master = sub(masters, "style:master-page", {"style:name": "Standard", "style:page-layout-name": "Page"})
        sub(sub(master, "style:header"), "text:p", text="Mölndals stad – sidhuvud som inte hör till planen")
        footer = sub(sub(master, "style:footer"), "text:p", text="Sidfot: sida ")
        sub(footer, "text:page-number", text="1")
        self.body = sub(sub(self.root, "office:body"), "office:text")
        self.open_list = None

    def paragraph(self, text, style=None, parent=None):
        self.open_list = None
        attrs = {"text:style-name": style} if style else {}
        p = sub(parent if parent is not None else self.body, "text:p", attrs)
        self.inline(p, text)
        return p

    def inline(self, p, text):
        """Text with tabs as text:tab and a leading field label in bold."""
        label = next((l for l in LABELS if text.startswith(l + ":")), None)
        last = None
        if label:
            last = sub(p, "text:span", {"text:style-name": "Strong"}, label + ":")
            text = text[len(label) + 1:]
        for index, piece in enumerate(text.split("\t")):
            if index > 0:
                last = sub(p, "text:tab")
            if piece:
                if last is None:
                    p.text = (p.text or "") + piece
                else:
                    last.tail = (last.tail or "") + piece

    def bold_lead(self, label, rest):
        """A paragraph that starts with a bold label without a colon: "**Ansvar** Stadsledningsförvaltningen"."""
        self.open_list = None
        p = sub(self.body, "text:p")
        sub(p, "text:span", {"text:style-name": "Strong"}, label).tail = " " + rest

    def heading(self, level, number, title):
        self.open_list = None
        h = sub(self.body, "text:h", {"text:style-name": "Heading_20_%d" % level, "text:outline-level": str(level)})
        h.text = title if self.auto else "%s %s" % (number, title)

    def list_item(self, numbered, level, text):
        """Level 0 items open or continue a list; level 1 items nest in the last level-0 item."""
        style = "Numbers" if numbered else "Bullets"
        if level == 0:
            if self.open_list is None or self.open_list[0] != style:
                self.open_list = (style, sub(self.body, "text:list", {"text:style-name": style}), None)
            item = sub(self.open_list[1], "text:list-item")
            self.open_list = (style, self.open_list[1], item)
        else:
            parent_item = self.open_list[2]
            nested = parent_item.find(q("text:list"))
            if nested is None:
                nested = sub(parent_item, "text:list", {"text:style-name": "Bullets"})
            item = sub(nested, "text:list-item")
        p = sub(item, "text:p")
        self.inline(p, text)

    def table(self, rows, header_cells_bold=False):
        self.open_list = None
        columns = max(len(r) for r in rows)
        t = sub(self.body, "table:table", {"table:name": "Tabell%d" % (len(self.body) + 1)})
        sub(t, "table:table-column", {"table:number-columns-repeated": str(columns)})
        for row in rows:
            r = sub(t, "table:table-row")
            for index, cell in enumerate(row):
                c = sub(r, "table:table-cell", {"office:value-type": "string"})
                paragraphs = cell if isinstance(cell, list) else [cell]
                for text in paragraphs:
                    p = sub(c, "text:p")
                    if index == 0 and header_cells_bold:
                        sub(p, "text:span", {"text:style-name": "Strong"}, text)
                    else:
                        p.text = text
        return t

    def write(self, path):
        ET.ElementTree(self.root).write(path, encoding="UTF-8", xml_declaration=True)


def molndal(plan_text, auto):
    lines = plan_text.split("\n")
    toc = {}
    for line in lines:
        m = re.match(r"^(\d+(?:\.\d+)*\.?) (.+)\t\d+$", line)
        if m:
            toc.setdefault(m.group(1) + " " + m.group(2), (m.group(1), m.group(2)))
    doc = Document(auto)
    seen_title = False
    table_rows = []
    headings_seen = set()
    for line in lines + [""]:
        if "\t" in line and not re.search(r"\t\d+$", line):
            table_rows.append(line.split("\t"))
            continue
        if table_rows:
            doc.table(table_rows)
            table_rows = []
        if not line.strip():
            continue
        if not seen_title:
            doc.paragraph(line, "Title")
            seen_title = True
        elif re.search(r"\t\d+$", line):
            doc.paragraph(line, "Contents_20_1")
        elif line in toc and line not in headings_seen:
            headings_seen.add(line)
            number, title = toc[line]
            doc.heading(number.rstrip(".").count(".") + 1, number, title)
        elif re.match(r"^ - ", line):
            doc.list_item(False, 1, line[3:])
        elif re.match(r"^- ", line):
            doc.list_item(False, 0, line[2:])
        elif re.match(r"^\d+\. ", line):
            doc.list_item(True, 0, re.sub(r"^\d+\. ", "", line) if auto else line)
        else:
            doc.paragraph(line)
    return doc


def table_plan():
    """Two actions, each a label -> value table; a footnote and a comment that the importer leaves out."""
    doc = Document(auto_numbers=True)
    doc.paragraph("Handlingsplan - Digital agenda för Tabellby kommun", "Title")
    doc.table([["Beslutat av Kommundirektören", "Gäller för Tabellby kommun"]])
    doc.paragraph("Planen gäller åren 2018-2019.")
    doc.heading(1, "1.", "Extern service")
    doc.heading(2, "1.1", "E-tjänster")
    p = doc.paragraph("Fler e-tjänster ska göra det enklare för invånarna.")
    note = sub(p, "text:note", {"text:id": "ftn1", "text:note-class": "footnote"})
    sub(note, "text:note-citation", text="1")
    sub(sub(note, "text:note-body"), "text:p", text="Fotnotstext som inte hör till planen.")
    doc.table([
        ["Handlingsplan", "Inför en e-tjänst för bygglov."],
        ["Ansvar", "Stadsbyggnadsförvaltningen"],
        ["Tidsplan", "2018"],
        ["Kostnad", "200 tkr"],
        ["Effektmål", ["Kortare handläggningstid.", "Färre samtal till kundcenter."]],
    ], header_cells_bold=True)
    doc.heading(2, "1.2", "Appar")
    p = doc.paragraph("En samlingsapp för kommunens information.")
    annotation = sub(p, "office:annotation")
    sub(annotation, "dc:creator", text="Granskare")
    sub(annotation, "text:p", text="Kommentar som inte hör till planen.")
    doc.table([
        ["Handlingsplan:", "Utred en samlingsapp."],
        ["Ansvarig:", "Stadsledningsförvaltningen, IT-avdelningen"],
        ["Tidsplan:", "2019"],
        ["Kostnader:", "Inom befintliga budgetramar"],
    ])
    doc.heading(2, "1.3", "Fria surfzoner")
    doc.paragraph("Handlingsplan: Utred fria surfzoner i stadens lokaler.")
    doc.bold_lead("Ansvar", "Stadsledningsförvaltningen, IT-avdelningen")
    doc.bold_lead("Tidsplan", "2018")
    # A LIKA-style plan table: a header row of field labels, one action a row.
    doc.heading(1, "2.", "Vård och omsorg")
    doc.table([
        ["Nr", "Område", "Aktivitet", "Ansvarig", "Tidsplan", "Kostnad"],
        ["2.1", "Digital dokumentation", "Inför mobil dokumentation i hemtjänsten.", "Vård- och omsorgsförvaltningen", "2018", "Inom befintliga budgetramar"],
        ["2.2", "Nattkamera", "Pröva nattkamera som alternativ till nattlig tillsyn.", "Vård- och omsorgsförvaltningen", "2019", "300 tkr"],
    ])
    return doc


def main():
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    text = source.read_text(encoding="utf-8")
    molndal(text, auto=False).write(out / "molndal-typed.fodt")
    molndal(text, auto=True).write(out / "molndal-auto.fodt")
    cut = text[: text.index("\n5. E-hälsa\n") + 1]
    molndal(cut, auto=True).write(out / "molndal-cut.fodt")
    table_plan().write(out / "table-plan.fodt")


if __name__ == "__main__":
    main()
