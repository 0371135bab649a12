"""Where the app servers' time went during a `make load` step: py-spy's raw samples
(`LOAD_PROFILE=1 make load` writes data/load/profile-<residents>.txt) summed per function.

    .venv/bin/python bench/load/profile.py data/load/profile-1000.txt [more files]

Prints each function's share of the samples with it on the stack (inclusive), for
qualreg's, Django's and the database driver's functions, then the functions most often on
top of the stack (self time).
"""

from __future__ import annotations

import re
import sys
from collections import Counter

OURS = ("qualreg/", "django/", "psycopg", "whitenoise", "csp/", "gunicorn/workers")


def main(paths: list[str]) -> None:
    inclusive: Counter[str] = Counter()
    on_top: Counter[str] = Counter()
    total = 0
    for path in paths:
        with open(path, encoding="utf-8") as samples:
            for line in samples:
                stack, _space, count = line.rstrip().rpartition(" ")
                if not stack:
                    continue
                frames = [re.sub(r":\d+\)", ")", frame) for frame in stack.split(";")]
                total += int(count)
                for frame in set(frames):
                    inclusive[frame] += int(count)
                on_top[frames[-1]] += int(count)
    print(f"{total} samples")
    for frame, count in inclusive.most_common():
        if any(part in frame for part in OURS) and count / total >= 0.01:
            print(f"{100 * count / total:5.1f} %  {frame}")
    print("on top of the stack:")
    for frame, count in on_top.most_common(25):
        print(f"{100 * count / total:5.1f} %  {frame}")


if __name__ == "__main__":
    main(sys.argv[1:])
