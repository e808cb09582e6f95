#!/usr/bin/env python3
"""Does the classifier read errors that another tool made? Detunes validation photos with the ffmpeg
program's own filters (exposure, eq, colortemperature, colorbalance, colorlevels), none of which the
training data uses, and asks `cinegrade-cli analyze` about each picture.

The filters' strengths are not calibrated to Cinegrade's levels (33/66/100 % of a full scale), so this
measures the direction only: for each filter, how often the axis it moves is read with the right sign
("read") and how often a confident suggestion in that direction is made ("suggested"), against how
often the untouched photos get the same reading (false alarms). The direction of the white-balance
filters is measured on each picture (mean R/B or G against R and B), not assumed.

    tools/eval-ffmpeg-detunes.py [--photos N] [--model M] [--cli build/app/cinegrade-cli] [--data ml/data/images]

Prints a JSON report. Needs ffmpeg and the photos of tools/fetch-training-images.sh (val split).
"""
import argparse
import json
import os
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
    return levels, suggested


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
    results = {name: {"read": 0, "suggested": 0, "photos": 0} for name, _, _, _ in FILTERS}
    with tempfile.TemporaryDirectory() as work:
        for index, photo in enumerate(photos):
            untouched[photo] = analyze(args.cli, args.model, photo)
            for name, axis, sign, graph in FILTERS:
                out = os.path.join(work, "detuned.png")
                run(["ffmpeg", "-v", "error", "-y", "-i", photo, "-vf", graph + ",format=rgb24", "-frames:v", "1",
                     out])
                direction = sign if sign is not None else expected_sign(axis, photo, out)
                if direction == 0:
                    continue
                levels, suggested = analyze(args.cli, args.model, out)
                entry = results[name]
                entry["photos"] += 1
                entry["read"] += levels[axis] * direction > 0
                entry["suggested"] += suggested.get(axis, 0) * direction > 0
            print("eval-ffmpeg-detunes: %d/%d photos" % (index + 1, len(photos)), file=sys.stderr)

    report = {"photos": len(photos), "filters": {}}
    for name, axis, _, _ in FILTERS:
        entry = results[name]
        n = max(1, entry["photos"])
        report["filters"][name] = {"axis": axis, "photos": entry["photos"],
                                   "readInTheRightDirection": round(entry["read"] / n, 3),
                                   "suggestedInTheRightDirection": round(entry["suggested"] / n, 3)}
    # False alarms: untouched photos with a reading / a suggestion on each axis (either direction).
    axes = sorted({axis for _, axis, _, _ in FILTERS})
    n = max(1, len(photos))
    report["untouched"] = {axis: {"readAsWrong": round(sum(levels[axis] != 0 for levels, _ in untouched.values()) / n, 3),
                                  "suggested": round(sum(axis in s for _, s in untouched.values()) / n, 3)}
                           for axis in axes}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
