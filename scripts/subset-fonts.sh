#!/usr/bin/env bash
# How the web fonts in qualreg/static/qualreg/fonts were made (run by hand when updating them).
# Sources: the npm packages @fontsource/noto-sans, -arabic and -ethiopic 5.3.0 (SIL OFL 1.1),
# unpacked into $1. Needs fonttools and brotli (pip install fonttools brotli).
set -euo pipefail
src=${1:?usage: subset-fonts.sh DIR-WITH-UNPACKED-PACKAGES}
out=qualreg/static/qualreg/fonts
for w in 400 700; do
  cp "$src/noto-sans/files/noto-sans-latin-$w-normal.woff2" "$out/"
  cp "$src/noto-sans/files/noto-sans-cyrillic-$w-normal.woff2" "$out/"
  pyftsubset "$src/noto-sans/files/noto-sans-latin-ext-$w-normal.woff2" --unicodes="U+0100-017F" \
    --flavor=woff2 --layout-features='*' --output-file="$out/noto-sans-latin-ext-a-$w-normal.woff2"
done
# Arabic script: the basic block covers Arabic, Persian, Dari, Pashto and Sorani letters;
# presentation forms and rarer extensions are left out (49 KB -> 21 KB).
pyftsubset "$src/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2" \
  --unicodes="U+0600-06FF,U+200C-200F,U+2010-2011,U+FD3E-FD3F" --flavor=woff2 \
  --layout-features='*' --output-file="$out/noto-sans-arabic-400-subset.woff2"
# Ethiopic: the syllabary block that Tigrinya and Amharic use (75 KB -> 45 KB).
pyftsubset "$src/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-400-normal.woff2" \
  --unicodes="U+1200-137F" --flavor=woff2 --layout-features='*' \
  --output-file="$out/noto-sans-ethiopic-400-subset.woff2"
