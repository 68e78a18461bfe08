// The concept explorer at /concepts/{id}: a vis-network graph that grows as the learner clicks, a filter by
// relation type, the path between two concepts, and a side panel with the selected concept's sections.
// Everything the graph shows is also in the panel as links and buttons, so the explorer works from a keyboard.
// With several guides served, concept ids of all but the first are qualified ("some-guide:slug") and the panel
// names the concept's guide. Every concept and connection says where it comes from (the API's `source`): curated
// by the guide's owner, or extracted from the guide's text — in words in the panel, and as solid or dashed lines.
import {
  ApiError, concept, conceptHref, el, graphStats, guideLink, guides, guideTitle, lookupConcepts, neighbours, path,
  plainTitle, sections, showBrand, siteTitle,
} from '/api.js';

const NEIGHBOUR_LIMIT = 25;
const CO_MENTION = 'RELATED_TO'; // weighted co-mention, not a typed relation: drawn quietly and without arrows

// A hue per relation type, at least 3:1 against the graph's background in each colour scheme (WCAG non-text
// contrast). Colour is never the only cue: lines have tooltips and the panel names every relation in words.
// A type the service adds later takes a spare colour.
const DARK = matchMedia('(prefers-color-scheme: dark)').matches;
const TYPE_COLOURS = DARK ? {
  IS_A: '#a78bfa', PART_OF: '#22d3ee', USES: '#60a5fa', IMPLEMENTS: '#4ade80', ALTERNATIVE_TO: '#f59e0b',
  CONTRASTS_WITH: '#f472b6', LIMITS: '#f87171', PREREQUISITE_OF: '#a3e635', ENABLES: '#2dd4bf', OPTIMIZES: '#e879f9',
  [CO_MENTION]: '#8a94a6',
} : {
  IS_A: '#7c3aed', PART_OF: '#0e7490', USES: '#2563eb', IMPLEMENTS: '#15803d', ALTERNATIVE_TO: '#b45309',
  CONTRASTS_WITH: '#db2777', LIMITS: '#b91c1c', PREREQUISITE_OF: '#4d7c0f', ENABLES: '#0f766e', OPTIMIZES: '#a21caf',
  [CO_MENTION]: '#8a94a6',
};
const SPARE_COLOURS = DARK ? ['#c4b5fd', '#7dd3fc', '#fdba74', '#bef264'] : ['#6d28d9', '#0369a1', '#9a3412', '#3f6212'];

// The API's `source` in a learner's words: the tag's text is the API's own word, which the graph's legend explains,
// and the sentence is the tag's tooltip (and shown in full where a connection is explained).
const SOURCES = {
  curated: {
    concept: 'The guide’s owner wrote this concept down.',
    edge: 'The guide’s owner wrote this connection down.',
  },
  extracted: {
    concept: 'Found in the guide’s text automatically; no person wrote it down.',
    edge: 'Found in the guide’s text automatically; no person wrote it down.',
  },
};

const $ = id => document.getElementById(id);
const graphEl = $('graph');
const panel = $('panel');
const message = $('message');
const filterEl = $('relation-filter');

const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
const palette = {
  surface: css('--surface'), text: css('--text'), muted: css('--muted'), border: css('--border'),
  accent: css('--accent'), accentText: css('--accent-text'), accentSoft: css('--accent-soft'), focus: css('--focus'),
};

const nodes = new vis.DataSet();
const edges = new vis.DataSet();
const expanded = new Set();
const enabledTypes = new Set();
const knownTypes = [];
let selectedId = null;
let pathNodeIds = new Set();
let pathEdgeIds = new Set();
const titlesByGuide = new Map(); // guide id ('' when only one is served) → "doc#anchor" → section title, for evidence
let served = []; // the guides the service serves, from /api/guides
const several = () => served.length > 1;
const guideOfConcept = new Map(); // concept id → its guide, from whichever answer named it first

const label = type => type.toLowerCase().replaceAll('_', ' ');
const edgeId = e => `${e.from}|${e.type}|${e.to}`;
const colourOf = type => TYPE_COLOURS[type] ?? SPARE_COLOURS[knownTypes.indexOf(type) % SPARE_COLOURS.length];
// Extracted connections are dashed. A service that does not say (source null) gets the old look: co-mentions dashed.
const dashed = e => e.source ? e.source === 'extracted' : e.type === CO_MENTION;

/** A small tag with the source's word ("curated", "extracted") and its meaning as tooltip; null when unknown. */
function sourceTag(source, what) {
  if (!SOURCES[source]) return null;
  return el('span', { class: 'source-tag ' + source, 'data-source': source, title: SOURCES[source][what] }, source);
}

// A concept stays on screen while it is expanded, selected or on the path, or while one of its edges is shown.
// A co-mention is left out where a typed relation of a shown type already joins the same two concepts.
let endpointsShown = new Set();
let typedPairs = new Set();
const pairOf = e => [e.from, e.to].sort().join('|');
const typeShown = e => enabledTypes.has(e.type) || pathEdgeIds.has(e.id);
const edgeShown = e => typeShown(e) && (e.type !== CO_MENTION || pathEdgeIds.has(e.id) || !typedPairs.has(pairOf(e)));
const edgeView = new vis.DataView(edges, { filter: edgeShown });
const nodeView = new vis.DataView(nodes, {
  filter: n => expanded.has(n.id) || n.id === selectedId || pathNodeIds.has(n.id) || endpointsShown.has(n.id),
});

const network = new vis.Network(graphEl, { nodes: nodeView, edges: edgeView }, {
  autoResize: true,
  nodes: {
    shape: 'box',
    margin: { top: 8, bottom: 8, left: 10, right: 10 },
    widthConstraint: { maximum: 220 },
    font: { face: 'system-ui, sans-serif', size: 18, color: palette.text },
    color: {
      background: palette.surface, border: palette.muted,
      highlight: { background: palette.accentSoft, border: palette.accent },
      hover: { background: palette.accentSoft, border: palette.accent },
    },
    borderWidth: 1.5,
    shapeProperties: { borderRadius: 8 },
  },
  edges: {
    smooth: { type: 'dynamic' },
    selectionWidth: 2,
    hoverWidth: 1,
    font: { size: 0 },
  },
  physics: {
    // No running simulation: every change is laid out by an explicit relayout() and then holds still. Left
    // running, boxes that avoid overlapping kept nudging each other (measured: still moving 20–30 px per 250 ms
    // after ten seconds), which makes nodes hard to click and the picture tiring to read.
    enabled: false,
    // ForceAtlas2 spreads a hub's neighbours evenly around it; strong overlap avoidance keeps labels apart.
    solver: 'forceAtlas2Based',
    forceAtlas2Based: {
      gravitationalConstant: -90, centralGravity: 0.01, springLength: 80, springConstant: 0.08, avoidOverlap: 1,
      damping: 0.5,
    },
    stabilization: { iterations: 1000, fit: true },
  },
  interaction: { hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: false },
});

// For the browser console and the browser tests: what is shown, and where (positionOf: CSS pixels from the
// canvas' top-left corner; positions: the layout's own coordinates).
window.conceptExplorer = Object.freeze({
  network,
  shownNodeIds: () => nodeView.getIds(),
  shownEdgeCount: () => edgeView.length,
  shownEdges: () => edgeView.get().map(e => ({ id: e.id, source: e.source, dashed: Boolean(e.dashes) })),
  positionOf: id => network.canvasToDOM(network.getPositions([id])[id]),
  positions: () => network.getPositions(nodeView.getIds()),
});

network.on('click', params => {
  if (params.nodes.length) open(params.nodes[0]);
  else if (params.edges.length) showEdge(edges.get(params.edges[0]));
});

/** Adds a concept once, at `at` if given (a starting point for the layout, which then refines it). */
function addNode(n, at) {
  if (n.guide && !guideOfConcept.has(n.id)) guideOfConcept.set(n.id, n.guide);
  if (nodes.get(n.id)) return;
  const about = [n.kind, n.source].filter(Boolean).join(', ');
  nodes.add({
    id: n.id, name: n.name, kind: n.kind, source: n.source, label: n.name,
    title: about ? `${n.name} (${about})` : n.name,
    ...(at ?? {}),
  });
}

/**
 * Starting points for new neighbours: evenly round their concept. From random starts the layout sometimes
 * settled with every neighbour on one side of a hub; from a ring it converges quickly and evenly.
 */
function ring(centreId, count) {
  const centre = network.getPositions([centreId])[centreId] ?? { x: 0, y: 0 };
  const radius = 140 + 6 * count;
  return i => ({
    x: centre.x + radius * Math.cos((2 * Math.PI * i) / count),
    y: centre.y + radius * Math.sin((2 * Math.PI * i) / count),
  });
}

function addEdge(e) {
  const id = edgeId(e);
  if (edges.get(id)) return;
  noteType(e.type);
  const typed = e.type !== CO_MENTION;
  const from = nodes.get(e.from)?.name ?? e.from;
  const to = nodes.get(e.to)?.name ?? e.to;
  edges.add({
    id, from: e.from, to: e.to, type: e.type, weight: e.weight, evidence: e.evidence ?? [], source: e.source,
    arrows: typed ? { to: { enabled: true, scaleFactor: 0.6 } } : undefined,
    ...edgeStyle({ id, ...e }),
    title: `${from} — ${label(e.type)} → ${to}` + (SOURCES[e.source] ? ` (${e.source})` : ''),
  });
}

/** Fetches a concept's neighbours once and adds them to the picture. */
async function expand(id) {
  if (expanded.has(id)) return;
  const body = await neighbours(id, { depth: 1, limit: NEIGHBOUR_LIMIT });
  expanded.add(id);
  addNode(body.center, { x: 0, y: 0 });
  const fresh = body.nodes.filter(n => !nodes.get(n.id));
  const around = ring(id, fresh.length);
  fresh.forEach((n, i) => addNode(n, around(i)));
  for (const e of body.edges) {
    // The answer also relates the neighbours to each other; drawn all at once that is a hairball of 150 lines.
    // Only edges that touch an expanded concept are drawn: a neighbour's own edges arrive when it is expanded.
    if (!expanded.has(e.from) && !expanded.has(e.to)) continue;
    addEdge(e);
  }
  refresh();
}

/** Selects a concept, expands it, and puts it in the URL so the view can be shared. */
async function open(id, { fit = false } = {}) {
  message.textContent = '';
  selectedId = id;
  history.replaceState(null, '', conceptHref(id));
  const shownBefore = nodeView.length;
  try {
    await Promise.all([expand(id), showConcept(id)]);
  } catch (e) {
    report(e, id);
    return;
  }
  const grew = nodeView.length > shownBefore;
  refresh();
  network.selectNodes([id]);
  if (fit || grew) relayout();
}

/** Lays the shown graph out before drawing it, then frames it (stabilization.fit): nothing is left off-screen. */
function relayout() {
  network.stabilize();
}

function report(e, id) {
  if (e instanceof ApiError && e.code === 'unknown_concept') {
    message.textContent = `There is no concept “${id}”. Look one up by name above.`;
    showPlaceholder();
  } else {
    message.textContent = e instanceof ApiError ? e.message : 'The concept graph could not be loaded. Please try again.';
  }
}

/** Re-applies the filter and the selection/path styling; the DataViews follow the sets above. */
function refresh() {
  typedPairs = new Set(edges.get({ filter: e => e.type !== CO_MENTION && typeShown(e) }).map(pairOf));
  endpointsShown = new Set();
  for (const e of edges.get({ filter: edgeShown })) {
    endpointsShown.add(e.from);
    endpointsShown.add(e.to);
  }
  nodes.update(nodes.get().map(n => ({ id: n.id, ...nodeStyle(n.id) })));
  edges.update(edges.get().map(e => ({ id: e.id, ...edgeStyle(e) })));
  nodeView.refresh();
  edgeView.refresh();
  $('graph-empty').hidden = nodeView.length > 0;
  updateFilterCounts();
  const shownNodes = nodeView.length;
  const shownEdges = edgeView.length;
  $('graph-summary').firstChild.textContent = `${shownNodes} concepts and ${shownEdges} connections shown. `
    + 'Click a concept to select it and expand its neighbours; click a line to see the sections behind it. '
    + 'Drag to rearrange, scroll to zoom. The panel lists the same connections.';
  if (selectedId) renderConnections();
}

/**
 * Path edges stand out in the focus colour; a co-mention is grey and as thick as it is strong (0–1). Extracted
 * edges are dashed everywhere, on the path too, so the line style always tells where a connection comes from.
 */
function edgeStyle(e) {
  if (pathEdgeIds.has(e.id)) {
    return { width: 5, dashes: dashed(e), color: { color: palette.focus, highlight: palette.focus, hover: palette.focus, opacity: 1 } };
  }
  const typed = e.type !== CO_MENTION;
  const colour = colourOf(e.type);
  return {
    width: typed ? 2.2 : 0.6 + Math.min(1.4, e.weight ?? 0),
    dashes: dashed(e),
    color: { color: colour, highlight: colour, hover: colour, opacity: typed ? 1 : 0.7 },
  };
}

function nodeStyle(id) {
  const onPath = pathNodeIds.has(id);
  if (id === selectedId) {
    return {
      color: { background: palette.accent, border: onPath ? palette.focus : palette.accent,
        highlight: { background: palette.accent, border: onPath ? palette.focus : palette.text } },
      font: { color: palette.accentText, size: 20 }, borderWidth: onPath ? 4 : 2,
    };
  }
  return {
    color: {
      background: expanded.has(id) ? palette.accentSoft : palette.surface,
      border: onPath ? palette.focus : expanded.has(id) ? palette.accent : palette.muted,
      highlight: { background: palette.accentSoft, border: palette.accent },
    },
    font: { color: palette.text, size: 18 }, borderWidth: onPath ? 4 : expanded.has(id) ? 2 : 1.5,
  };
}

// --- Relation filter ----------------------------------------------------------------------------------------

function noteType(type) {
  if (knownTypes.includes(type)) return;
  knownTypes.push(type);
  enabledTypes.add(type);
  const box = el('input', {
    type: 'checkbox', checked: true, value: type,
    onchange: event => {
      if (event.target.checked) enabledTypes.add(type); else enabledTypes.delete(type);
      refresh();
    },
  });
  const swatch = el('span', { class: 'swatch' + (type === CO_MENTION ? ' dashed' : ''), 'aria-hidden': 'true' });
  swatch.style.setProperty('--c', colourOf(type));
  filterEl.append(el('label', {}, box, swatch, label(type), el('span', { class: 'count', 'data-type': type }, '')));
}

function updateFilterCounts() {
  const counts = new Map();
  for (const e of edges.get()) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  for (const span of filterEl.querySelectorAll('.count')) {
    const n = counts.get(span.dataset.type) ?? 0;
    span.textContent = `(${n})`;
  }
}

// --- Side panel ---------------------------------------------------------------------------------------------

function showPlaceholder() {
  panel.replaceChildren(el('h2', { id: 'panel-heading' }, 'Pick a concept'),
    el('p', { class: 'notice' }, 'Type a concept above, or follow a concept chip from the search results.'));
}

async function showConcept(id) {
  const c = await concept(id);
  document.title = `${c.name} — Concept explorer — ${siteTitle(served)}`;
  if (c.guide) guideOfConcept.set(c.id, c.guide);
  const count = `${c.sectionCount} ${c.sectionCount === 1 ? 'section' : 'sections'}`;
  const guide = several() ? guideTitle(served, c.guide) || c.guide : '';
  const sectionItems = await Promise.all(c.sections.map(async s => {
    let href;
    try {
      href = s.url ?? await guideLink(s.doc, s.anchor, several() ? c.guide : undefined);
    } catch {
      href = '/?q=' + encodeURIComponent(plainTitle(s.title)); // no link rule: the search page finds it
    }
    return el('li', {}, el('a', { href }, plainTitle(s.title)), s.home ? el('span', { class: 'badge' }, 'main section') : null);
  }));
  // replaceChildren, unlike el(), would print a left-out part (null) as the text "null": filter them first.
  panel.replaceChildren(...[
    el('h2', { id: 'panel-heading' }, c.name),
    el('p', { class: 'kind' }, [c.kind, count].filter(Boolean).join(' · '), ' ', sourceTag(c.source, 'concept')),
    guide ? el('p', { class: 'concept-guide' }, 'In ', el('cite', {}, guide)) : null,
    c.definition ? el('p', { class: 'definition' }, c.definition) : null,
    c.aliases?.length ? el('p', { class: 'aliases' }, 'Also called: ' + c.aliases.join(', ')) : null,
    el('p', {}, el('a', { href: searchHref(c) }, `Search ${guide || 'the guide'} for “${c.name}”`)),
    el('div', { id: 'edge-detail' }),
    el('div', { id: 'path-detail' }),
    el('h3', {}, guide ? 'Sections' : 'Sections in the guide'),
    sectionItems.length ? el('ol', { class: 'section-list' }, ...sectionItems) : el('p', { class: 'notice' }, 'No sections mention it.'),
    el('h3', { id: 'connections-heading' }, 'Connections'),
    el('div', { id: 'connections' })].filter(Boolean));
  if (pathNodeIds.size) renderPath(currentPath);
}

/** The search page for a concept's name, in the concept's own guide when several are served. */
function searchHref(c) {
  const guide = several() && c.guide ? '&guide=' + encodeURIComponent(c.guide) : '';
  return '/?q=' + encodeURIComponent(c.name) + guide;
}

/** The selected concept's shown edges, grouped by relation; each neighbour is a button that opens it. */
function renderConnections() {
  const box = $('connections');
  if (!box) return;
  const groups = new Map();
  for (const e of edges.get({ filter: e => edgeShown(e) && (e.from === selectedId || e.to === selectedId) })) {
    const outgoing = e.from === selectedId;
    const other = outgoing ? e.to : e.from;
    const key = (outgoing ? '' : '← ') + label(e.type) + (outgoing && e.type !== CO_MENTION ? ' →' : '');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ edge: e, other, name: nodes.get(other)?.name ?? other });
  }
  if (groups.size === 0) {
    box.replaceChildren(el('p', { class: 'notice' }, 'No connections of the selected relation types.'));
    return;
  }
  // Typed relations first; co-mentions, usually the longest list, last.
  const keys = [...groups.keys()].sort((a, b) => a.includes('related to') - b.includes('related to') || a.localeCompare(b));
  box.replaceChildren(...keys.flatMap(key => [
    el('p', { class: 'relation-name' }, key),
    el('ul', { class: 'link-list' }, ...groups.get(key).sort((a, b) => a.name.localeCompare(b.name)).map(item =>
      el('li', { 'data-edge': item.edge.id },
        el('button', { type: 'button', class: 'link-button', onclick: () => open(item.other) }, item.name),
        ' ', sourceTag(item.edge.source, 'edge'), ' ', el('button', {
          type: 'button', class: 'link-button relation-name', 'aria-label': `Evidence for ${item.name}`,
          onclick: () => showEdge(item.edge),
        }, 'evidence')))),
  ]));
}

/** The sections that support one edge: the reason the graph draws it. */
async function showEdge(e) {
  const box = $('edge-detail');
  if (!box || !e) return;
  const from = nodes.get(e.from)?.name ?? e.from;
  const to = nodes.get(e.to)?.name ?? e.to;
  box.replaceChildren(...[el('h3', {}, 'Connection'),
    el('p', {}, el('strong', {}, from), ` ${label(e.type)} `, el('strong', {}, to)),
    SOURCES[e.source] ? el('p', { class: 'edge-source' }, sourceTag(e.source, 'edge'), ' ', SOURCES[e.source].edge) : null,
    await evidenceList(e.evidence, guideOfEdge(e))].filter(Boolean));
  box.scrollIntoView({ block: 'nearest' });
}

/**
 * The guide whose sections are an edge's evidence: a relation joins concepts of one guide, so either end tells.
 * Undefined with one guide served, where a doc and anchor alone are unambiguous.
 */
function guideOfEdge(e) {
  if (!several()) return undefined;
  return guideOfConcept.get(e.from) ?? guideOfConcept.get(e.to);
}

/** Section titles of one guide (or of the only one, for `undefined`), fetched once. */
async function titlesOf(guide) {
  const key = guide ?? '';
  if (!titlesByGuide.has(key)) {
    try {
      titlesByGuide.set(key, new Map((await sections(guide)).map(s => [s.doc + '#' + s.anchor, plainTitle(s.title)])));
    } catch {
      return new Map(); // titles are a nicety; the anchors still link correctly
    }
  }
  return titlesByGuide.get(key);
}

async function evidenceList(evidence, guide) {
  if (!evidence?.length) return el('p', { class: 'notice' }, 'No section evidence recorded.');
  const titles = await titlesOf(guide);
  const items = await Promise.all(evidence.map(async ev => {
    const text = titles.get(ev.doc + '#' + ev.anchor) ?? `${ev.doc} › ${ev.anchor}`;
    let href;
    try {
      href = await guideLink(ev.doc, ev.anchor, guide);
    } catch {
      href = '/?q=' + encodeURIComponent(text);
    }
    return el('li', {}, el('a', { href }, text));
  }));
  return el('ul', { class: 'link-list' }, ...items);
}

// --- Path between two concepts ------------------------------------------------------------------------------

let currentPath = null;

async function findPath(fromText, toText) {
  message.textContent = 'Looking for a path…';
  let from, to;
  try {
    [from, to] = await Promise.all([resolve(fromText), resolve(toText)]);
  } catch (e) {
    message.textContent = e instanceof ApiError ? e.message : 'The concept graph could not be reached.';
    return;
  }
  const missing = [[fromText, from], [toText, to]].filter(([, c]) => !c).map(([text]) => `“${text}”`);
  if (missing.length) {
    message.textContent = `No concept matches ${missing.join(' or ')}.`;
    return;
  }
  let body;
  try {
    body = await path(from.id, to.id);
  } catch (e) {
    message.textContent = e instanceof ApiError && e.code === 'no_path'
      ? `No chain of relations joins ${from.name} and ${to.name}.`
      : e instanceof ApiError ? e.message : 'The concept graph could not be reached.';
    return;
  }
  // A concept new to the picture starts a step beyond the one before it on the path.
  let last = null;
  for (const n of body.nodes) {
    const shown = network.getPositions([n.id])[n.id];
    last = shown ?? (last ? { x: last.x + 120, y: last.y + 60 } : { x: 0, y: 0 });
    addNode(n, last);
  }
  body.edges.forEach(addEdge);
  pathNodeIds = new Set(body.nodes.map(n => n.id));
  pathEdgeIds = new Set(body.edges.map(edgeId));
  currentPath = body;
  const hops = body.edges.length;
  message.textContent = `${from.name} reaches ${to.name} in ${hops} ${hops === 1 ? 'step' : 'steps'}.`;
  refresh();
  relayout();
  renderPath(body);
}

async function renderPath(body) {
  const box = $('path-detail');
  if (!box || !body) return;
  const steps = await Promise.all(body.nodes.slice(1).map(async (n, i) => {
    const prev = body.nodes[i];
    const e = body.edges.find(x => (x.from === prev.id && x.to === n.id) || (x.from === n.id && x.to === prev.id));
    // Which way a typed relation points matters ("parser ← limits ← buffer size"); a co-mention has no direction.
    const via = !e ? '' : e.type === CO_MENTION ? label(e.type) : e.from === prev.id ? `${label(e.type)} →` : `← ${label(e.type)}`;
    return el('li', {},
      el('span', { class: 'via' }, via, e ? ' ' : null, e ? sourceTag(e.source, 'edge') : null),
      el('button', { type: 'button', class: 'link-button', onclick: () => open(n.id) }, n.name),
      e ? await evidenceList(e.evidence.slice(0, 3), guideOfEdge(e)) : null);
  }));
  const first = body.nodes[0];
  box.replaceChildren(el('h3', {}, 'Path'),
    el('ol', { class: 'path-steps' },
      el('li', {}, el('button', { type: 'button', class: 'link-button', onclick: () => open(first.id) }, first.name)),
      ...steps),
    el('button', { type: 'button', class: 'button secondary', onclick: clearPath }, 'Clear path'));
  box.scrollIntoView({ block: 'nearest' });
}

function clearPath() {
  pathNodeIds = new Set();
  pathEdgeIds = new Set();
  currentPath = null;
  $('path-detail')?.replaceChildren();
  message.textContent = '';
  refresh();
}

/** A typed name, alias or id → the best matching concept, or null. */
async function resolve(text) {
  const found = (await lookupConcepts(text.trim(), 1)).concepts;
  return found[0] ?? null;
}

// --- Forms --------------------------------------------------------------------------------------------------

$('find-form').addEventListener('submit', async event => {
  event.preventDefault();
  const text = $('find').value.trim();
  if (!text) return;
  try {
    const c = await resolve(text);
    if (!c) {
      message.textContent = `No concept matches “${text}”.`;
      return;
    }
    await open(c.id, { fit: true });
  } catch (e) {
    report(e, text);
  }
});

$('path-form').addEventListener('submit', event => {
  event.preventDefault();
  findPath($('path-from').value, $('path-to').value);
});

// Names for the three boxes as the learner types, from the same lookup the search page uses.
const options = $('concept-options');
let lookupTimer;
for (const input of [$('find'), $('path-from'), $('path-to')]) {
  input.addEventListener('input', () => {
    clearTimeout(lookupTimer);
    const text = input.value.trim();
    if (text.length < 2) return;
    lookupTimer = setTimeout(async () => {
      try {
        const found = (await lookupConcepts(text, 8)).concepts;
        options.replaceChildren(...found.map(c => el('option', { value: c.name })));
      } catch {
        // Suggestions are optional; the forms still resolve what was typed.
      }
    }, 150);
  });
}

// --- Start --------------------------------------------------------------------------------------------------

async function start() {
  try {
    served = await guides();
  } catch {
    served = []; // generic names; everything else works
  }
  showBrand(served);
  document.title = `Concept explorer — ${siteTitle(served)}`;
  // Every relation type the graph has gets a filter box up front, in a stable order with co-mentions last.
  try {
    const stats = await graphStats();
    Object.keys(stats.relationsByType ?? {}).sort((a, b) => (a === CO_MENTION) - (b === CO_MENTION) || a.localeCompare(b))
      .forEach(noteType);
  } catch {
    // The types then appear as edges arrive.
  }
  const match = location.pathname.match(/^\/concepts\/([^/]+)\/?$/);
  if (!match) {
    $('find').focus();
    return;
  }
  const id = decodeURIComponent(match[1]);
  await open(id, { fit: true });
  const name = nodes.get(id)?.name;
  if (name) $('path-from').value = name;
}

start();
