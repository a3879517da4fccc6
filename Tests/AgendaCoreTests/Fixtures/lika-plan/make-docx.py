#!/usr/bin/env python3
"""Builds handlingsplan-lika-socialtjanst.docx from the .txt beside it: a minimal Word package whose
title, free text and section rows are paragraphs and whose table rows (the tab-separated lines) are
rows of one Word table per section, the way the plan is written in Word. ElementTree writes the XML."""
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ET.register_namespace("w", W)


def w(name):
    return "{%s}%s" % (W, name)


def paragraph(parent, text):
    p = ET.SubElement(parent, w("p"))
    if text:
        r = ET.SubElement(p, w("r"))
        t = ET.SubElement(r, w("t"))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


here = Path(__file__).parent
lines = (here / "handlingsplan-lika-socialtjanst.txt").read_text(encoding="utf-8").split("\n")
document = ET.Element(w("document"))
body = ET.SubElement(document, w("body"))
table = None
for line in lines:
    if "\t" in line:
        if table is None:
            table = ET.SubElement(body, w("tbl"))
        row = ET.SubElement(table, w("tr"))
        for cell in line.split("\t"):
            paragraph(ET.SubElement(row, w("tc")), cell)
    else:
        table = None
        paragraph(body, line)

content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
with zipfile.ZipFile(here / "handlingsplan-lika-socialtjanst.docx", "w", zipfile.ZIP_DEFLATED) as package:
    for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                       ("word/document.xml", ET.tostring(document, encoding="UTF-8", xml_declaration=True))]:
        info = zipfile.ZipInfo(name, date_time=(2019, 1, 1, 0, 0, 0))
        package.writestr(info, data)
