// Drivechain dashboard: plain JS, no framework. Data from /api/overview, live updates from /api/events (SSE).
'use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  const timings = (window.dashboardTimings = []);
  let tipTime = null;
  let loading = false;
  let again = false;
  let lastEvent = null;
  let shownHash = null;

  // Elements are built with text nodes only: nothing from the node is ever parsed as HTML.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v);
    for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  const btc = (v) => (v === null || v === undefined ? '–' : Number(v).toFixed(8) + ' BTC');
  const short = (h) => (h ? h.slice(0, 12) + '…' + h.slice(-6) : '–');
  const blockLink = (height, hash) => el('a', { href: '/block/' + height, title: hash || '' }, String(height));
  const kv = (pairs) => el('dl', { class: 'kv' }, pairs.map(([k, v, field]) => [el('dt', {}, k), el('dd', { 'data-field': field || null }, v)]));

  function bar(value, max, label, cls) {
    const pct = max > 0 ? Math.max(0, Math.min(100, (100 * value) / max)) : 0;
    const fill = el('span');
    fill.style.width = pct + '%';
    return el('div', { class: 'bar ' + (cls || ''), role: 'progressbar', 'aria-label': label,
      'aria-valuemin': 0, 'aria-valuemax': max, 'aria-valuenow': value }, fill);
  }

  // A line (or step) chart of points {x, y} with an optional dashed threshold line, as inline SVG.
  function lineChart(points, opts) {
    const W = 600, H = 170, L = 48, R = 10, T = 10, B = 26;
    const box = el('div', { class: 'chart' });
    if (points.length === 0) { box.append(el('p', { class: 'empty' }, 'No data yet.')); return box; }
    const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
    let x0 = Math.min(...xs), x1 = Math.max(...xs);
    if (x0 === x1) { x0 -= 1; x1 += 1; }
    let y1 = Math.max(...ys, opts.threshold !== undefined ? opts.threshold + 1 : 0);
    if (y1 <= 0) y1 = 1;
    const sx = (x) => L + ((x - x0) / (x1 - x0)) * (W - L - R);
    const sy = (y) => T + (1 - y / y1) * (H - T - B);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': opts.label });
    root.append(svg('title', {}, opts.label));
    for (const f of [0, 0.5, 1]) {
      const y = sy(y1 * f);
      root.append(svg('line', { class: 'grid', x1: L, x2: W - R, y1: y, y2: y }));
      root.append(svg('text', { x: L - 4, y: y + 4, 'text-anchor': 'end' }, opts.fmt ? opts.fmt(y1 * f) : String(Math.round(y1 * f))));
    }
    root.append(svg('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
    root.append(svg('text', { x: L, y: H - 8 }, String(Math.min(...xs))));
    root.append(svg('text', { x: W - R, y: H - 8, 'text-anchor': 'end' }, String(Math.max(...xs))));
    root.append(svg('text', { x: (L + W - R) / 2, y: H - 8, 'text-anchor': 'middle' }, opts.xLabel || 'height'));
    let d = '';
    points.forEach((p, i) => {
      if (i === 0) d += `M${sx(p.x)},${sy(p.y)}`;
      else d += opts.step ? `H${sx(p.x)}V${sy(p.y)}` : `L${sx(p.x)},${sy(p.y)}`;
    });
    const last = points[points.length - 1];
    root.append(svg('path', { class: 'area', d: `${d}V${sy(0)}H${sx(points[0].x)}Z` }));
    root.append(svg('path', { class: 'line', d }));
    root.append(svg('circle', { cx: sx(last.x), cy: sy(last.y), r: 3, fill: '#1f6feb' }));
    if (opts.threshold !== undefined) {
      const y = sy(opts.threshold);
      root.append(svg('line', { class: 'threshold', x1: L, x2: W - R, y1: y, y2: y }));
      root.append(svg('text', { x: W - R - 2, y: y - 4, 'text-anchor': 'end' }, 'threshold ' + opts.threshold));
    }
    box.append(root);
    return box;
  }

  function histogram(buckets) {
    const W = 600, H = 150, L = 36, B = 26, T = 10;
    const box = el('div', { class: 'chart' });
    const total = buckets.reduce((s, b) => s + b.count, 0);
    const max = Math.max(1, ...buckets.map((b) => b.count));
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Mempool fee-rate histogram: ${total} transactions` });
    root.append(svg('title', {}, `Mempool fee-rate histogram: ${total} transactions`));
    const bw = (W - L - 10) / buckets.length;
    buckets.forEach((b, i) => {
      const h = ((H - T - B) * b.count) / max;
      const x = L + i * bw;
      const rect = svg('rect', { class: 'bar-rect', x: x + 2, y: H - B - h, width: bw - 4, height: h });
      rect.append(svg('title', {}, `${b.min_feerate}${b.max_feerate ? '–' + b.max_feerate : '+'} sat/vB: ${b.count} tx, ${b.vsize} vB`));
      root.append(rect);
      root.append(svg('text', { x: x + bw / 2, y: H - 8, 'text-anchor': 'middle' }, String(b.min_feerate)));
      if (b.count > 0) root.append(svg('text', { x: x + bw / 2, y: H - B - h - 3, 'text-anchor': 'middle' }, String(b.count)));
    });
    root.append(svg('line', { class: 'axis', x1: L, x2: W - 10, y1: H - B, y2: H - B }));
    root.append(svg('text', { x: 4, y: T + 8 }, String(max)));
    box.append(root);
    return box;
  }

  function renderChain(c) {
    $('network').textContent = c.chain;
    $('tip-height').textContent = c.blocks;
    $('tip-hash').textContent = short(c.best_block_hash);
    $('tip-hash').href = '/block/' + c.best_block_hash;
    $('tip-hash').title = c.best_block_hash;
    tipTime = c.tip_time;
    tickAge();
    const headers = c.headers ?? c.blocks;
    $('sync-text').textContent = `${c.blocks} / ${headers}` + (c.initial_block_download ? ' (syncing)' : '');
    const sync = $('sync-bar');
    sync.setAttribute('aria-valuenow', headers > 0 ? Math.round((100 * c.blocks) / headers) : 100);
    sync.firstChild.style.width = (headers > 0 ? (100 * c.blocks) / headers : 100) + '%';
    sync.classList.toggle('done', c.blocks >= headers);
    $('peers').textContent = c.peers === null || c.peers === undefined ? 'no P2P yet' : c.peers;
    $('mempool').textContent = `${c.mempool.size} tx · ${c.mempool.bytes} vB`;
    $('fee-histogram').replaceChildren(histogram(c.mempool.fee_histogram));
  }

  function tickAge() {
    if (tipTime === null) return;
    const s = Math.max(0, Math.round(Date.now() / 1000 - tipTime));
    $('tip-age').textContent = s < 120 ? `${s} s` : s < 7200 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 3600)} h`;
  }

  function renderSidechains(s) {
    const selected = /^\/sidechain\/(\d+)$/.exec(location.pathname);
    $('slot-summary').textContent = `${s.active_count} active · ${s.proposed_count} proposed · ${256 - s.active_count - s.proposed_count} free`;
    $('slot-grid').replaceChildren(...s.slots.map((state, i) => {
      const label = `Slot ${i}: ${state}`;
      const attrs = { class: 'slot ' + state, role: 'listitem', title: label, 'aria-label': label, 'data-slot': i, 'data-state': state };
      return state === 'active' ? el('a', { ...attrs, href: '/sidechain/' + i }) : el('span', attrs);
    }));
    const list = el('div', { class: 'grid2' });
    for (const sc of s.sidechains) {
      const d = sc.declaration || {};
      const card = el('article', { class: 'item' + (selected && Number(selected[1]) === sc.slot ? ' selected' : ''),
        id: 'sidechain-' + sc.slot, 'data-testid': 'sidechain-' + sc.slot, 'aria-labelledby': 'sc-title-' + sc.slot });
      card.append(el('h4', { id: 'sc-title-' + sc.slot }, `Slot ${sc.slot} · ${d.title || '(no title)'}`));
      if (d.description) card.append(el('p', { class: 'muted' }, d.description));
      card.append(kv([
        ['Description hash', el('code', {}, sc.description_hash)],
        ['hashID1', el('code', { title: d.hashid1 || '' }, short(d.hashid1))],
        ['hashID2', el('code', { title: d.hashid2 || '' }, short(d.hashid2))],
        ['Activated at', blockLink(sc.activation_height)],
        ['CTIP', sc.ctip ? el('code', {}, `${sc.ctip.txid}:${sc.ctip.vout}`) : 'none yet', 'ctip'],
        ['Treasury', sc.ctip ? btc(sc.ctip.value) : btc(0), 'ctip-value'],
        ['Pending bundles', sc.pending_bundles],
      ]));
      card.append(lineChart(sc.treasury_chart.map((p) => ({ x: p.height, y: p.value })),
        { label: `Treasury of slot ${sc.slot} over height (BTC)`, step: true, fmt: (v) => v.toFixed(2) }));
      const rows = sc.treasury_history.map((h) => el('tr', { 'data-kind': h.kind },
        el('td', {}, h.seq), el('td', {}, h.kind), el('td', {}, h.height === null ? '–' : blockLink(h.height)),
        el('td', { class: 'num' }, (h.kind === 'withdrawal' ? '−' : '+') + Number(h.amount).toFixed(8)),
        el('td', { class: 'num' }, Number(h.total_value).toFixed(8)), el('td', { class: 'hash' }, short(h.txid))));
      card.append(el('h3', {}, 'Deposits and withdrawals'));
      card.append(rows.length === 0 ? el('p', { class: 'empty' }, 'None yet.') : el('div', { class: 'scroll' }, el('table', {},
        el('thead', {}, el('tr', {}, ['Seq', 'Kind', 'Block', 'Amount', 'Treasury', 'Txid'].map((h, i) => el('th', { scope: 'col', class: i === 3 || i === 4 ? 'num' : null }, h)))),
        el('tbody', {}, rows))));
      list.append(card);
    }
    $('sidechain-list').replaceChildren(s.sidechains.length ? list : el('p', { class: 'empty' }, 'No active sidechain.'));
  }

  function renderProposals(ps) {
    if (ps.length === 0) { $('proposal-list').replaceChildren(el('p', { class: 'empty' }, 'No pending proposal.')); return; }
    $('proposal-list').replaceChildren(...ps.map((p) => {
      const needed = p.activation_threshold + 1;
      const title = (p.declaration && p.declaration.title) || '(no title)';
      return el('article', { class: 'item', 'data-testid': 'proposal-' + p.slot, 'aria-label': `Proposal for slot ${p.slot}` },
        el('h4', {}, `Slot ${p.slot} · ${title}` + (p.used_slot ? ' (replaces the active sidechain)' : '')),
        kv([['ACKs', `${p.acks} / ${needed}`, 'acks'], ['Blocks remaining', `${p.blocks_remaining} of ${p.max_age}`, 'blocks-remaining'],
          ['Proposed at', blockLink(p.proposal_height)], ['Hash', el('code', {}, short(p.description_hash))]]),
        el('span', { class: 'caption', 'aria-hidden': 'true' }, 'ACKs towards activation'),
        bar(p.acks, needed, `ACKs for slot ${p.slot}: ${p.acks} of ${needed}`, p.acks >= needed ? 'done' : ''),
        el('span', { class: 'caption', 'aria-hidden': 'true' }, 'Blocks left before the proposal expires'),
        bar(p.blocks_remaining, p.max_age, `Blocks remaining for slot ${p.slot}: ${p.blocks_remaining} of ${p.max_age}`, 'late'));
    }));
  }

  function renderBundles(b) {
    const needed = b.inclusion_threshold + 1;
    $('bundle-list').replaceChildren(b.bundles.length === 0 ? el('p', { class: 'empty' }, 'No withdrawal bundle in the recent blocks.')
      : el('div', { class: 'grid2' }, b.bundles.map((x) => el('article', { class: 'item', 'data-testid': 'bundle-' + x.m6id, 'data-status': x.status, 'aria-label': `Bundle ${x.m6id}` },
        el('h4', {}, `Slot ${x.slot} · `, el('span', { class: 'status ' + x.status, 'data-field': 'status' }, x.status)),
        kv([['M6ID', el('code', {}, x.m6id)], ['ACKs', `${x.acks} / ${needed}`, 'acks'],
          ['Blocks remaining', x.blocks_remaining === undefined ? '–' : x.blocks_remaining, 'blocks-remaining'],
          ['Proposed at', blockLink(x.proposal_height)],
          [x.status === 'paid' ? 'Paid at' : x.status === 'failed' ? 'Failed at' : 'Resolved', x.resolved_height === null ? '–' : blockLink(x.resolved_height)]]),
        lineChart(x.votes.map((v) => ({ x: v.height, y: v.acks })), { label: `ACKs of bundle ${short(x.m6id)} over height`, threshold: b.inclusion_threshold, step: true })))));
    const rows = b.m4.map((r) => el('tr', {}, el('td', {}, blockLink(r.height, r.hash)),
      el('td', {}, r.actions.length === 0 ? el('span', { class: 'muted' }, 'no M4 (abstain)') :
        r.actions.map((a) => el('div', {}, `slot ${a.slot}: ${a.kind}` + (a.m6id ? ' ' + short(a.m6id) : ''))))));
    $('m4-list').replaceChildren(el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Block'), el('th', { scope: 'col' }, 'Effective M4 actions'))), el('tbody', {}, rows)));
  }

  function renderBmm(rows) {
    $('bmm-list').replaceChildren(el('div', { class: 'scroll' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Block'), el('th', { scope: 'col' }, 'Slot'), el('th', { scope: 'col' }, 'h* (sidechain block)'), el('th', { scope: 'col', class: 'num' }, 'Winning bid'))),
      el('tbody', {}, rows.flatMap((r) => r.accepts.length === 0
        ? [el('tr', { 'data-testid': 'bmm-' + r.height }, el('td', {}, blockLink(r.height, r.hash)), el('td', { colspan: 3, class: 'muted' }, 'no BMM'))]
        : r.accepts.map((a) => el('tr', { 'data-testid': 'bmm-' + r.height, 'data-slot': a.slot }, el('td', {}, blockLink(r.height, r.hash)), el('td', {}, a.slot),
          el('td', { class: 'hash' }, a.h_star), el('td', { class: 'num' }, a.bid === null ? '–' : btc(a.bid)))))))));
  }

  async function renderBlock() {
    const m = /^\/block\/([0-9a-fA-F]+)$/.exec(location.pathname);
    if (!m) return;
    const res = await fetch('/api/blocks/' + m[1]);
    if (!res.ok) return;
    const b = await res.json();
    const section = $('block-detail');
    section.hidden = false;
    $('block-title').textContent = `Block ${b.height}`;
    const msgs = b.messages.map((x) => el('tr', { 'data-type': x.type }, el('td', {}, x.type), el('td', {}, x.name),
      el('td', {}, x.slot ?? '–'), el('td', { class: 'hash' }, detail(x)), el('td', { class: 'hash' }, `${short(x.txid)}:${x.vout}`)));
    const events = (b.events || []).map((e) => el('li', {}, `${e.type} · slot ${e.slot}` + (e.m6id ? ' · ' + short(e.m6id) : '') + (e.amount !== undefined ? ' · ' + btc(e.amount) : '')));
    $('block-body').replaceChildren(
      kv([['Hash', el('code', {}, b.hash)], ['Previous', el('a', { href: '/block/' + b.previous_hash }, short(b.previous_hash))],
        ['Time', new Date(b.time * 1000).toISOString()], ['Transactions', b.tx_count], ['In active chain', b.in_active_chain ? 'yes' : 'no']]),
      el('h3', {}, 'Drivechain messages'),
      msgs.length === 0 ? el('p', { class: 'empty' }, 'None.') : el('div', { class: 'scroll' }, el('table', { 'data-testid': 'block-messages' },
        el('thead', {}, el('tr', {}, ['Type', 'Meaning', 'Slot', 'Content', 'Output'].map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, msgs))),
      el('h3', {}, 'Drivechain events'),
      events.length ? el('ul', {}, events) : el('p', { class: 'empty' }, b.events === null ? 'Older than the recent history.' : 'None.'));
  }

  function detail(x) {
    if (x.type === 'M1') return (x.declaration && x.declaration.title ? x.declaration.title + ' · ' : '') + short(x.description_hash);
    if (x.type === 'M2') return short(x.description_hash);
    if (x.type === 'M3') return 'M6ID ' + x.m6id;
    if (x.type === 'M4') return `${x.version_name}: [${(x.votes || []).join(', ')}]`;
    if (x.type === 'M7' || x.type === 'M8') return 'h* ' + x.sidechain_block_hash;
    if (x.type === 'treasury') return btc(x.value);
    if (x.type === 'deposit_address') return x.address_text;
    return '';
  }

  async function refresh(event) {
    if (loading) { again = true; return; }
    loading = true;
    try {
      const res = await fetch('/api/overview', { cache: 'no-store' });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const o = await res.json();
      renderChain(o.chain);
      renderSidechains(o.sidechains);
      renderProposals(o.proposals);
      renderBundles(o.bundles);
      renderBmm(o.bmm);
      document.body.dataset.height = o.chain.blocks;
      shownHash = o.chain.best_block_hash;
      if (event) timings.push({ height: event.height, type: event.type, node_time_ms: event.node_time_ms, shown_ms: Date.now() });
    } catch (e) {
      $('live').textContent = 'error: ' + e.message;
    } finally {
      loading = false;
      if (again) { again = false; if (!isShown(lastEvent)) refresh(lastEvent); }
    }
  }

  // True when the page already shows the tip an event announces (a connect of the block on display).
  const isShown = (e) => e !== null && e.type !== 'disconnected' && e.hash === shownHash;

  function connect() {
    const source = new EventSource('/api/events');
    source.addEventListener('tip', (m) => {
      lastEvent = JSON.parse(m.data);
      // The stream starts with the last change: no need to re-read what the first load already shows.
      if (!isShown(lastEvent)) refresh(lastEvent);
    });
    source.onopen = () => { $('live').textContent = 'live'; $('live').className = 'pill on'; };
    source.onerror = () => { $('live').textContent = 'reconnecting…'; $('live').className = 'pill off'; };
  }

  refresh(null).then(renderBlock).then(() => {
    const m = /^\/sidechain\/(\d+)$/.exec(location.pathname);
    const target = m ? $('sidechain-' + m[1]) : location.hash ? document.querySelector(location.hash) : null;
    if (target) target.scrollIntoView();
  });
  connect();
  setInterval(tickAge, 1000);
})();
