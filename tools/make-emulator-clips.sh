#!/usr/bin/env bash
# Makes the emulator's playable MP4 fixtures, one per frame size a provider can be asked for.
# Run once when the list changes (needs ffmpeg: apt-get update && apt-get install -y ffmpeg); the output is checked in.
set -euo pipefail
out="$(cd "$(dirname "$0")/.." && pwd)/src/Opper.Typed.Emulator/Clips"
mkdir -p "$out"
sizes=(
  # Sora sizes
  1280x720 720x1280 1792x1024 1024x1792
  # 720p by aspect ratio
  720x720 960x720 720x960 1080x720 720x1080
  # 480p by aspect ratio
  854x480 480x854 480x480 640x480 480x640 720x480 480x720
  # 1080p by aspect ratio
  1920x1080 1080x1920 1080x1080
)
for size in "${sizes[@]}"; do
  # One second at 6 fps of ffmpeg's test pattern, heavily compressed: real, playable, and a few KB.
  ffmpeg -loglevel error -y -f lavfi -i "testsrc2=size=${size}:rate=6:duration=1" \
    -c:v libx264 -preset veryslow -crf 45 -pix_fmt yuv420p -movflags +faststart -an \
    -metadata comment="Opper.Typed emulator clip ${size}" "$out/${size}.mp4"
done
ls -l "$out"
