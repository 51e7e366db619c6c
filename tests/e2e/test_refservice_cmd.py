"""``python -m tests.refservice --port N`` on a busy port: one sentence, not a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_a_busy_port_is_one_line_with_what_to_do(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        env = dict(os.environ, HOME=str(tmp_path))
        result = subprocess.run(
            [sys.executable, "-m", "tests.refservice", "--port", str(port)],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=env,
            timeout=60,
            check=False,
        )
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"cannot listen on 127.0.0.1:{port}" in lines[0]
    assert "choose another --port" in lines[0]
    assert "Traceback" not in result.stderr
