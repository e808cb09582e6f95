#!/usr/bin/env bash
# The main job: set up, make a sample and a demo project, and open it in Cinegrade. Without a display,
# say so and do the headless equivalent with cinegrade-cli, printing where the results went.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CINEGRADE_BUILD_DIR:-$root/build}
"$root/tools/setup.sh"

demo=${CINEGRADE_DEMO_DIR:-$root/build/demo}
mkdir -p "$demo"
sample="$demo/sample.mp4"
if [ ! -f "$sample" ]; then
  "$root/tools/fetch-test-media.sh" >/dev/null 2>&1 || true
  footage="$root/tests/data/fetched/cockatoo.mp4"
  if [ -f "$footage" ]; then
    # Real camera footage with sound (imageio's sample clip, from Debian's python3-imageio).
    cp "$footage" "$sample"
  else
    # Offline fallback, generated: FFmpeg's testsrc2 pattern over soft gradients, with a tone.
    ffmpeg -hide_banner -loglevel error -y \
      -f lavfi -i "gradients=size=1280x720:rate=25:duration=5:c0=0x1d3557:c1=0xf4a261:c2=0x2a9d8f:c3=0xe9c46a:nb_colors=4:seed=3" \
      -f lavfi -i "testsrc2=size=640x360:rate=25:duration=5" -f lavfi -i "sine=frequency=440:duration=5" \
      -filter_complex "[0][1]overlay=320:180,format=yuv420p[v]" -map "[v]" -map 2:a \
      -c:v libx264 -crf 18 -colorspace bt709 -color_primaries bt709 -color_trc bt709 -c:a aac "$sample"
  fi
fi
cp "$root/packaging/demo/demo-grade.json" "$demo/demo-grade.json"
cat > "$demo/demo.cgproj" <<JSON
{
  "format": "cinegrade-project",
  "version": 1,
  "name": "Cinegrade demo",
  "color": {},
  "clips": [
    {"media": "sample.mp4", "name": "Sample", "grade": $(cat "$root/packaging/demo/demo-grade.json")}
  ]
}
JSON

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening the demo project $demo/demo.cgproj in Cinegrade"
  exec "$build/app/cinegrade" "$demo/demo.cgproj"
fi

echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the headless equivalent."
cli="$build/app/cinegrade-cli"
"$cli" render "$sample" -o "$demo/sample-graded.mp4" --grade "$demo/demo-grade.json" >/dev/null
"$cli" export-lut --grade "$demo/demo-grade.json" -o "$demo/demo-grade.cube" >/dev/null
# What the classifier finds in the ungraded sample (JSON; nothing is applied).
"$cli" analyze "$sample" --frame 100 >"$demo/sample-analysis.json" 2>/dev/null \
  || echo "(no classifier analysis: $("$cli" analyze "$sample" 2>&1 >/dev/null | head -1))"
QT_QPA_PLATFORM=offscreen "$build/app/cinegrade" --screenshot "$demo/cinegrade-window.png" "$demo/demo.cgproj" >/dev/null 2>&1 \
  || echo "(the window screenshot could not be made)"
echo "Graded clip (H.264):  $demo/sample-graded.mp4"
echo "Grade as a 3D LUT:    $demo/demo-grade.cube"
[ -s "$demo/sample-analysis.json" ] && echo "Classifier analysis:  $demo/sample-analysis.json"
[ -f "$demo/cinegrade-window.png" ] && echo "Application window:   $demo/cinegrade-window.png"
echo "Original sample:      $sample"
