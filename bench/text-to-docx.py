#!/usr/bin/env python3
"""Writes a plan text as a Word document of one paragraph per line, for timing `agenda import` of the
same plan from .txt and from .docx (BENCHMARKS.md, "Import from documents"):

    bench/text-to-docx.py plan.txt plan.docx

A minimal Office Open XML package (content types, package relationships, word/document.xml) written
with ElementTree, the way Tests/AgendaCoreTests/Fixtures/lika-plan/make-docx.py writes its fixture."""
import sys
import xml.etree.ElementTree as ET
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ET.register_namespace("w", W)


def w(name):
    return "{%s}%s" % (W, name)


source, target = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as f:
    lines = f.read().split("\n")
document = ET.Element(w("document"))
body = ET.SubElement(document, w("body"))
for line in lines:
    p = ET.SubElement(body, w("p"))
    if line:
        r = ET.SubElement(p, w("r"))
        t = ET.SubElement(r, w("t"))
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""
rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
    for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels),
                       ("word/document.xml", ET.tostring(document, encoding="UTF-8", xml_declaration=True))]:
        info = zipfile.ZipInfo(name, date_time=(2019, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED  # as Word writes it
        package.writestr(info, data)
