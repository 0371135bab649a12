"""`make bench-pdf`: how long the PDF of a full registration takes to make, and how large it is.

A full registration is `answered_document()` (every question that becomes visible answered,
two items in every repeat group, 125 answers). Two copies: an adviser's (bokmål beside the
resident's Arabic, with a remark) and a resident's own (Tigrinya beside bokmål, with a remark
and their rights). Each is rendered once to warm up, then ROUNDS times; prints the median and
slowest wall time, the median CPU time of this process (which moves less with other load on
the host), the size and the number of pages. Goals (issue 13): ≤ 2 s and ≤ 300 KB.

    .venv/bin/python bench/pdf.py [ROUNDS]
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 10


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("SECRET_KEY", "bench-secret-key-that-is-long-enough-0123456789")
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("compilecatalogs", verbosity=0)

    import pypdf
    from django.utils import timezone

    from qualreg.exports import pdf
    from qualreg.questionnaire.samples import answered_document, count_answered

    answers = answered_document()
    remark = pdf.Remark(timezone.now(), "Bergen kommune", "Norskkurs", "Ta med vitnemålet.")
    copies = {
        "adviser, nb beside ar": pdf.Copy(
            answers, "2012 586975 61", 1, timezone.now(), "ar", ("nb", "ar"), remarks=[remark]
        ),
        "resident, ti beside nb": pdf.Copy(
            answers, "2012 586975 61", 1, timezone.now(), "ti", ("ti", "nb"), True, [remark]
        ),
    }
    print(f"{count_answered(answers)} answered questions; {ROUNDS} rounds after a warm-up")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, copy in copies.items():
        data = pdf.render(copy)
        walls, cpus = [], []
        for _round in range(ROUNDS):
            wall, cpu = time.perf_counter(), time.process_time()
            data = pdf.render(copy)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
        print(
            f"{name}: median {statistics.median(walls):.2f} s (slowest {max(walls):.2f} s), "
            f"CPU {statistics.median(cpus):.2f} s, {len(data) / 1024:.0f} KB, {pages} pages"
        )
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
