"""Imports the installed airbyte_embedded package and makes one call against a sandbox.

scripts/test-wheels runs it in a fresh virtual environment of each Python version with only the
built wheel installed. The sandbox binary is AIRBYTE_SANDBOX_BIN. Prints one line: the Python
version, where the package was imported from and how many source templates the sandbox listed.
"""

from __future__ import annotations

import os
import subprocess
import sys

import airbyte_embedded as ae

binary = os.environ["AIRBYTE_SANDBOX_BIN"]
sandbox = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
try:
    assert sandbox.stdout is not None
    lines = [sandbox.stdout.readline().strip() for _ in range(3)]
    base_url = lines[0].split()[-1]
    client_id = lines[1].split(": ", 1)[1]
    client_secret = lines[2].split(": ", 1)[1]
    operator = ae.OperatorClient(client_id, client_secret, ae.ClientConfig(base_url=base_url))
    templates = operator.source_templates().list()
    assert isinstance(templates, list), type(templates)
    assert "site-packages" in ae.__file__, ae.__file__
    print(f"Python {sys.version.split()[0]}: {ae.__file__}: listed a fresh sandbox's source templates ({len(templates)}: it starts with none)")
finally:
    sandbox.terminate()
    sandbox.wait()
