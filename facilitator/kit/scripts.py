"""The install scripts written into a kit (Windows .bat and POSIX .sh).

They install from the kit's ``wheels/`` folder only (``--no-index``): nothing is fetched.
The launcher sets UTF-8 mode, so Vietnamese never meets a cp1252/cp1258 code page.
"""

from __future__ import annotations

INSTALL_BAT = r"""@echo off
rem Cài đặt facilitator từ thư mục này, không cần mạng (UTF-8 sau chcp 65001).
setlocal
chcp 65001 >nul
set "KIT=%~dp0"
set "TARGET=%LOCALAPPDATA%\facilitator\venv"
set "PY="
for %%V in (3.13 3.12 3.11) do (
  if not defined PY ( py -%%V -c "" >nul 2>&1 && set "PY=py -%%V" )
)
if not defined PY ( python -c "import sys; sys.exit(sys.version_info < (3, 11))" >nul 2>&1 && set "PY=python" )
if not defined PY (
  echo Chưa có Python 3.11 trở lên. Hãy cài Python ^(tệp python-3.x-amd64.exe trong thư mục này nếu có^) rồi chạy lại.
  exit /b 1
)
%PY% -m venv "%TARGET%" || exit /b 1
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%KIT%wheels" --upgrade facilitator || exit /b 1
copy /y "%KIT%facilitator.bat" "%USERPROFILE%\Desktop\facilitator.bat" >nul
echo Đã cài xong. Mở facilitator bằng tệp facilitator.bat trên màn hình Desktop.
"""

FACILITATOR_BAT = r"""@echo off
rem Mở facilitator (chế độ UTF-8 để tiếng Việt hiện đúng).
chcp 65001 >nul
set PYTHONUTF8=1
"%LOCALAPPDATA%\facilitator\venv\Scripts\facilitator.exe" %*
"""

INSTALL_SH = r"""#!/bin/sh
# Cài facilitator từ thư mục này, không cần mạng.
set -eu
kit=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
target="${XDG_DATA_HOME:-$HOME/.local/share}/facilitator/venv"
python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$candidate; break
  fi
done
if [ -z "$python" ]; then
  echo "Chưa có Python 3.11 trở lên: hãy cài python3 rồi chạy lại." >&2
  exit 1
fi
"$python" -m venv "$target"
"$target/bin/python" -m pip install --no-index --find-links "$kit/wheels" --upgrade facilitator
mkdir -p "$HOME/.local/bin"
cat > "$HOME/.local/bin/facilitator" <<LAUNCHER
#!/bin/sh
PYTHONUTF8=1 exec "$target/bin/facilitator" "\$@"
LAUNCHER
chmod +x "$HOME/.local/bin/facilitator"
echo "Đã cài xong: gõ facilitator (trong $HOME/.local/bin) để mở."
"""

README_TXT = """facilitator {version} — bộ cài đặt không cần mạng

Windows 10/11: bấm đúp install.bat (cần Python 3.11 trở lên; nếu máy chưa có, cài
python-3.x-amd64.exe trước). Sau khi cài, mở bằng facilitator.bat trên Desktop.
Linux: sh install.sh, rồi gõ facilitator.

Thư mục wheels/ chứa facilitator và mọi gói cần thiết cho: {targets}.
Hướng dẫn sử dụng (để in): Huong-dan-su-dung.docx trong thư mục này.
"""
