"""PDF of any document, by converting the DOCX we write with LibreOffice (#10.11b).

The PDF is the DOCX as LibreOffice lays it out, so both show the same document. Word's
own converter needs COM automation (pywin32), which an offline install cannot count on;
a user with only Word is told to open the DOCX and save it as PDF there.

LibreOffice runs with a private profile in a temporary folder: with the user's own
profile, an open LibreOffice window would take the request and the headless process
would exit at once without converting anything.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TypeVar

from facilitator.domain.errors import FacilitatorError
from facilitator.strings import output_text as output_text_text

T = TypeVar("T")

CONVERT_TIMEOUT_S = 180.0  # a first start of LibreOffice on an old laptop takes ~30 s
_EXECUTABLES = ("soffice", "soffice.exe", "libreoffice")
_WINDOWS_DIRS = ("ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "LOCALAPPDATA")
_WINDOWS_TAIL = ("LibreOffice", "program", "soffice.exe")
_OTHER_PLACES = (
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/snap/bin/libreoffice",
)


def find_soffice(environ: Mapping[str, str] | None = None) -> Path | None:
    """LibreOffice's ``soffice`` on PATH, else in the usual install folders, else None."""
    environ = os.environ if environ is None else environ
    for name in _EXECUTABLES:
        found = shutil.which(name, path=environ.get("PATH"))
        if found:
            return Path(found)
    places = [Path(environ[var], *_WINDOWS_TAIL) for var in _WINDOWS_DIRS if environ.get(var)]
    places += [Path(p) for p in _OTHER_PLACES]
    return next((p for p in places if p.is_file()), None)


def docx_to_pdf(
    docx: bytes,
    *,
    soffice: Path | None = None,
    timeout: float = CONVERT_TIMEOUT_S,
) -> bytes:
    """The PDF of a .docx document (bytes in, bytes out; the caller writes the file).

    Raises ``FacilitatorError`` with a Vietnamese reason when LibreOffice is missing,
    takes longer than ``timeout`` seconds, or produces nothing.
    """
    program = soffice or find_soffice()
    if program is None:
        raise FacilitatorError(output_text_text.PDF_NO_CONVERTER)
    with tempfile.TemporaryDirectory(prefix="facilitator-pdf-") as folder:
        work = Path(folder)
        source = work / "van-ban.docx"
        source.write_bytes(docx)
        command = [
            str(program),
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise FacilitatorError(output_text_text.pdf_timeout(round(timeout))) from None
        except OSError:
            raise FacilitatorError(output_text_text.pdf_failed(str(program), None)) from None
        target = work / "van-ban.pdf"
        if not target.is_file() or target.stat().st_size == 0:
            # LibreOffice's own messages are English: the exit code is what we can say.
            raise FacilitatorError(output_text_text.pdf_failed(str(program), result.returncode))
        return target.read_bytes()
