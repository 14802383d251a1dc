#!/bin/sh
# Regenerates public/media/demo.webm, the committed demo video (40 s, 160x90, VP8 + a silent Opus track):
# a test pattern with a running counter, so a frame grab shows whether it plays. The (silent) audio track
# matters: Chromium pauses video-only media in a hidden tab by itself, which would hide whether the
# extension stops billing hidden tabs; a video with sound keeps playing there, as in real life.
# Needs ffmpeg (apt-get install -y ffmpeg); the tests only need the committed file.
set -eu
cd "$(dirname "$0")"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "testsrc=size=160x90:rate=10:duration=40" \
  -f lavfi -i "anullsrc=channel_layout=mono:sample_rate=48000" -t 40 \
  -c:v libvpx -b:v 20k -crf 40 -g 50 -deadline good -c:a libopus -b:a 6k public/media/demo.webm
