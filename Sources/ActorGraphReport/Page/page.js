(function () {
  'use strict';
  // Every piece of data reaches the page as text nodes (textContent, createTextNode) or
  // attribute values (setAttribute); nothing from the graph goes through innerHTML.
  const data = JSON.parse(document.getElementById('ag-data').textContent);
  const SVGNS = 'http://www.w3.org/2000/svg';
  const TYPES = ['supports', 'opposes', 'hosts', 'meets'];
  const MODALITIES = ['asserted', 'reported', 'possible', 'denied'];
  const KINDS = ['government', 'militia', 'organization', 'person', 'international', 'group'];

  const actorsById = new Map(data.actors.map(a => [a.id, a]));
  const relById = new Map(data.relations.map(r => [r.id, r]));
  const docsById = new Map(data.documents.map(d => [d.id, d]));
  const presentKinds = KINDS.filter(k => data.actors.some(a => a.kind === k));
  const presentTypes = TYPES.filter(t => data.relations.some(r => r.type === t));
  const presentModalities = MODALITIES.filter(m => data.relations.some(r => r.modality === m));

  const state = {
    types: new Set(TYPES), modalities: new Set(MODALITIES), kinds: new Set(KINDS),
    asOf: null, selected: null, path: null, engine: '', focus: null
  };

  // ---------- small helpers ----------
  function h(tag, attrs) {
    const node = document.createElement(tag);
    if (attrs) for (const k of Object.keys(attrs)) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'on') for (const ev of Object.keys(attrs.on)) node.addEventListener(ev, attrs.on[ev]);
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) node.setAttribute(k, attrs[k]);
    }
    for (let i = 2; i < arguments.length; i++) {
      const c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }
  function s(tag, attrs) {
    const node = document.createElementNS(SVGNS, tag);
    if (attrs) for (const k of Object.keys(attrs)) {
      if (k === 'text') node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]);
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }
  function name(id) { const a = actorsById.get(id); return a ? a.name : id; }
  function fold(text) {
    return String(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[\u2010-\u2015\-_'\u2019`]/g, ' ').replace(/\s+/g, ' ').trim();
  }
  // Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as the first and last day they cover, as text
  // that sorts by date.
  function dstart(d) { const p = d.split('-'); return p[0] + '-' + (p[1] || '01') + '-' + (p[2] || '01'); }
  function dend(d) { const p = d.split('-'); return p[0] + '-' + (p[1] || '12') + '-' + (p[2] || '31'); }
  function chronological(a, b) {
    if (a.date && b.date && a.date !== b.date) return dstart(a.date) < dstart(b.date) ? -1 : dstart(a.date) > dstart(b.date) ? 1 : (a.date.length - b.date.length);
    if (!a.date && b.date) return -1;
    if (a.date && !b.date) return 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }
  function arrow(type, backwards) {
    if (data.styles.types[type] && data.styles.types[type].symmetric) return ' \u2014' + type + '\u2014 ';
    return backwards ? ' \u2190' + type + '\u2014 ' : ' \u2014' + type + '\u2192 ';
  }
  function span(r) { return r.date ? (r.until ? r.date + ' to ' + r.until : r.date) : 'undated'; }

  // ---------- the view: which relations and actors the filters keep (GraphView's rule) ----------
  function restricts() {
    return state.asOf !== null || TYPES.some(t => !state.types.has(t)) ||
      MODALITIES.some(m => !state.modalities.has(m)) || presentKinds.some(k => !state.kinds.has(k));
  }
  function keeps(r) {
    if (!state.types.has(r.type) || !state.modalities.has(r.modality)) return false;
    const s0 = actorsById.get(r.source), t0 = actorsById.get(r.target);
    if (!s0 || !t0) return false;
    if (state.asOf !== null) {
      if (!r.date) return false;
      if (dstart(r.date) > dend(state.asOf)) return false;
      if (r.until && dend(r.until) < dstart(state.asOf)) return false;
    }
    if (presentKinds.some(k => !state.kinds.has(k)) && (!state.kinds.has(s0.kind) || !state.kinds.has(t0.kind))) return false;
    return true;
  }
  let view = { relations: new Set(), actors: new Set() };
  function computeView() {
    const rels = new Set(), actors = new Set();
    const restricted = restricts();
    for (const r of data.relations) if (keeps(r)) { rels.add(r.id); actors.add(r.source); actors.add(r.target); }
    if (!restricted) for (const a of data.actors) actors.add(a.id);
    if (state.focus && actors.has(state.focus)) {
      // The neighbourhood of the focus (depth 1), as `render --focus` draws it.
      const near = new Set([state.focus]);
      for (const id of rels) { const r = relById.get(id); if (r.source === state.focus) near.add(r.target); if (r.target === state.focus) near.add(r.source); }
      for (const id of Array.from(rels)) { const r = relById.get(id); if (!near.has(r.source) || !near.has(r.target)) rels.delete(id); }
      for (const a of Array.from(actors)) if (!near.has(a)) actors.delete(a);
    }
    view = { relations: rels, actors: actors };
  }

  // ---------- drawing ----------
  let svg = null, vb0 = null, vb = null;
  const edgeEls = new Map(), nodeEls = new Map(), memberEls = [];
  function adoptSVG() {
    svg = $('ag-drawing').querySelector('svg');
    edgeEls.clear(); nodeEls.clear(); memberEls.length = 0;
    if (!svg) return;
    svg.removeAttribute('width'); svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    const v = (svg.getAttribute('viewBox') || '0 0 100 100').trim().split(/[\s,]+/).map(Number);
    vb0 = { x: v[0], y: v[1], w: v[2], h: v[3] };
    vb = Object.assign({}, vb0);
    for (const g of svg.querySelectorAll('g.node')) if (actorsById.has(g.id)) nodeEls.set(g.id, g);
    for (const g of svg.querySelectorAll('g.edge')) {
      // A wide transparent copy of each edge's line, so that a thin edge is easy to click.
      const line = g.querySelector('path');
      if (line && !g.querySelector('.ag-hit')) {
        const hit = line.cloneNode(false);
        hit.setAttribute('class', 'ag-hit'); hit.setAttribute('stroke', 'transparent'); hit.setAttribute('stroke-width', '10');
        hit.setAttribute('fill', 'none'); hit.removeAttribute('stroke-dasharray');
        line.parentNode.insertBefore(hit, line);
      }
      if (relById.has(g.id)) edgeEls.set(g.id, g);
      else if (g.id.indexOf('member:') === 0) {
        const parts = g.id.split(':'); const k = Number(parts.pop()); const who = parts.slice(1).join(':');
        const a = actorsById.get(who);
        if (a && a.memberOf[k] !== undefined) memberEls.push({ el: g, from: who, to: a.memberOf[k] });
      }
    }
  }
  function setViewBox() { if (svg) svg.setAttribute('viewBox', vb.x + ' ' + vb.y + ' ' + vb.w + ' ' + vb.h); }
  function toDrawing(clientX, clientY) {
    const m = svg.getScreenCTM(); if (!m) return { x: 0, y: 0 };
    const p = svg.createSVGPoint(); p.x = clientX; p.y = clientY;
    const q = p.matrixTransform(m.inverse()); return { x: q.x, y: q.y };
  }
  function zoom(factor, cx, cy) {
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    const c = (cx === undefined) ? toDrawing(rect.left + rect.width / 2, rect.top + rect.height / 2) : toDrawing(cx, cy);
    const w = Math.min(Math.max(vb.w / factor, vb0.w / 40), vb0.w * 4), f = vb.w / w;
    vb = { x: c.x - (c.x - vb.x) / f, y: c.y - (c.y - vb.y) / f, w: w, h: vb.h / f };
    setViewBox();
  }
  function fit() { vb = Object.assign({}, vb0); setViewBox(); }
  function centreOn(id) {
    const g = nodeEls.get(id); if (!g || !svg) return;
    try {
      const b = g.getBBox(); const m = g.getCTM(), root = svg.getCTM();
      const p = svg.createSVGPoint(); p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
      const q = p.matrixTransform(root.inverse().multiply(m));
      vb.x = q.x - vb.w / 2; vb.y = q.y - vb.h / 2; setViewBox();
    } catch (e) { /* not rendered yet */ }
  }
  function installPanZoom() {
    const box = $('ag-drawing');
    let drag = null;
    box.addEventListener('wheel', e => { e.preventDefault(); zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY); }, { passive: false });
    box.addEventListener('pointerdown', e => {
      if (!svg || e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, start: toDrawing(e.clientX, e.clientY), vb: Object.assign({}, vb), moved: false };
    });
    box.addEventListener('pointermove', e => {
      if (!drag) return;
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 4) drag.moved = true;
      if (!drag.moved) return;
      vb = Object.assign({}, drag.vb); setViewBox();
      const now = toDrawing(e.clientX, e.clientY);
      vb.x = drag.vb.x - (now.x - drag.start.x); vb.y = drag.vb.y - (now.y - drag.start.y); setViewBox();
      box.classList.add('ag-dragging');
    });
    const end = () => { setTimeout(() => { drag = null; }, 0); box.classList.remove('ag-dragging'); };
    box.addEventListener('pointerup', end);
    box.addEventListener('pointerleave', end);
    box.addEventListener('click', e => {
      if (drag && drag.moved) return;
      const g = e.target.closest ? e.target.closest('g.node, g.edge') : null;
      if (!g) return;
      if (nodeEls.get(g.id) === g) selectActor(g.id, false);
      else if (edgeEls.get(g.id) === g) selectRelation(g.id);
    });
    $('ag-zoom-in').addEventListener('click', () => zoom(1.3));
    $('ag-zoom-out').addEventListener('click', () => zoom(1 / 1.3));
    $('ag-zoom-fit').addEventListener('click', fit);
  }

  function paint() {
    for (const [id, g] of edgeEls) g.style.display = view.relations.has(id) ? '' : 'none';
    for (const [id, g] of nodeEls) g.style.display = view.actors.has(id) ? '' : 'none';
    for (const m of memberEls) m.el.style.display = view.actors.has(m.from) && view.actors.has(m.to) ? '' : 'none';
    for (const g of nodeEls.values()) g.classList.toggle('ag-selected', g.id === state.selected);
    if (svg) {
      const onPath = state.path;
      svg.classList.toggle('ag-dim', !!onPath);
      for (const [id, g] of nodeEls) g.classList.toggle('ag-onpath', !!onPath && onPath.actors.has(id));
      for (const [id, g] of edgeEls) g.classList.toggle('ag-onpath', !!onPath && onPath.relations.has(id));
    }
    $('ag-status').textContent = 'Showing ' + view.relations.size + ' of ' + data.relations.length + ' relations, ' +
      view.actors.size + ' of ' + data.actors.length + ' actors' + (state.asOf ? ' as of ' + state.asOf : '');
    $('ag-status').setAttribute('data-visible-relations', String(view.relations.size));
    drawTimelineMarker();
  }
  let redraw = null;
  function update() {
    computeView();
    paint();
    // Live: the server draws the view again; a burst of changes (the slider) asks once.
    if (data.live) { clearTimeout(redraw); $('ag-drawing').setAttribute('aria-busy', 'true'); redraw = setTimeout(requestDrawing, 120); }
    if (state.selected) selectActor(state.selected, false, true);
  }

  // ---------- live drawing (serve): the server re-renders each view ----------
  let drawingRequest = 0;
  function viewQuery() {
    const q = new URLSearchParams();
    if (TYPES.some(t => !state.types.has(t))) q.set('types', TYPES.filter(t => state.types.has(t)).join(','));
    if (MODALITIES.some(m => !state.modalities.has(m))) q.set('modalities', MODALITIES.filter(m => state.modalities.has(m)).join(','));
    if (presentKinds.some(k => !state.kinds.has(k))) q.set('kinds', KINDS.filter(k => state.kinds.has(k)).join(','));
    if (state.asOf) q.set('asOf', state.asOf);
    return q;
  }
  function requestDrawing() {
    const q = viewQuery();
    if (state.engine) q.set('engine', state.engine);
    if (state.focus) { q.set('focus', state.focus); q.set('depth', '1'); }
    const n = ++drawingRequest;
    fetch('api/view?' + q.toString()).then(r => r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status))).then(text => {
      if (n !== drawingRequest) return;
      $('ag-drawing').setAttribute('aria-busy', 'false');
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      if (!root || root.nodeName !== 'svg') return;
      const box = $('ag-drawing'); clear(box); box.appendChild(document.importNode(root, true));
      adoptSVG(); paint();
    }).catch(err => {
      if (n === drawingRequest) $('ag-drawing').setAttribute('aria-busy', 'false');
      $('ag-status').textContent = 'drawing failed: ' + err.message;
    });
  }

  // ---------- side panel ----------
  function docLine(ev) {
    const d = docsById.get(ev.document);
    const bits = [];
    if (d && d.title) bits.push(d.title);
    if (d && d.outlet) bits.push(d.outlet);
    if (d && d.published) bits.push(d.published);
    bits.push(ev.path || (d ? d.path : ev.document));
    return bits.join(' \u00b7 ');
  }
  function relationItem(r, from) {
    const backwards = from !== undefined && r.target === from && r.source !== from;
    const head = h('div', { class: 'ag-rel-head' });
    const first = backwards ? r.target : r.source, second = backwards ? r.source : r.target;
    head.appendChild(actorButton(first));
    head.appendChild(h('span', { class: 'ag-arrow ag-type-' + r.type, text: arrow(r.type, backwards) }));
    head.appendChild(actorButton(second));
    const meta = h('div', { class: 'ag-rel-meta' },
      h('span', { class: 'ag-date', text: span(r) }), ' \u00b7 ',
      h('span', { class: 'ag-modality ag-mod-' + r.modality, text: r.modality }),
      r.label ? ' \u00b7 ' : null, r.label ? h('span', { class: 'ag-label', text: r.label }) : null,
      view.relations.has(r.id) ? null : h('span', { class: 'ag-hidden-note', text: ' (hidden by the filters)' }));
    const quotes = h('div', { class: 'ag-quotes' });
    for (const ev of r.evidence) {
      quotes.appendChild(h('blockquote', { class: 'ag-quote', dir: 'auto' }, h('span', { text: ev.quote })));
      quotes.appendChild(h('cite', { class: 'ag-cite', dir: 'auto', text: docLine(ev) }));
    }
    if (!r.evidence.length) quotes.appendChild(h('p', { class: 'ag-noquote', text: 'no quote' }));
    return h('li', { class: 'ag-rel', 'data-relation': r.id }, head, meta, quotes);
  }
  function actorButton(id) {
    return h('button', { type: 'button', class: 'ag-actor-link', dir: 'auto', 'data-actor': id, text: name(id),
      on: { click: () => selectActor(id, true) } });
  }
  function openPanel(title, subtitle, items) {
    const body = $('ag-panel-body'); clear(body);
    body.appendChild(h('h2', { dir: 'auto', text: title }));
    if (subtitle) body.appendChild(h('p', { class: 'ag-sub', dir: 'auto', text: subtitle }));
    const list = h('ul', { class: 'ag-rel-list' });
    for (const it of items) list.appendChild(it);
    body.appendChild(list);
    $('ag-panel').hidden = false;
  }
  function selectActor(id, centre, quiet) {
    const a = actorsById.get(id); if (!a) return;
    state.selected = id;
    const rels = data.relations.filter(r => r.source === id || r.target === id).sort(chronological);
    const shown = rels.filter(r => view.relations.has(r.id)).length;
    const bits = [a.kind];
    if (a.country) bits.push(a.country);
    if (a.aliases.length) bits.push('also: ' + a.aliases.join('; '));
    if (a.memberOf.length) bits.push('member of ' + a.memberOf.map(name).join(', '));
    bits.push(rels.length + ' relations (' + shown + ' shown)');
    openPanel(a.name, bits.join(' \u00b7 '), rels.map(r => relationItem(r, id)));
    $('ag-panel-body').setAttribute('data-actor', id);
    if (data.live) $('ag-panel-body').appendChild(liveActorTools(id));
    if (!quiet) { paint(); if (centre) centreOn(id); }
  }
  function selectRelation(id) {
    const r = relById.get(id); if (!r) return;
    openPanel(name(r.source) + arrow(r.type) + name(r.target), 'relation ' + r.id, [relationItem(r)]);
    $('ag-panel-body').setAttribute('data-relation', id);
  }

  // ---------- search ----------
  const searchIndex = data.actors.map(a => ({ id: a.id, keys: [a.name].concat(a.aliases).map(fold), name: a.name }));
  function search(text) {
    const q = fold(text); if (!q) return [];
    const exact = [], prefix = [], inner = [];
    for (const e of searchIndex) {
      if (e.keys.some(k => k === q) || e.id === text) exact.push(e);
      else if (e.keys.some(k => k.startsWith(q))) prefix.push(e);
      else if (e.keys.some(k => k.indexOf(q) >= 0) || e.id.indexOf(text) >= 0) inner.push(e);
    }
    return exact.concat(prefix, inner);
  }
  function installSearch() {
    const input = $('ag-search'), list = $('ag-search-results');
    function show() {
      clear(list);
      const found = search(input.value).slice(0, 20);
      for (const e of found) {
        const a = actorsById.get(e.id);
        list.appendChild(h('li', {}, h('button', { type: 'button', dir: 'auto', 'data-actor': e.id,
          on: { click: () => { selectActor(e.id, true); clear(list); } } }, a.name, h('small', { text: ' ' + a.kind }))));
      }
      if (input.value && !found.length) list.appendChild(h('li', { class: 'ag-none', text: 'no actor matches' }));
    }
    input.addEventListener('input', show);
    input.addEventListener('keydown', e => {
      if (e.key === 'Enter') { const f = search(input.value); if (f.length) { selectActor(f[0].id, true); clear(list); } }
      if (e.key === 'Escape') { input.value = ''; clear(list); }
    });
    const names = $('ag-actor-names');
    for (const a of data.actors) names.appendChild(h('option', { value: a.name }));
  }
  function resolve(text) {
    text = String(text).trim(); if (!text) return { error: 'give an actor' };
    if (actorsById.has(text)) return { id: text };
    const q = fold(text);
    const exact = searchIndex.filter(e => e.keys.indexOf(q) >= 0);
    if (exact.length === 1) return { id: exact[0].id };
    if (exact.length > 1) return { error: '\u201c' + text + '\u201d is ambiguous: ' + exact.map(e => e.name + ' (' + e.id + ')').join(', ') };
    const loose = search(text);
    if (loose.length === 1) return { id: loose[0].id };
    return { error: loose.length ? '\u201c' + text + '\u201d is ambiguous: ' + loose.slice(0, 5).map(e => e.name).join(', ') : 'no actor \u201c' + text + '\u201d' };
  }

  // ---------- path finder: breadth-first search on the view (actorgraph path's semantics) ----------
  function findPath(from, to, directed) {
    const adj = new Map();
    function add(a, b, r) { if (!adj.has(a)) adj.set(a, new Map()); const m = adj.get(a); if (!m.has(b)) m.set(b, []); m.get(b).push(r); }
    for (const id of view.relations) {
      const r = relById.get(id);
      if (r.source === r.target) continue;
      add(r.source, r.target, r);
      if (!directed || data.styles.types[r.type].symmetric) add(r.target, r.source, r);
    }
    const answer = { from: from, to: to, mode: directed ? 'directed' : 'undirected', paths: [] };
    if (!view.actors.has(from) || !view.actors.has(to)) return answer;
    const prev = new Map([[from, null]]); let frontier = [from];
    while (frontier.length && !prev.has(to)) {
      const next = [];
      for (const a of frontier) {
        const nb = adj.get(a); if (!nb) continue;
        for (const b of Array.from(nb.keys()).sort()) if (!prev.has(b)) { prev.set(b, a); next.push(b); }
      }
      frontier = next;
    }
    if (!prev.has(to)) return answer;
    const actors = []; for (let x = to; x !== null; x = prev.get(x)) actors.unshift(x);
    const hops = [];
    for (let i = 0; i + 1 < actors.length; i++) {
      hops.push({ from: actors[i], to: actors[i + 1], relations: adj.get(actors[i]).get(actors[i + 1]).slice().sort(chronological) });
    }
    answer.paths.push({ length: hops.length, actors: actors, hops: hops });
    return answer;
  }
  function showPath(answer) {
    const out = $('ag-path-result'); clear(out);
    if (!answer.paths.length) {
      state.path = null; paint();
      out.appendChild(h('p', { class: 'ag-none', text: 'No path from ' + name(answer.from) + ' to ' + name(answer.to) + ' in the current view.' }));
      return;
    }
    const p = answer.paths[0];
    out.appendChild(h('p', { text: p.hops.length + (p.hops.length === 1 ? ' hop' : ' hops') + ' (' + answer.mode + '):' }));
    const ol = h('ol', { class: 'ag-hops' });
    const onPath = { actors: new Set(p.actors), relations: new Set() };
    for (const hop of p.hops) {
      const rels = h('ul', { class: 'ag-rel-list' });
      for (const r of hop.relations) { onPath.relations.add(r.id); rels.appendChild(relationItem(r, hop.from)); }
      ol.appendChild(h('li', { class: 'ag-hop' }, h('div', { class: 'ag-hop-head', dir: 'auto', text: name(hop.from) + ' \u2192 ' + name(hop.to) }), rels));
    }
    out.appendChild(ol);
    state.path = onPath; paint();
  }
  function installPathFinder() {
    $('ag-path-form').addEventListener('submit', e => {
      e.preventDefault();
      const out = $('ag-path-result'); clear(out);
      const a = resolve($('ag-path-from').value), b = resolve($('ag-path-to').value);
      for (const x of [a, b]) if (x.error) { out.appendChild(h('p', { class: 'ag-error', text: x.error })); }
      if (a.error || b.error) return;
      const directed = $('ag-path-directed').checked;
      if (data.live) {
        const q = viewQuery(); q.set('from', a.id); q.set('to', b.id); if (directed) q.set('directed', 'true');
        fetch('api/path?' + q.toString()).then(r => r.json()).then(j => {
          if (j.error) { out.appendChild(h('p', { class: 'ag-error', text: j.error })); return; }
          j.paths.forEach(p => p.hops.forEach(hop => { hop.relations = hop.relations.map(r => relById.get(r.id) || r); }));
          showPath(j);
        });
      } else showPath(findPath(a.id, b.id, directed));
    });
    $('ag-path-clear').addEventListener('click', () => { state.path = null; clear($('ag-path-result')); paint(); });
  }

  // ---------- legend and filters ----------
  function kindSwatch(kind) {
    const st = data.styles.kinds[kind];
    const box = s('svg', { width: '28', height: '18', viewBox: '0 0 28 18', 'aria-hidden': 'true' });
    let shape;
    if (st.shape === 'ellipse') shape = s('ellipse', { cx: 14, cy: 9, rx: 12, ry: 7 });
    else if (st.shape === 'octagon') shape = s('polygon', { points: '8,2 20,2 26,6 26,12 20,16 8,16 2,12 2,6' });
    else if (st.shape === 'hexagon') shape = s('polygon', { points: '7,2 21,2 27,9 21,16 7,16 1,9' });
    else shape = s('rect', { x: 2, y: 2, width: 24, height: 14, rx: kind === 'organization' ? 4 : 0 });
    shape.setAttribute('fill', st.fill); shape.setAttribute('stroke', st.line);
    if (kind === 'group') shape.setAttribute('stroke-dasharray', '3 2');
    box.appendChild(shape); return box;
  }
  function lineSwatch(color, dash, head, faded) {
    const box = s('svg', { width: '40', height: '14', viewBox: '0 0 40 14', 'aria-hidden': 'true' });
    const line = s('line', { x1: 2, y1: 7, x2: head === 'none' ? 38 : 31, y2: 7, stroke: color, 'stroke-width': 1.6 });
    if (dash === 'dashed') line.setAttribute('stroke-dasharray', '5 3');
    if (dash === 'dotted') line.setAttribute('stroke-dasharray', '1.5 2.5');
    if (faded) line.setAttribute('opacity', '0.4');
    box.appendChild(line);
    if (head === 'normal') box.appendChild(s('polygon', { points: '30,3 38,7 30,11', fill: color }));
    if (head === 'tee') box.appendChild(s('line', { x1: 33, y1: 2, x2: 33, y2: 12, stroke: color, 'stroke-width': 2.5 }));
    if (head === 'diamond') box.appendChild(s('polygon', { points: '30,7 34,3 38,7 34,11', fill: color }));
    return box;
  }
  function filterRow(group, value, swatch, count) {
    const id = 'ag-f-' + group + '-' + value;
    const box = h('input', { type: 'checkbox', id: id, checked: 'checked', 'data-filter': group, value: value });
    box.addEventListener('change', () => {
      const set = state[group]; if (box.checked) set.add(value); else set.delete(value);
      update();
    });
    return h('label', { class: 'ag-filter', for: id }, box, swatch, h('span', { text: value }), h('small', { text: ' ' + count }));
  }
  function buildLegend() {
    const kinds = $('ag-legend-kinds'), types = $('ag-legend-types'), mods = $('ag-legend-modalities');
    for (const k of presentKinds) kinds.appendChild(filterRow('kinds', k, kindSwatch(k), data.actors.filter(a => a.kind === k).length));
    for (const t of presentTypes) {
      const st = data.styles.types[t];
      types.appendChild(filterRow('types', t, lineSwatch(st.color, 'solid', st.symmetric ? 'none' : st.arrowhead), data.relations.filter(r => r.type === t).length));
    }
    for (const m of presentModalities) {
      mods.appendChild(filterRow('modalities', m, lineSwatch('#374151', data.styles.modalities[m], 'normal', m === 'denied'), data.relations.filter(r => r.modality === m).length));
    }
    if (data.actors.some(a => a.memberOf.length)) {
      $('ag-legend-extra').appendChild(h('div', { class: 'ag-filter' }, lineSwatch('#9ca3af', 'dashed', 'none'), h('span', { text: 'member of' })));
    }
  }

  // ---------- as-of slider and timeline ----------
  const dated = data.relations.filter(r => r.date);
  const months = [];
  (function () {
    if (!dated.length) return;
    let lo = null, hi = null;
    for (const r of dated) {
      const a = dstart(r.date).slice(0, 7), b = dstart(r.until || r.date).slice(0, 7);
      if (lo === null || a < lo) lo = a;
      if (hi === null || b > hi) hi = b;
    }
    let y = Number(lo.slice(0, 4)), m = Number(lo.slice(5, 7));
    const hy = Number(hi.slice(0, 4)), hm = Number(hi.slice(5, 7));
    while (y < hy || (y === hy && m <= hm)) { months.push(y + '-' + (m < 10 ? '0' : '') + m); m++; if (m > 12) { m = 1; y++; } }
  })();
  function installSlider() {
    const slider = $('ag-asof'), label = $('ag-asof-label');
    slider.min = '0'; slider.max = String(months.length); slider.step = '1'; slider.value = String(months.length);
    slider.setAttribute('data-months', JSON.stringify(months));
    if (!months.length) slider.disabled = true;
    function read() {
      const i = Number(slider.value);
      state.asOf = i >= months.length ? null : months[i];
      label.textContent = state.asOf ? state.asOf : 'all dates';
      update();
    }
    slider.addEventListener('input', read);
    slider.addEventListener('change', read);
    label.textContent = 'all dates';
  }
  function setAsOf(month) {
    const i = months.indexOf(month); const slider = $('ag-asof');
    slider.value = String(i < 0 ? months.length : i); slider.dispatchEvent(new Event('input'));
  }
  let timelineGeometry = null;
  function drawTimeline() {
    const box = $('ag-timeline'); clear(box);
    if (!months.length) { box.appendChild(h('p', { class: 'ag-none', text: 'No dated relations.' })); return; }
    const counts = months.map(() => ({}));
    let yearOnly = 0, max = 1;
    for (const r of dated) {
      if (r.date.length === 4) yearOnly++;
      const i = months.indexOf(dstart(r.date).slice(0, 7)); if (i < 0) continue;
      counts[i][r.type] = (counts[i][r.type] || 0) + 1;
    }
    for (const c of counts) max = Math.max(max, TYPES.reduce((n, t) => n + (c[t] || 0), 0));
    const bw = Math.max(4, Math.min(18, Math.floor(900 / months.length))), H = 90, top = 8, W = months.length * bw + 40;
    const chart = s('svg', { id: 'ag-timeline-svg', width: String(W), height: String(H + 30), viewBox: '0 0 ' + W + ' ' + (H + 30), role: 'img' });
    chart.appendChild(s('title', { text: 'Relations per month by type (start month)' }));
    counts.forEach((c, i) => {
      let y = top + H;
      const g = s('g', { class: 'ag-tl-month', 'data-month': months[i] });
      const total = TYPES.reduce((n, t) => n + (c[t] || 0), 0);
      g.appendChild(s('rect', { x: 30 + i * bw, y: top, width: bw, height: H, fill: 'transparent' }));
      for (const t of TYPES) {
        const n = c[t] || 0; if (!n) continue;
        const hh = n / max * H; y -= hh;
        g.appendChild(s('rect', { x: 30 + i * bw + 0.5, y: y, width: bw - 1, height: hh, fill: data.styles.types[t].color, class: 'ag-tl-bar ag-type-' + t }));
      }
      g.appendChild(s('title', { text: months[i] + ': ' + total + ' relations' + TYPES.filter(t => c[t]).map(t => ', ' + c[t] + ' ' + t).join('') }));
      g.addEventListener('click', () => setAsOf(months[i]));
      chart.appendChild(g);
      if (months[i].slice(5) === '01' || i === 0) {
        chart.appendChild(s('line', { x1: 30 + i * bw, y1: top + H, x2: 30 + i * bw, y2: top + H + 6, stroke: '#6b7280' }));
        chart.appendChild(s('text', { x: 30 + i * bw + 2, y: top + H + 18, 'font-size': '11', fill: '#374151', text: months[i].slice(0, 4) }));
      }
    });
    chart.appendChild(s('line', { x1: 30, y1: top + H, x2: 30 + months.length * bw, y2: top + H, stroke: '#6b7280' }));
    chart.appendChild(s('text', { x: 2, y: top + 10, 'font-size': '10', fill: '#6b7280', text: String(max) }));
    const marker = s('line', { id: 'ag-tl-marker', x1: 0, y1: top, x2: 0, y2: top + H, stroke: '#111827', 'stroke-width': 2, 'stroke-dasharray': '3 2' });
    marker.style.display = 'none';
    chart.appendChild(marker);
    box.appendChild(chart);
    const legend = h('p', { class: 'ag-tl-note' }, 'Relations per month, by type, at the month each began' +
      (yearOnly ? ' (' + yearOnly + ' dated by year only count in its January)' : '') + '; ' +
      (data.relations.length - dated.length) + ' undated. Click a month to see the graph as of then.');
    box.appendChild(legend);
    timelineGeometry = { bw: bw, left: 30 };
  }
  function drawTimelineMarker() {
    const marker = $('ag-tl-marker'); if (!marker || !timelineGeometry) return;
    const i = state.asOf ? months.indexOf(state.asOf) : -1;
    if (i < 0) { marker.style.display = 'none'; return; }
    const x = timelineGeometry.left + (i + 1) * timelineGeometry.bw;
    marker.setAttribute('x1', x); marker.setAttribute('x2', x); marker.style.display = '';
  }

  // ---------- live questions (serve) ----------
  function getJSON(url, opts) {
    return fetch(url, opts).then(r => r.json().then(j => { if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status)); return j; }));
  }
  function liveActorTools(id) {
    const box = h('div', { class: 'ag-live-tools' });
    const out = h('div', { class: 'ag-live-out' });
    box.appendChild(h('button', { type: 'button', text: 'Allies and adversaries', on: { click: () => {
      const q = viewQuery(); q.set('actor', id);
      getJSON('api/allies?' + q.toString()).then(j => {
        clear(out);
        for (const [key, title] of [['allies', 'Allies'], ['adversaries', 'Adversaries'], ['ambivalent', 'Ambivalent'], ['twoStepAllies', 'Two-step allies'], ['twoStepAdversaries', 'Two-step adversaries']]) {
          if (!j[key].length) continue;
          out.appendChild(h('h3', { text: title }));
          const ul = h('ul'); for (const t of j[key]) ul.appendChild(h('li', {}, actorButton(t.actor), t.through ? ' via ' + name(t.through) : '', ' (' + t.relations.length + ' relations)'));
          out.appendChild(ul);
        }
        if (!out.firstChild) out.appendChild(h('p', { text: 'No signed ties in this view.' }));
      }).catch(e => { clear(out); out.appendChild(h('p', { class: 'ag-error', text: e.message })); });
    } } }));
    box.appendChild(h('button', { type: 'button', text: 'Focus on this actor', on: { click: () => { state.focus = id; update(); } } }));
    box.appendChild(out);
    return box;
  }
  function installLive() {
    if (!data.live) return;
    $('ag-live').hidden = false;
    $('ag-engine').addEventListener('change', e => { state.engine = e.target.value; update(); });
    $('ag-unfocus').addEventListener('click', () => { state.focus = null; update(); });
    const out = $('ag-ask-out');
    $('ag-ask-centrality').addEventListener('click', () => {
      const q = viewQuery(); q.set('top', '10'); q.set('measure', $('ag-measure').value);
      getJSON('api/centrality?' + q.toString()).then(j => {
        clear(out);
        const table = h('table', { class: 'ag-table' }, h('tr', {}, h('th', { text: '#' }), h('th', { text: 'actor' }), h('th', { text: j.measures[0] })));
        for (const row of j.ranking) table.appendChild(h('tr', {}, h('td', { text: String(row.rank) }), h('td', {}, actorButton(row.id)), h('td', { text: Number(row[j.measures[0]]).toPrecision(4) })));
        out.appendChild(h('p', { text: j.actors + ' actors, ' + j.edges + ' edges (' + j.filter + ')' })); out.appendChild(table);
      }).catch(e => { clear(out); out.appendChild(h('p', { class: 'ag-error', text: e.message })); });
    });
    $('ag-ask-balance').addEventListener('click', () => {
      getJSON('api/balance?' + viewQuery().toString()).then(j => {
        clear(out);
        out.appendChild(h('p', { text: j.signedPairs + ' signed pairs; balanced share of triangles: ' + (j.balancedShare === null ? 'n/a' : (j.balancedShare * 100).toFixed(1) + '%') }));
        const camps = h('ol'); for (const c of j.split.camps) camps.appendChild(h('li', { dir: 'auto', text: c.map(name).join(', ') }));
        out.appendChild(h('p', { text: 'Camps (' + j.split.method + '):' })); out.appendChild(camps);
      }).catch(e => { clear(out); out.appendChild(h('p', { class: 'ag-error', text: e.message })); });
    });
    let version = null;
    setInterval(() => {
      fetch('api/version').then(r => r.json()).then(j => {
        if (version !== null && j.version !== version) { $('ag-status').textContent = 'The graph file changed: reloading\u2026'; location.reload(); }
        version = j.version;
      }).catch(() => {});
    }, 2000);
    if (data.review) installReview();
  }

  // ---------- review of extraction candidates (serve --candidates) ----------
  function installReview() {
    $('ag-review').hidden = false;
    const list = $('ag-review-list');
    function load() {
      getJSON('api/candidates').then(j => {
        clear(list);
        $('ag-review-summary').textContent = j.candidates.length + ' candidates: ' +
          ['pending', 'accepted', 'rejected'].map(st => j.candidates.filter(c => c.status === st).length + ' ' + st).join(', ');
        for (const c of j.candidates) list.appendChild(candidateItem(c, j));
      }).catch(e => { clear(list); list.appendChild(h('li', { class: 'ag-error', text: e.message })); });
    }
    function candidateItem(c, j) {
      const r = c.relation;
      const nm = id => { const a = j.actors[id]; return a ? a : id; };
      const li = h('li', { class: 'ag-candidate ag-status-' + c.status, 'data-candidate': r.id });
      li.appendChild(h('div', { class: 'ag-rel-head', dir: 'auto', text: nm(r.source) + arrow(r.type) + nm(r.target) }));
      li.appendChild(h('div', { class: 'ag-rel-meta', text: span(r) + ' \u00b7 ' + r.modality + ' \u00b7 ' + c.status + (c.confidence !== null ? ' \u00b7 confidence ' + c.confidence : '') }));
      for (const ev of r.evidence) {
        const article = h('div', { class: 'ag-article', dir: 'auto' });
        li.appendChild(h('blockquote', { class: 'ag-quote', dir: 'auto', text: ev.quote }));
        const show = h('button', { type: 'button', text: 'Show in the article', on: { click: () => {
          getJSON('api/candidates/document?id=' + encodeURIComponent(ev.document)).then(d => {
            clear(article);
            const at = d.text.indexOf(ev.quote);
            const from = at < 0 ? 0 : Math.max(0, at - 600), to = at < 0 ? Math.min(d.text.length, 1200) : Math.min(d.text.length, at + ev.quote.length + 600);
            if (at < 0) article.appendChild(h('p', { class: 'ag-error', text: 'the quote is not in the article verbatim' }));
            const p = h('p');
            p.appendChild(document.createTextNode((from > 0 ? '\u2026' : '') + d.text.slice(from, at < 0 ? to : at)));
            if (at >= 0) { p.appendChild(h('mark', { text: ev.quote })); p.appendChild(document.createTextNode(d.text.slice(at + ev.quote.length, to) + (to < d.text.length ? '\u2026' : ''))); }
            article.appendChild(h('cite', { class: 'ag-cite', text: d.title ? d.title + ' \u00b7 ' + d.path : d.path }));
            article.appendChild(p);
          }).catch(e => { clear(article); article.appendChild(h('p', { class: 'ag-error', text: e.message })); });
        } } });
        li.appendChild(show); li.appendChild(article);
      }
      const type = h('select', { 'aria-label': 'type' }); for (const t of TYPES) type.appendChild(h('option', { value: t, text: t, selected: t === r.type ? 'selected' : null }));
      const modality = h('select', { 'aria-label': 'modality' }); for (const m of MODALITIES) modality.appendChild(h('option', { value: m, text: m, selected: m === r.modality ? 'selected' : null }));
      const reverse = h('input', { type: 'checkbox' });
      function decide(body) {
        body.id = r.id;
        getJSON('api/candidates/decision', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
          .then(load).catch(e => li.appendChild(h('p', { class: 'ag-error', text: e.message })));
      }
      li.appendChild(h('div', { class: 'ag-decide' },
        h('button', { type: 'button', class: 'ag-accept', text: 'Accept', on: { click: () => decide({ decision: 'accept' }) } }),
        h('button', { type: 'button', class: 'ag-reject', text: 'Reject', on: { click: () => decide({ decision: 'reject' }) } }),
        ' edit: ', type, modality, h('label', {}, reverse, ' reverse direction'),
        h('button', { type: 'button', class: 'ag-edit', text: 'Save edit', on: { click: () => decide({ decision: 'edit', type: type.value, modality: modality.value, reverse: reverse.checked }) } })));
      return li;
    }
    load();
  }

  // ---------- start ----------
  $('ag-title').textContent = data.title || 'Actor graph';
  if (data.description) $('ag-description').textContent = data.description;
  $('ag-panel-close').addEventListener('click', () => { $('ag-panel').hidden = true; state.selected = null; paint(); });
  adoptSVG();
  installPanZoom();
  installSearch();
  installPathFinder();
  buildLegend();
  installSlider();
  drawTimeline();
  computeView();
  paint();
  installLive();
  document.documentElement.setAttribute('data-ready', 'true');
})();
