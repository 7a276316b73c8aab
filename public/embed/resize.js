/* 兰州民族工作数据站 embed resizer: sets each embedded chart's iframe to the height its page reports.
   Listens only to messages from this script's own origin, and only for the iframe that sent them. */
(function () {
  var script = document.currentScript;
  if (!script || window.lzmzEmbedResizer) return;
  window.lzmzEmbedResizer = true;
  var origin = new URL(script.src, location.href).origin;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== 'lzmz:embed-height') return;
    var height = Number(data.height);
    if (!(height > 0 && height < 20000)) return;
    var frames = document.querySelectorAll('iframe[data-lzmz-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });
})();
