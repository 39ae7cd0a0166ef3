/** The portal's stylesheet: system fonts, readable on a laptop and a phone, visible focus. */
export const PORTAL_CSS = `:root {
  --fg: #1b1f24; --muted: #4a5360; --bg: #ffffff; --panel: #f4f6f8; --line: #d0d7de;
  --accent: #0b5cad; --accent-bg: #e6f0fa; --ok: #116329; --warn: #7a4d00; --bad: #a40e26;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--fg); background: var(--bg); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem 1rem; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .75rem 1.5rem; background: #102a43; }
header.top a { color: #ffffff; text-decoration: none; }
header.top .brand { font-weight: 700; font-size: 1.1rem; }
header.top ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
header.top a[aria-current="page"] { text-decoration: underline; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem 1.5rem; font-size: .9rem; }
h1 { font-size: 1.8rem; margin: 1rem 0 .25rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; }
.lead { color: var(--muted); font-size: 1.1rem; margin-top: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .75rem; overflow-x: auto; margin: 0; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
.empty { color: var(--muted); }
.badges, .cards, .results, .actions, .links, .lift { list-style: none; padding: 0; }
.badges { display: flex; flex-wrap: wrap; gap: .5rem; }
.badges li { background: var(--panel); border: 1px solid var(--line); border-radius: 999px; padding: .1rem .75rem; font-size: .9rem; }
.level-gold { background: #fff4cc !important; } .level-silver { background: #eef1f4 !important; } .level-bronze { background: #f8e6d8 !important; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .5rem; }
.cards li, .results li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; display: flex; flex-direction: column; }
.cards span, .results span { color: var(--muted); font-size: .9rem; }
.search { margin: 1rem 0; display: flex; flex-direction: column; gap: .25rem; }
.search input { font-size: 1.1rem; padding: .5rem .75rem; border: 2px solid var(--muted); border-radius: 6px; max-width: 40rem; }
.actions li { margin: .5rem 0; }
a.action { display: inline-block; background: var(--accent); color: #ffffff; padding: .4rem .9rem; border-radius: 6px; text-decoration: none; font-weight: 600; }
.snippet { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; }
.snippet-head { display: flex; justify-content: space-between; align-items: center; padding: .25rem .5rem; background: var(--panel); border-bottom: 1px solid var(--line); }
.snippet pre { border: 0; border-radius: 0 0 6px 6px; }
button.copy { font: inherit; font-size: .85rem; padding: .15rem .6rem; border: 1px solid var(--muted); border-radius: 4px; background: var(--bg); color: var(--fg); cursor: pointer; }
.status-pass { color: var(--ok); font-weight: 600; } .status-fail { color: var(--bad); font-weight: 600; } .status-unknown { color: var(--warn); font-weight: 600; }
.warning { border: 2px solid var(--bad); border-radius: 6px; padding: .5rem 1rem; }
.graph-figure { margin: 1rem 0; overflow-x: auto; }
.graph-figure figcaption { color: var(--muted); font-size: .9rem; }
svg.graph { max-width: 100%; height: auto; font-family: inherit; font-size: 12px; }
svg.graph rect { fill: var(--panel); stroke: var(--muted); }
svg.graph .node-self rect { fill: var(--accent-bg); stroke: var(--accent); stroke-width: 2; }
svg.graph .node-api rect { fill: #eef7ee; }
svg.graph .node-outside rect { fill: #ffffff; stroke-dasharray: 4 3; }
svg.graph text { text-anchor: middle; dominant-baseline: central; fill: var(--fg); }
svg.graph a text { fill: var(--accent); text-decoration: underline; }
svg.graph .edge { fill: none; stroke: var(--muted); stroke-width: 1.5; }
svg.graph marker path { fill: var(--muted); }
@media (max-width: 40rem) {
  main { padding: .5rem .75rem 2rem; }
  dl { grid-template-columns: 1fr; }
  dt { margin-top: .5rem; }
  h1 { font-size: 1.5rem; }
}
`;

/**
 * The portal's only script: copy buttons everywhere, and search on the home page over the
 * prebuilt MiniSearch index (loaded by a script tag, so it works from file:// too).
 */
export const PORTAL_JS = `(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button.copy') : null;
    if (!button) return;
    var code = document.getElementById(button.getAttribute('data-copy'));
    if (!code) return;
    var text = code.textContent;
    var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
    } else { fallback(text); done(); }
  });
  function fallback(text) {
    var area = document.createElement('textarea');
    area.value = text; area.setAttribute('readonly', ''); area.style.position = 'absolute'; area.style.left = '-9999px';
    document.body.appendChild(area); area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }
  var input = document.getElementById('q');
  var results = document.getElementById('results');
  var status = document.getElementById('results-status');
  if (!input || !results || !window.MiniSearch || !window.GOLDENPATH_SEARCH) return;
  var data = window.GOLDENPATH_SEARCH;
  var index = window.MiniSearch.loadJS(data.index, data.options);
  function render() {
    var query = input.value.trim();
    results.innerHTML = '';
    if (!query) { status.textContent = ''; return; }
    var hits = index.search(query).slice(0, 20);
    hits.forEach(function (hit) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = hit.url; a.textContent = hit.name;
      var note = document.createElement('span');
      note.textContent = hit.kind + (hit.team ? ' · ' + hit.team : '') + (hit.description ? ' · ' + hit.description : '');
      li.appendChild(a); li.appendChild(note); results.appendChild(li);
    });
    status.textContent = hits.length + ' result' + (hits.length === 1 ? '' : 's');
  }
  input.addEventListener('input', render);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { var first = results.querySelector('a'); if (first) first.click(); }
  });
})();
`;
