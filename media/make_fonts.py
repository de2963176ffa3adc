"""Make the fonts the window uses for Vietnamese and Simplified Chinese:
`python media/make_fonts.py` (needs `fonttools`, from the dev dependencies, and, to fetch
the fonts, a Debian or Ubuntu machine's `apt-get` and `dpkg`).

The font bundled with pygame (FreeSans Bold) has every Spanish letter but lacks ơ, ư and
every Vietnamese letter with a dot below, a hook above or two marks (ắ ặ ể ộ ừ ữ ...), and
has no Chinese at all. So two faces are kept here, cut down to what the player shows:

- ``NotoSans-Bold-Vietnamese.ttf``: Noto Sans Bold (Debian's ``fonts-noto-core``), Latin
  with every Vietnamese letter, the combining marks and common punctuation.
- ``NotoSansSC-Bold-Subset.otf``: the Simplified Chinese face of Noto Sans CJK Bold
  (Debian's ``fonts-noto-cjk``), cut to ASCII, CJK punctuation, full-width forms, the
  3,755 most common characters (level 1 of GB 2312) and every other character of the
  Chinese catalog and routine translations.

Both are under the SIL Open Font License 1.1 (``OFL-*.txt`` beside them).

Run it again when a Chinese or Vietnamese translation uses a character the fonts lack
(``tests/test_fonts.py`` fails and names it). It reads:

- ``player/language/locale/{zh_Hans,vi}/LC_MESSAGES/player.po``
- ``routines/**/translations/{zh-Hans,vi}/*.yaml``

To build from packages already downloaded (``apt-get download fonts-noto-cjk
fonts-noto-core``), name their folder: ``python media/make_fonts.py --debs DIR``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

HERE = Path(__file__).resolve().parent / "fonts"
ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "player" / "language" / "locale"

VIETNAMESE_FONT = HERE / "NotoSans-Bold-Vietnamese.ttf"
CHINESE_FONT = HERE / "NotoSansSC-Bold-Subset.otf"

PACKAGES = ("fonts-noto-cjk", "fonts-noto-core")
NOTO_SANS = "usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
NOTO_CJK = "usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
NOTO_CJK_FALLBACK = "usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
LICENCES = {
    "fonts-noto-core": "OFL-NotoSans.txt",
    "fonts-noto-cjk": "OFL-NotoSansCJK.txt",
}


def span(first: int, last: int) -> set[int]:
    return set(range(first, last + 1))


SYMBOLS = (
    span(0x20, 0x7E)  # ASCII
    | span(0xA0, 0xFF)  # Latin-1: quotes, middle dot, degree, accented letters
    | span(0x2000, 0x206F)  # general punctuation: dashes, quotes, bullets, …
    | span(0x2190, 0x21FF)  # arrows
    | {0x2212, 0x2713, 0x2714, 0x2717, 0x20AB, 0x20AC}  # minus, ticks, dong, euro
    | span(0x25A0, 0x25FF)  # squares, triangles, circles
)
VIETNAMESE = (
    span(0x100, 0x24F)  # Latin Extended-A and -B: đ Đ ơ ư ...
    | span(0x300, 0x36F)  # combining marks
    | span(0x1E00, 0x1EFF)  # Latin Extended Additional: ắ ặ ể ộ ừ ữ ...
)
CHINESE = (
    span(0x3000, 0x303F)  # CJK symbols and punctuation: 、。「」『』〈〉
    | span(0xFF00, 0xFFEF)  # full-width forms: comma, stops, brackets
    | {0x2026, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0xB7}
)


def gb2312_level_1() -> set[int]:
    """The 3,755 most common characters: rows 16 to 55 of GB 2312, by pronunciation."""
    found: set[int] = set()
    for row in range(16, 56):
        for cell in range(1, 95):
            try:
                char = bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312")
            except UnicodeDecodeError:
                continue
            found.add(ord(char))
    return found


def shown(text: str) -> set[int]:
    """The characters of ``text`` that are drawn: not line breaks nor invisible controls."""
    text = unicodedata.normalize("NFC", text)
    return {ord(c) for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp")}


def translation_files(catalog: str, tag: str) -> list[Path]:
    """The catalog of a language and its routine translations, those that exist."""
    files = [LOCALE / catalog / "LC_MESSAGES" / "player.po"]
    files += sorted((ROOT / "routines").glob(f"**/translations/{tag}/*.yaml"))
    return [path for path in files if path.is_file()]


def used(files: Iterable[Path]) -> set[int]:
    found: set[int] = set()
    for path in files:
        found |= shown(path.read_text(encoding="utf-8"))
    return found


def fetch(folder: Path) -> Path:
    """The fonts' Debian packages, downloaded and unpacked in ``folder``."""
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=folder, check=True)
    return unpack(folder, folder / "unpacked")


def unpack(debs: Path, into: Path) -> Path:
    for package in PACKAGES:
        found = sorted(debs.glob(f"{package}_*.deb"))
        if not found:
            sys.exit(f"no {package}_*.deb in {debs}")
        subprocess.run(["dpkg", "-x", str(found[-1]), str(into)], check=True)
    return into


def licence_text(unpacked: Path, package: str, font: TTFont) -> str:
    """The font's copyright notice, and the SIL Open Font License as the package's
    copyright file gives it."""
    copyright_file = unpacked / "usr/share/doc" / package / "copyright"
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    start = next(
        i
        for i, line in enumerate(lines)
        if re.fullmatch(r"License: (OFL|SIL)-1\.1", line.strip())
        and i + 1 < len(lines)
        and lines[i + 1].startswith(" ")
    )
    body = []
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    while body and not body[0].strip():
        body.pop(0)
    if "OPEN FONT LICENSE" not in body[0] and "OPEN FONT LICENSE" not in body[1]:
        body = ["SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007", "", *body]
    names = font["name"]
    notice = [names.getDebugName(n) or "" for n in (4, 0, 14)]
    made = f"Cut to the characters the player shows from Debian's {package} package."
    return "\n".join([*notice, made, "", *body]).rstrip() + "\n"


def chinese_face(path: Path) -> TTFont:
    """The Simplified Chinese face of a Noto Sans CJK collection."""
    collection = TTCollection(str(path), recalcTimestamp=False)
    for font in collection.fonts:
        name = font["name"].getDebugName(4) or ""
        if " SC" in name and "Mono" not in name:
            return font
    sys.exit(f"no Simplified Chinese face in {path}")


def cut(font: TTFont, keep: set[int], out: Path, features: list[str]) -> set[int]:
    """``font`` cut to the characters of ``keep`` it has and to the layout ``features``,
    saved to ``out``; the characters it lacks come back."""
    cmap = font.getBestCmap()
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "DSIG"]
    options.layout_features = features
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(keep & set(cmap)))
    subsetter.subset(font)
    font.save(str(out))
    return keep - set(cmap)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debs", type=Path, help="folder with the downloaded packages")
    args = parser.parse_args()
    HERE.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        unpacked = unpack(args.debs, Path(work) / "unpacked") if args.debs else fetch(Path(work))
        vietnamese = SYMBOLS | VIETNAMESE | used(translation_files("vi", "vi"))
        latin = TTFont(str(unpacked / NOTO_SANS), recalcTimestamp=False)
        write_licence(unpacked, "fonts-noto-core", latin)
        lacking = cut(latin, vietnamese, VIETNAMESE_FONT, ["ccmp", "kern", "mark", "mkmk"])
        report(VIETNAMESE_FONT, lacking & used(translation_files("vi", "vi")))

        cjk = unpacked / NOTO_CJK
        if not cjk.is_file():
            cjk = unpacked / NOTO_CJK_FALLBACK
        chinese_used = used(translation_files("zh_Hans", "zh-Hans"))
        chinese = SYMBOLS | CHINESE | gb2312_level_1() | chinese_used
        face = chinese_face(cjk)
        write_licence(unpacked, "fonts-noto-cjk", face)
        lacking = cut(face, chinese, CHINESE_FONT, ["kern"])
        report(CHINESE_FONT, lacking & chinese_used)


def write_licence(unpacked: Path, package: str, font: TTFont) -> None:
    text = licence_text(unpacked, package, font)
    (HERE / LICENCES[package]).write_text(text, encoding="utf-8")


def report(path: Path, lacking: set[int]) -> None:
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1024:.0f} KiB")
    if lacking:
        print("  the translations use characters the font has not:")
        print("  " + " ".join(f"{chr(c)} U+{c:04X}" for c in sorted(lacking)))


if __name__ == "__main__":
    main()
