// Marks the words a visitor searched for on a clause page they reached from the search page
// (loaded by SearchHighlight.astro only when the URL carries ?pagefind-highlight=…). Each
// result links with `?pagefind-highlight=<string>`, repeated, where every string is a piece of
// the clause's own text that matched (the search page works out, e.g., that 首台套 matched
// 首台（套）), so marking is plain exact matching. Only the clause's own words are searched:
// the heading, `.clause-text` and `.departments` inside `[data-pagefind-body]` (or the whole
// article when it has none of those).
// A classic script (no imports) so it also runs from a folder opened via file://.
(function () {
  var params = new URLSearchParams(location.search).getAll('pagefind-highlight');
  var wanted = params
    .map(function (p) { return p.trim().replace(/^"(.+)"$/, '$1'); })
    .filter(function (p, i, all) { return p !== '' && all.indexOf(p) === i; });
  if (wanted.length === 0) return;
  var BLOCKS = 'p,li,dd,dt,td,th,h1,h2,h3,h4,h5,h6,blockquote,section,article,div,header,footer,figcaption';
  var SKIP = 'script,style,noscript,template,[hidden]';
  var roots = document.querySelectorAll('[data-pagefind-body] :is(h1, .clause-text, .departments)');
  if (roots.length === 0) roots = document.querySelectorAll('[data-pagefind-body]');
  var hits = 0;
  Array.prototype.forEach.call(roots, function (root) {
    // Concatenate the text nodes; a line break between blocks stops a match spanning two paragraphs.
    var segments = [];
    var text = '';
    var lastBlock = null;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement && node.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var block = node.parentElement ? node.parentElement.closest(BLOCKS) : null;
      if (lastBlock && block !== lastBlock) text += '\n';
      segments.push({ node: node, start: text.length });
      text += node.data;
      lastBlock = block;
    }
    var ranges = [];
    wanted.forEach(function (w) {
      for (var at = text.indexOf(w); at !== -1; at = text.indexOf(w, at + w.length)) ranges.push([at, at + w.length]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    hits += merged.length;
    // Wrap from the end so earlier offsets in the same text node stay valid.
    for (var i = merged.length - 1; i >= 0; i--) {
      for (var j = segments.length - 1; j >= 0; j--) {
        var seg = segments[j];
        var from = Math.max(merged[i][0], seg.start);
        var to = Math.min(merged[i][1], seg.start + seg.node.data.length);
        if (from >= to) continue;
        var hit = seg.node.splitText(from - seg.start);
        hit.splitText(to - from);
        var mark = document.createElement('mark');
        mark.className = 'search-hit';
        hit.parentNode.replaceChild(mark, hit);
        mark.appendChild(hit);
      }
    }
  });
  document.documentElement.setAttribute('data-search-hits', String(hits));
  // The legend under the clause explains the mark once there is one.
  if (hits > 0) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-search-legend]'), function (el) { el.hidden = false; });
  }
  var first = document.querySelector('mark.search-hit');
  if (first) first.scrollIntoView({ block: 'center' });
})();
