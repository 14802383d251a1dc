// The demo players show no browser controls: a click on a video plays or pauses it, as a site's own
// player does (also inside open shadow roots). `?autoplay` in a page's address starts its videos by
// themselves (muted, so browsers allow it without a gesture).
document.addEventListener('click', (event) => {
  const video = event.composedPath().find((node) => node instanceof HTMLVideoElement);
  if (video) void (video.paused ? video.play() : video.pause());
});

if (new URLSearchParams(location.search).has('autoplay')) {
  for (const video of document.querySelectorAll('video')) void video.play();
}
