"""Wording of the documents' header and signature block (HD 36 for Party bodies, NĐ 30/2020
for state bodies and mass organisations): vietnamese-formats.md §1.

Legal document wording: never translated, changed only with the rules it follows.
"""

from __future__ import annotations

PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_SEPARATOR = "*"
PARTY_NUMBER_PREFIX = "Số "  # HD 36: no colon
STATE_NUMBER_PREFIX = "Số: "  # NĐ 30: with colon
BLANK_NUMBER = "   "  # with the prefix space: "Số    -BB/CB"; the văn thư fills it in
PARTY_SIGNER_PREFIX = "T/M"
STATE_SIGNER_PREFIX = "TM."
DEFAULT_PARTY_SIGNER_BODY = "CHI BỘ"
PARTY_COMMITTEE_SIGNER_BODY = "ĐẢNG ỦY"  # a đảng bộ's documents are issued by its đảng ủy
DEFAULT_PARTY_SIGNER_TITLE = "BÍ THƯ"
CHAIR_SIGNER = "CHỦ TRÌ"
SECRETARY_SIGNER = "THƯ KÝ"
SIGNATURE_HINT = "(Ký, ghi rõ họ tên)"
SUBJECT_SEPARATOR = "-----"

# Document-type symbols in "Số 05-BB/CB" and "Số 03-BC/CB".
DOC_CODE_MINUTES = "BB"
DOC_CODE_REPORT = "BC"
