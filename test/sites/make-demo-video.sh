#!/bin/sh
# Regenerates public/media/demo.webm, the committed demo video (40 s, 160x90, VP8, no audio, ~80 KB):
# a test pattern with a running counter, so a frame grab shows whether it plays.
# Needs ffmpeg (apt-get install -y ffmpeg); the tests only need the committed file.
set -eu
cd "$(dirname "$0")"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc=size=160x90:rate=10:duration=40" \
  -c:v libvpx -b:v 20k -crf 40 -g 50 -an -deadline good public/media/demo.webm
