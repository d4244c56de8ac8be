"""html.xml_text: exactly the characters XML 1.0 allows survive (and inert's invisible ones go)."""

import re
import sys
import xml.etree.ElementTree as ET

from claims.html import INVISIBLE, xml_text

# XML 1.0, production [2] Char.
XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def test_xml_text_removes_exactly_what_xml_forbids_and_the_invisible_characters():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1))

    kept = xml_text(every)

    expected = "".join(c for c in every if XML_CHAR.fullmatch(c) and ord(c) not in INVISIBLE)
    assert kept == expected
    ET.fromstring(f"<t>{kept.replace('&', '&amp;').replace('<', '&lt;')}</t>")  # noqa: S314


def test_xml_text_of_none_is_empty():
    assert xml_text(None) == ""
