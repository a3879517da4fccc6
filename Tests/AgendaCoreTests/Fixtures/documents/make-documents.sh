#!/bin/sh
# Re-makes the .docx and .odt test documents from the Mölndal plan text (see make-documents.py).
# Made with: Python 3.11.7 (xml.etree), LibreOffice 7.4.7.2 (soffice --headless --convert-to).
# Run from anywhere: Tests/AgendaCoreTests/Fixtures/documents/make-documents.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/make-documents.py" "$root/templates/sample/molndal-digital-agenda-2017-2019.txt" "$work"
for name in molndal-typed molndal-auto molndal-cut table-plan; do
    soffice --headless -env:UserInstallation="file://$work/profile" --convert-to docx:"MS Word 2007 XML" --outdir "$here" "$work/$name.fodt" >/dev/null
done
for name in molndal-typed molndal-auto table-plan; do
    soffice --headless -env:UserInstallation="file://$work/profile" --convert-to odt --outdir "$here" "$work/$name.fodt" >/dev/null
done
ls -l "$here"
