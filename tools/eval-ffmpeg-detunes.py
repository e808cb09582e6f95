#!/usr/bin/env python3
"""Does the classifier read errors that another tool made? Detunes validation photos with the ffmpeg
program's own filters (exposure, eq, colortemperature, colorbalance, colorlevels), none of which the
training data uses, and asks `cinegrade-cli analyze` about each picture.

The filters' strengths are not calibrated to Cinegrade's levels (33/66/100 % of a full scale), so the
axis readings are scored by direction only: for each filter, how often the axis it moves is read with
the right sign ("read") and how often a confident suggestion in that direction is made ("suggested"),
against how often the untouched photos get the same reading (false alarms). The direction of the
white-balance filters is measured on each picture (mean R/B or G against R and B), not assumed.

An error can be read along another axis than the filter's and still be put right (a flat picture as
milky blacks and dull whites), so the suggested grade is also applied (`cinegrade-cli render`) and
scored by what counts for the user: the median CIEDE2000 to the original picture before and after
("deltaE2000"), and the share of pictures the suggestions made worse; for untouched photos, how far
the suggestions moved them (ideally nothing).

    tools/eval-ffmpeg-detunes.py [--photos N] [--model M] [--cli build/app/cinegrade-cli] [--data ml/data/images]

Prints a JSON report. Needs ffmpeg and the photos of tools/fetch-training-images.sh (val split).
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile

# (name, axis, expected sign or None to measure it, ffmpeg filter)
FILTERS = [
    ("exposure +1 stop", "exposure", +1, "exposure=exposure=1"),
    ("exposure -1 stop", "exposure", -1, "exposure=exposure=-1"),
    ("eq saturation x2", "saturation", +1, "eq=saturation=2"),
    ("eq saturation x0.4", "saturation", -1, "eq=saturation=0.4"),
    ("eq contrast x1.5", "contrast", +1, "eq=contrast=1.5"),
    ("eq contrast x0.6", "contrast", -1, "eq=contrast=0.6"),
    ("colortemperature 3500 K", "temperature", None, "colortemperature=temperature=3500"),
    ("colortemperature 12000 K", "temperature", None, "colortemperature=temperature=12000"),
    ("colorbalance green +0.2", "tint", None, "colorbalance=gs=0.2:gm=0.2:gh=0.2"),
    ("colorbalance magenta +0.2", "tint", None, "colorbalance=gs=-0.2:gm=-0.2:gh=-0.2"),
    ("colorlevels input black 0.15 (crushed)", "blackPoint", -1,
     "colorlevels=rimin=0.15:gimin=0.15:bimin=0.15"),
    ("colorlevels output black 0.15 (milky)", "blackPoint", +1,
     "colorlevels=romin=0.15:gomin=0.15:bomin=0.15"),
]


def run(command):
    return subprocess.run(command, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout


def mean_rgb(path):
    """Mean R, G, B (0..255) of a picture, by ffmpeg scaling it to one pixel."""
    raw = run(["ffmpeg", "-v", "error", "-i", path, "-vf", "scale=1:1:flags=area", "-f", "rawvideo",
               "-pix_fmt", "rgb24", "-"])
    return raw[0], raw[1], raw[2]


def expected_sign(axis, original, detuned):
    r0, g0, b0 = mean_rgb(original)
    r1, g1, b1 = mean_rgb(detuned)
    if axis == "temperature":  # + = warmer: more red against blue
        change = (r1 - b1) - (r0 - b0)
    else:  # tint, + = magenta: less green against red and blue
        change = ((r1 + b1) / 2 - g1) - ((r0 + b0) / 2 - g0)
    return 1 if change > 0 else -1 if change < 0 else 0


def analyze(cli, model, path):
    report = json.loads(run([cli, "analyze", path] + (["--model", model] if model else [])))
    levels = {axis: value["level"] for axis, value in report["axes"].items()}
    suggested = {s["axis"]: s["level"] for s in report["suggestions"]}
    return levels, suggested, report["suggestedGrade"]


# Pictures are compared at this width (area-averaged by ffmpeg), in CIELAB from sRGB code values.
COMPARE_WIDTH = 160


def lab_pixels(path):
    raw = run(["ffmpeg", "-v", "error", "-i", path, "-vf", "scale=%d:-2:flags=area" % COMPARE_WIDTH,
               "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])

    def linear(v):
        v /= 255.0
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    def f(t):
        return t ** (1.0 / 3.0) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    pixels = []
    for i in range(0, len(raw) - 2, 3):
        r, g, b = linear(raw[i]), linear(raw[i + 1]), linear(raw[i + 2])
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
        fx, fy, fz = f(x), f(y), f(z)
        pixels.append((116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)))
    return pixels


def delta_e2000(lab1, lab2):
    """CIEDE2000 (Sharma, Wu & Dalal 2005), kL = kC = kH = 1."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dlp, dcp = l2 - l1, c2p - c1p
    dh = 0.0
    if c1p * c2p:
        dh = h2p - h1p
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    dhp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lp, cp = (l1 + l2) / 2, (c1p + c2p) / 2
    hp = h1p + h2p
    if c1p * c2p:
        hp = (h1p + h2p) / 2 if abs(h1p - h2p) <= 180 else (h1p + h2p + 360) / 2 if h1p + h2p < 360 \
            else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp - 30)) + 0.24 * math.cos(math.radians(2 * hp))
         + 0.32 * math.cos(math.radians(3 * hp + 6)) - 0.20 * math.cos(math.radians(4 * hp - 63)))
    sl = 1 + 0.015 * (lp - 50) ** 2 / math.sqrt(20 + (lp - 50) ** 2)
    sc, sh = 1 + 0.045 * cp, 1 + 0.015 * cp * t
    rt = -2 * math.sqrt(cp ** 7 / (cp ** 7 + 25 ** 7)) * math.sin(math.radians(60 * math.exp(-((hp - 275) / 25) ** 2)))
    return math.sqrt((dlp / sl) ** 2 + (dcp / sc) ** 2 + (dhp / sh) ** 2 + rt * (dcp / sc) * (dhp / sh))


def median_delta_e(reference, path):
    return statistics.median(delta_e2000(p, q) for p, q in zip(reference, lab_pixels(path)))


def corrected(cli, path, grade, work):
    """The picture with the suggested grade applied (the picture itself when the grade is neutral)."""
    grade_path, out = os.path.join(work, "suggested.json"), os.path.join(work, "corrected.png")
    with open(grade_path, "w") as file:
        json.dump(grade, file)
    run([cli, "render", path, "--grade", grade_path, "-o", out])
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=24, help="validation photos to use (default 24)")
    parser.add_argument("--model", help="classifier model (default: the one cinegrade-cli finds)")
    parser.add_argument("--cli", default=os.path.join(root, "build/app/cinegrade-cli"))
    parser.add_argument("--data", default=os.path.join(root, "ml/data/images"))
    args = parser.parse_args()

    val = os.path.join(args.data, "val")
    if not os.path.isdir(val):
        sys.exit("eval-ffmpeg-detunes: no %s (run tools/fetch-training-images.sh)" % val)
    photos = sorted(os.path.join(dirpath, name) for dirpath, _, names in os.walk(val) for name in names)
    # Every k-th photo, so that every source is represented in a short run.
    step = max(1, len(photos) // args.photos)
    photos = photos[::step][:args.photos]

    untouched = {}
    untouched_moved = []
    results = {name: {"read": 0, "suggested": 0, "photos": 0, "before": [], "after": [], "worse": 0}
               for name, _, _, _ in FILTERS}
    with tempfile.TemporaryDirectory() as work:
        for index, photo in enumerate(photos):
            reference = lab_pixels(photo)
            levels, suggested, grade = untouched[photo] = analyze(args.cli, args.model, photo)
            untouched_moved.append(median_delta_e(reference, corrected(args.cli, photo, grade, work))
                                   if suggested else 0.0)
            for name, axis, sign, graph in FILTERS:
                out = os.path.join(work, "detuned.png")
                run(["ffmpeg", "-v", "error", "-y", "-i", photo, "-vf", graph + ",format=rgb24", "-frames:v", "1",
                     out])
                direction = sign if sign is not None else expected_sign(axis, photo, out)
                if direction == 0:
                    continue
                levels, suggested, grade = analyze(args.cli, args.model, out)
                entry = results[name]
                entry["photos"] += 1
                entry["read"] += levels[axis] * direction > 0
                entry["suggested"] += suggested.get(axis, 0) * direction > 0
                before = median_delta_e(reference, out)
                after = median_delta_e(reference, corrected(args.cli, out, grade, work)) if suggested else before
                entry["before"].append(before)
                entry["after"].append(after)
                entry["worse"] += after > before + 0.01
            print("eval-ffmpeg-detunes: %d/%d photos" % (index + 1, len(photos)), file=sys.stderr)

    report = {"photos": len(photos), "filters": {}}
    for name, axis, _, _ in FILTERS:
        entry = results[name]
        n = max(1, entry["photos"])
        before, after = (statistics.median(entry[k]) if entry[k] else 0.0 for k in ("before", "after"))
        report["filters"][name] = {"axis": axis, "photos": entry["photos"],
                                   "readInTheRightDirection": round(entry["read"] / n, 3),
                                   "suggestedInTheRightDirection": round(entry["suggested"] / n, 3),
                                   "medianDeltaE2000": {"detuned": round(before, 2), "suggested": round(after, 2)},
                                   "deltaE2000Reduction": round(1 - after / before, 3) if before else 0.0,
                                   "madeWorse": round(entry["worse"] / n, 3)}
    everything = [results[name][k] for name, _, _, _ in FILTERS for k in ("before", "after")]
    before_all = statistics.median(sum(everything[0::2], []))
    after_all = statistics.median(sum(everything[1::2], []))
    report["allFilters"] = {"medianDeltaE2000": {"detuned": round(before_all, 2), "suggested": round(after_all, 2)},
                            "deltaE2000Reduction": round(1 - after_all / before_all, 3),
                            "madeWorse": round(sum(results[name]["worse"] for name, _, _, _ in FILTERS)
                                               / max(1, sum(results[name]["photos"] for name, _, _, _ in FILTERS)), 3)}
    # False alarms: untouched photos with a reading / a suggestion on each axis (either direction), and
    # how far the suggestions would move them.
    axes = sorted({axis for _, axis, _, _ in FILTERS})
    n = max(1, len(photos))
    report["untouched"] = {axis: {"readAsWrong": round(sum(u[0][axis] != 0 for u in untouched.values()) / n, 3),
                                  "suggested": round(sum(axis in u[1] for u in untouched.values()) / n, 3)}
                           for axis in axes}
    report["untouched"]["medianDeltaE2000MovedBySuggestions"] = {
        "allPhotos": round(statistics.median(untouched_moved), 2),
        "photosWithSuggestions": round(statistics.median([m for m in untouched_moved if m] or [0.0]), 2)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
