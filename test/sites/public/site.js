// `?autoplay` in a page's address starts its videos (muted, so Chromium allows it without a gesture).
if (new URLSearchParams(location.search).has('autoplay')) {
  for (const video of document.querySelectorAll('video')) void video.play();
}
