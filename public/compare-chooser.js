// City chooser of the compare pages (src/components/CompareColumns.astro): progressive
// enhancement, loaded deferred. Keeps the choice (2 cities or more) in ?cities=a,b, carries it
// to the other categories, and takes a city's column from its city-directory page when this
// page does not hold it. One file for every compare page, so browsers cache it once.
(function () {
  var picker = document.getElementById('city-picker');
  var wrap = document.getElementById('columns');
  if (!picker || !wrap) return;
  var status = picker.querySelector('.picker-status');
  var boxes = picker.querySelector('.picker-boxes');
  var adder = picker.querySelector('select');
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  // Every city of the atlas, from the directory links (absent when this page holds them all).
  var index = {};
  var order = [];
  each(document.querySelectorAll('#city-index a[href*="#city-"]'), function (a) {
    var slug = a.hash.slice(6);
    index[slug] = { name: a.textContent, href: a.href.split('#')[0] };
    order.push(slug);
  });
  function column(slug) { return wrap.querySelector('.column[data-city="' + slug + '"]'); }
  var defaults = Array.prototype.map.call(wrap.querySelectorAll('.column[data-city]'), function (c) { return c.getAttribute('data-city'); });
  var chosen = defaults.slice();
  function known(slug) { return defaults.indexOf(slug) >= 0 || Object.prototype.hasOwnProperty.call(index, slug); }
  function fromUrl() {
    var wanted = [];
    new URLSearchParams(window.location.search).getAll('cities').forEach(function (v) {
      v.split(',').forEach(function (s) { s = s.trim(); if (s && known(s) && wanted.indexOf(s) < 0) wanted.push(s); });
    });
    return wanted.length >= 2 ? wanted : defaults.slice();
  }
  function addBox(slug, name) {
    var label = document.createElement('label');
    var input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'cities';
    input.value = slug;
    label.appendChild(input);
    label.appendChild(document.createTextNode(' ' + name + ' '));
    boxes.appendChild(label);
    input.addEventListener('change', onBox);
  }
  function render() {
    each(wrap.querySelectorAll('.column[data-city]'), function (col) { col.hidden = chosen.indexOf(col.getAttribute('data-city')) < 0; });
    each(picker.querySelectorAll('input[name="cities"]'), function (b) { b.checked = chosen.indexOf(b.value) >= 0; });
    if (adder) {
      while (adder.options.length > 1) adder.remove(1);
      order.forEach(function (slug) { if (chosen.indexOf(slug) < 0) adder.add(new Option(index[slug].name, slug)); });
      adder.value = '';
    }
    var query = chosen.join(',') === defaults.join(',') ? '' : '?cities=' + chosen.join(',');
    each(document.querySelectorAll('a[data-keep-cities]'), function (a) { a.setAttribute('href', a.getAttribute('href').split('?')[0] + query); });
    try { history.replaceState(null, '', window.location.pathname + query + window.location.hash); } catch (e) { /* file:// may refuse; the columns still change */ }
  }
  // A city this page does not hold: take its column from its directory page.
  function load(slug) {
    var page = index[slug].href;
    return fetch(page).then(function (r) {
      if (!r.ok) throw new Error(page + ' ' + r.status);
      return r.text();
    }).then(function (html) {
      var col = new DOMParser().parseFromString(html, 'text/html').querySelector('.column[data-city="' + slug + '"]');
      if (!col) throw new Error(slug + ' not on ' + page);
      each(col.querySelectorAll('[href]'), function (a) { a.setAttribute('href', new URL(a.getAttribute('href'), page).href); });
      wrap.appendChild(document.importNode(col, true));
      if (!picker.querySelector('input[value="' + slug + '"]')) addBox(slug, index[slug].name);
    });
  }
  function choose(list) {
    chosen = list;
    var missing = list.filter(function (s) { return !column(s); });
    render();
    if (!missing.length) return;
    status.textContent = '正在载入 Loading…';
    Promise.all(missing.map(function (s) { return load(s).then(null, function () { return s; }); })).then(function (failed) {
      failed = failed.filter(Boolean);
      status.textContent = '';
      if (failed.length) {
        // Opened from a folder (file://) the browser will not read other pages: link them instead.
        chosen = chosen.filter(function (s) { return failed.indexOf(s) < 0; });
        if (chosen.length < 2) chosen = defaults.slice();
        status.appendChild(document.createTextNode('未能在本页载入，请打开：'));
        failed.forEach(function (s) {
          var a = document.createElement('a');
          a.href = index[s].href + '#city-' + s;
          a.textContent = index[s].name;
          status.appendChild(a);
          status.appendChild(document.createTextNode(' '));
        });
      }
      render();
    });
  }
  function onBox(event) {
    var list = Array.prototype.filter.call(picker.querySelectorAll('input[name="cities"]'), function (b) { return b.checked; }).map(function (b) { return b.value; });
    if (list.length < 2) {
      event.target.checked = true;
      status.textContent = '至少保留两个城市 Keep at least two cities';
      return;
    }
    status.textContent = '';
    choose(list);
  }
  each(picker.querySelectorAll('input[name="cities"]'), function (b) { b.addEventListener('change', onBox); });
  if (adder) adder.addEventListener('change', function () { if (adder.value) { status.textContent = ''; choose(chosen.concat([adder.value])); } });
  choose(fromUrl());
})();
