/* 兰州民族工作数据站 reading settings (适老模式): large text, high contrast, read-aloud.
   Puts the reader's choices on <html> as data-text, data-contrast, data-motion and data-speech before
   anything is drawn. It is a classic script in <head>, without async or defer, on purpose: the browser
   runs it before it renders the body, so the page never flashes in the normal style first. An inline
   script would do the same but the Content Security Policy forbids inline scripts, and Astro's own
   scripts are deferred modules that run after the first paint. The choices stay in this browser
   (localStorage); nothing is sent anywhere. Embed pages also take ?text=large, ?contrast=high and
   ?theme=dark from their URL, so that a host page can pass its own settings on.
   <reading-settings> (src/reading/settings-element.ts) changes the choices through window.lzmzReading. */
(function () {
  var KEY = 'lzmz:reading';
  var VALUES = { text: ['large', 'normal'], contrast: ['high', 'normal'], speech: ['on', 'off'] };
  var root = document.documentElement;
  var embed = root.classList.contains('embed');
  var memory = {};

  function valid(name, value) {
    return VALUES[name].indexOf(value) >= 0;
  }

  /** The stored choices, only the known names and values; nothing when storage is blocked or holds something else. */
  function settings() {
    var parsed = memory;
    try {
      parsed = JSON.parse(localStorage.getItem(KEY) || '{}') || {};
    } catch (error) {
      parsed = memory;
    }
    var clean = {};
    for (var name in VALUES) if (valid(name, parsed[name])) clean[name] = parsed[name];
    return clean;
  }

  function matches(query) {
    return typeof matchMedia === 'function' && matchMedia(query).matches;
  }

  function set(name, value) {
    if (value) root.setAttribute('data-' + name, value);
    else root.removeAttribute('data-' + name);
  }

  function apply() {
    var chosen = settings();
    var params = embed ? new URLSearchParams(location.search) : null;
    var text = params && valid('text', params.get('text')) ? params.get('text') : chosen.text;
    var contrast = params && valid('contrast', params.get('contrast')) ? params.get('contrast') : chosen.contrast;
    var high = contrast === 'high' || (contrast === undefined && matches('(prefers-contrast: more)'));
    set('text', text === 'large' ? 'large' : null);
    set('contrast', high ? 'high' : null);
    set('motion', text === 'large' || high || matches('(prefers-reduced-motion: reduce)') ? 'reduce' : null);
    set('speech', !embed && chosen.speech === 'on' ? 'on' : null);
    var theme = params && params.get('theme');
    if (theme === 'dark' || theme === 'light') set('theme', theme);
  }

  /** Changes the stored choices (a value of null forgets one: the page then follows the system again) and applies them. */
  function update(patch) {
    var next = settings();
    for (var name in patch) {
      if (!(name in VALUES)) continue;
      if (valid(name, patch[name])) next[name] = patch[name];
      else delete next[name];
    }
    memory = next;
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch (error) {
      /* Storage blocked: the choice holds for this page only. */
    }
    apply();
    document.dispatchEvent(new CustomEvent('lzmz:reading'));
  }

  window.lzmzReading = { settings: settings, update: update };
  apply();
  addEventListener('storage', function (event) {
    if (event.key === KEY) {
      apply();
      document.dispatchEvent(new CustomEvent('lzmz:reading'));
    }
  });
  if (typeof matchMedia === 'function') {
    ['(prefers-contrast: more)', '(prefers-reduced-motion: reduce)'].forEach(function (query) {
      var list = matchMedia(query);
      if (list.addEventListener) list.addEventListener('change', apply);
    });
  }
})();
