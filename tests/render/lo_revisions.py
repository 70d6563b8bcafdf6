"""Accept or reject every tracked change of a Word document in LibreOffice, and save the text.

Run with the system Python that has LibreOffice's UNO bridge (Debian's python3-uno):

    /usr/bin/python3 tests/render/lo_revisions.py IN.docx accept|reject OUT.txt [PROFILE_DIR]

It starts ``soffice --headless`` listening on a private pipe, opens the document hidden,
dispatches ``.uno:AcceptAllTrackedChanges`` (or ``RejectAll``), saves it as UTF-8 text and
stops LibreOffice.  Used by tests/render/test_docx_export.py (slow).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    import uno
    from com.sun.star.beans import PropertyValue

    src, mode, out = Path(sys.argv[1]).resolve(), sys.argv[2], Path(sys.argv[3]).resolve()
    profile = Path(sys.argv[4]) if len(sys.argv) > 4 else Path(tempfile.mkdtemp(prefix="lo-profile-"))
    pipe = f"reportdiff_{os.getpid()}"
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               f"-env:UserInstallation={profile.resolve().as_uri()}",
                               f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + 120
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.monotonic() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.3)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(src.as_uri(), "_blank", 0, (prop("Hidden", True),))
        frame = doc.getCurrentController().getFrame()
        helper = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
        helper.executeDispatch(frame, command, "", 0, ())
        doc.storeToURL(out.as_uri(), (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF,,,")))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away as LibreOffice ends
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
