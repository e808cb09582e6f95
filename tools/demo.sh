#!/usr/bin/env bash
# The main job: set up, make a sample and a demo project, and open it in Cinegrade. Without a display,
# say so and do the headless equivalent with cinegrade-cli, printing where the results went.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CINEGRADE_BUILD_DIR:-$root/build}
"$root/tools/setup.sh"

demo=${CINEGRADE_DEMO_DIR:-$root/build/demo}
mkdir -p "$demo"
sample="$demo/sample.png"
if [ ! -f "$sample" ]; then
  "$root/tools/fetch-test-media.sh" >/dev/null 2>&1 || true
  photo="$root/tests/data/fetched/fruits.jpg"
  if [ -f "$photo" ]; then
    # A real photograph (OpenCV's sample data, from Debian's opencv-doc), as 16-bit PNG.
    ffmpeg -hide_banner -loglevel error -y -i "$photo" -vf format=rgb48be -frames:v 1 "$sample"
  else
    # Offline fallback, generated: smooth colour gradients around FFmpeg's testsrc2 pattern.
    ffmpeg -hide_banner -loglevel error -y \
      -f lavfi -i "gradients=size=1280x720:c0=0x1d3557:c1=0xf4a261:c2=0x2a9d8f:c3=0xe9c46a:nb_colors=4:seed=3,format=rgb48le" \
      -f lavfi -i "testsrc2=size=1280x720,format=rgb48le" \
      -filter_complex "[1]scale=640:360[s];[0][s]overlay=320:180,format=rgb48be" -frames:v 1 "$sample"
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
    {"media": "sample.png", "name": "Sample", "grade": $(cat "$root/packaging/demo/demo-grade.json")}
  ]
}
JSON

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening the demo project $demo/demo.cgproj in Cinegrade"
  exec "$build/app/cinegrade" "$demo/demo.cgproj"
fi

echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the headless equivalent."
cli="$build/app/cinegrade-cli"
"$cli" render "$sample" -o "$demo/sample-graded.png" --grade "$demo/demo-grade.json" >/dev/null
"$cli" export-lut --grade "$demo/demo-grade.json" -o "$demo/demo-grade.cube" >/dev/null
QT_QPA_PLATFORM=offscreen "$build/app/cinegrade" --screenshot "$demo/cinegrade-window.png" "$demo/demo.cgproj" >/dev/null 2>&1 \
  || echo "(the window screenshot could not be made)"
echo "Graded sample:        $demo/sample-graded.png"
echo "Grade as a 3D LUT:    $demo/demo-grade.cube"
[ -f "$demo/cinegrade-window.png" ] && echo "Application window:   $demo/cinegrade-window.png"
echo "Original sample:      $sample"
