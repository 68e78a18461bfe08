// The search page: results as you type, a shareable URL (?q=&guide=&doc=&page=), facet chips by guide (when the
// service serves several) and by part, paging, keyboard movement through the hits, and an empty state that offers
// corrections and related concepts. Nothing here names a particular guide: titles come from /api/guides.
import {
  ApiError, conceptHref, documentLabels, el, guides, guideTitle, lookupConcepts, search, sections, showBrand,
  siteTitle, snippetFragment, suggest, titleFragment,
} from '/api.js';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 180; // long enough to skip most keystrokes, short enough to feel immediate
const MAX_CONCEPT_CHIPS = 5;

const $ = id => document.getElementById(id);
const input = $('q');
const ui = {
  status: $('status'), correction: $('correction'), facets: $('facets'), guideFacets: $('guide-facets'), hits: $('hits'),
  empty: $('empty'), pager: $('pager'), side: $('side'), sideConcepts: $('side-concepts'), results: $('results'),
};

/** What the page shows is a function of the URL alone, so any view can be shared or bookmarked. */
function readUrl() {
  const params = new URLSearchParams(location.search);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: (params.get('q') ?? '').trim(),
    // One guide id from a chip, or ids joined by commas from a hand-written link; '' for every guide.
    guide: params.getAll('guide').join(','),
    doc: params.get('doc') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    // Passed through untouched: services that know search modes honour it, older ones ignore it.
    mode: params.get('mode') ?? '',
  };
}

function urlFor(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.guide) params.set('guide', state.guide);
  if (state.doc) params.set('doc', state.doc);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.mode) params.set('mode', state.mode);
  const query = params.toString();
  return location.pathname + (query ? '?' + query : '');
}

let state = readUrl();
let inFlight = null;
let served = []; // the guides the service serves, from /api/guides
const labelsByGuide = new Map(); // guide id ('' when only one is served) → doc → chip label
// Hits per guide for the last query searched in every guide. With a guide chosen the answer counts that guide
// alone, so the other chips keep the counts they had (the part chips' counts ignore the chosen part the same way).
let guideCounts = { key: null, counts: {} };

const several = () => served.length > 1;
/** The single guide the search is narrowed to, if it is exactly one. */
const chosenGuide = () => (state.guide && !state.guide.includes(',') ? state.guide : '');
/**
 * Whose parts the part chips show: parts are a guide's own (guides often share file names), so with several guides
 * served they appear once one guide is chosen. '' means the only guide; null means no part chips.
 */
const partsGuide = () => (!several() ? '' : chosenGuide() || null);
const labelsNow = () => labelsByGuide.get(partsGuide()) ?? new Map();
const countsKey = s => JSON.stringify([s.q, s.doc, s.mode]);

/** The guides served, the page's names and the placeholder: the first thing the page does. */
async function loadGuides() {
  try {
    served = await guides();
  } catch {
    served = []; // a generic page still searches
  }
  showBrand(served);
  $('page-heading').textContent = several() ? 'Search the guides' : 'Search the guide';
  showTitle();
  examplePlaceholder();
}

function showTitle() {
  const site = siteTitle(served);
  document.title = state.q ? `${state.q} — Search — ${site}` : `Search — ${site}`;
}

/**
 * An example drawn from the served guide itself: the title of a section in the middle of the first guide, without
 * its numbering ("4.2. Reading a `Frobnicator`" → "Reading a Frobnicator"). Only a hint; failure leaves none.
 */
async function examplePlaceholder() {
  try {
    const headings = (await sections(several() ? served[0].id : undefined)).filter(s => s.level === 2);
    const title = headings[Math.floor(headings.length / 2)]?.title;
    if (title) input.placeholder = 'For example: ' + title.replace(/^[\d.\s]+/, '').replaceAll('`', '') + '…';
  } catch {
    // No placeholder, no harm.
  }
}

async function loadLabels() {
  const key = partsGuide();
  if (key === null || labelsByGuide.has(key)) return;
  try {
    labelsByGuide.set(key, await documentLabels(key || undefined));
  } catch {
    // Chips then show file names.
  }
}

/**
 * Shows `next`. `history` is 'push' for deliberate steps (Enter, a chip, a page), 'replace' while typing, and
 * 'none' when the URL already says it (the first load, back and forward).
 */
async function show(next, history = 'replace') {
  state = next;
  const url = urlFor(state);
  if (history === 'push' && url !== location.pathname + location.search) window.history.pushState(null, '', url);
  else if (history === 'replace') window.history.replaceState(null, '', url);
  showTitle();

  inFlight?.abort();
  if (!state.q) {
    clearResults();
    return;
  }
  const controller = new AbortController();
  inFlight = controller;
  ui.results.setAttribute('aria-busy', 'true');
  try {
    const [body] = await Promise.all([
      search({
        q: state.q, limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE, guide: state.guide, doc: state.doc,
        mode: state.mode,
      }, { signal: controller.signal }),
      loadLabels(),
    ]);
    if (controller.signal.aborted) return;
    render(body);
    renderConcepts(controller.signal);
  } catch (e) {
    if (e.name === 'AbortError') return;
    clearResults();
    ui.status.replaceChildren(el('span', { class: 'error' },
      e instanceof ApiError ? e.message : 'Something went wrong while searching. Please try again.'));
  } finally {
    if (inFlight === controller) ui.results.removeAttribute('aria-busy');
  }
}

function clearResults() {
  for (const node of [ui.hits, ui.status, ui.correction, ui.guideFacets, ui.facets, ui.pager, ui.empty, ui.sideConcepts]) {
    node.replaceChildren();
  }
  for (const node of [ui.correction, ui.guideFacets, ui.facets, ui.pager, ui.empty, ui.side]) node.hidden = true;
}

function render(body) {
  clearResults();
  const pages = Math.max(1, Math.ceil(body.total / PAGE_SIZE));
  const where = whereText();
  if (body.total > 0) {
    ui.status.replaceChildren(
      el('strong', {}, String(body.total)), ` ${body.total === 1 ? 'section' : 'sections'} for “${state.q}”${where}`,
      pages > 1 ? ` · page ${Math.min(state.page, pages)} of ${pages}` : '');
  } else {
    ui.status.textContent = `No sections for “${state.q}”${where}.`;
  }
  if (body.didYouMean) {
    ui.correction.hidden = false;
    ui.correction.append('Did you mean ', searchLink(body.didYouMean, { strong: true }), '?');
  }
  if (body.hits.length === 0 && body.total > 0 && state.page > 1) {
    show({ ...state, page: pages }, 'replace'); // a shared link to a page that no longer exists
    return;
  }
  renderGuideFacets(body);
  renderFacets(body);
  if (body.hits.length === 0) {
    renderEmpty(body);
    return;
  }
  ui.hits.append(...body.hits.map(renderHit));
  renderPager(body.total, pages);
}

function labelOf(doc) {
  return labelsNow().get(doc) ?? { short: doc.replace(/\.md$/, ''), full: doc };
}

/** " in Part 2", " in Some Guide", " in Part 2 of Some Guide", or '' when nothing narrows the search. */
function whereText() {
  const guide = several() && chosenGuide() ? guideTitle(served, chosenGuide()) || chosenGuide() : '';
  const part = state.doc ? labelOf(state.doc).short : '';
  if (part && guide) return ` in ${part} of ${guide}`;
  return part || guide ? ` in ${part || guide}` : '';
}

/** "All guides" and a chip per guide, in the service's order, when it serves more than one. */
function renderGuideFacets(body) {
  if (!several()) return;
  const key = countsKey(state);
  const answered = body.facets?.guide ?? {};
  if (!state.guide) guideCounts = { key, counts: answered };
  const known = guideCounts.key === key ? { ...guideCounts.counts, ...answered } : answered;
  const all = !state.guide ? body.total : guideCounts.key === key ? sum(guideCounts.counts) : null;
  const chip = (guide, text, count) => el('button', {
    type: 'button', class: 'chip', 'aria-pressed': String(state.guide === guide),
    // Parts belong to one guide, so a part chosen in one guide is dropped when the guide changes.
    onclick: () => show({ ...state, guide, doc: '', page: 1 }, 'push'),
  }, text, count === null || count === undefined ? null : el('span', { class: 'count' }, String(count)));
  const shown = served.filter(g => known[g.id] !== 0 || state.guide === g.id);
  ui.guideFacets.hidden = false;
  ui.guideFacets.append(chip('', 'All guides', all), ...shown.map(g => chip(g.id, g.title || g.id, known[g.id])));
}

const sum = counts => Object.values(counts).reduce((total, n) => total + n, 0);

function renderFacets(body) {
  if (partsGuide() === null) return; // several guides and none chosen: their parts would mix
  const counts = body.facets?.doc ?? {};
  const docs = Object.keys(counts);
  if (docs.length < 2 && !state.doc) return; // one part only: a filter would change nothing
  // Parts in reading order (the order of the guide), not by count, so chips do not jump around while typing.
  const order = [...labelsNow().keys()];
  docs.sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  const all = sum(counts);
  const chip = (doc, text, count, title) => el('button', {
    type: 'button', class: 'chip', 'aria-pressed': String(state.doc === doc), title,
    onclick: () => show({ ...state, doc, page: 1 }, 'push'),
  }, text, el('span', { class: 'count' }, String(count)));
  ui.facets.hidden = false;
  ui.facets.append(chip('', 'All parts', all), ...docs.map(doc => {
    const label = labelOf(doc);
    return chip(doc, label.short, counts[doc], label.full);
  }));
}

function renderHit(hit, index) {
  // With several guides served, the guide's title leads the breadcrumb: the same heading may be in each guide.
  const guide = several() ? el('span', { class: 'guide-name' }, guideTitle(served, hit.guide) || hit.guide) : null;
  const crumbs = el('p', { class: 'crumbs' }, guide, ...hit.breadcrumb.map(c => el('span', {}, c)));
  const titleId = 'hit-title-' + index;
  const concepts = hit.concepts.length ? el('ul', { class: 'chips', 'aria-label': 'Concepts in this section' },
    ...hit.concepts.slice(0, MAX_CONCEPT_CHIPS).map(c => el('li', {},
      el('a', { class: 'chip concept-chip', href: conceptHref(c.id) }, c.name)))) : null;
  // Other parts of the same numbered section that matched too: grouped under the best one, not repeated as hits.
  const related = hit.related?.length ? el('ul', { class: 'related', 'aria-label': 'Also in this section' },
    ...hit.related.map(r => el('li', {}, el('a', { href: r.url }, titleFragment(r.title))))) : null;
  return el('li', { class: 'hit', 'aria-labelledby': titleId },
    hit.breadcrumb.length || guide ? crumbs : null,
    el('h3', { id: titleId }, el('a', { href: hit.url, class: 'hit-link' }, titleFragment(hit.title))),
    el('p', { class: 'snippet' }, snippetFragment(hit.snippet)),
    related,
    concepts);
}

function renderPager(total, pages) {
  if (pages < 2) return;
  // A window of page numbers around the current one, plus the first and the last, so every page is reachable.
  const current = Math.min(state.page, pages);
  const wanted = new Set([1, pages]);
  for (let p = Math.max(1, current - 2); p <= Math.min(pages, current + 2); p++) wanted.add(p);
  const numbers = [...wanted].sort((a, b) => a - b);
  const items = [];
  const link = (page, text, label) => el('li', {}, el('a', {
    href: urlFor({ ...state, page }), 'aria-label': label, 'aria-current': page === current ? 'page' : null,
    onclick: event => { event.preventDefault(); goToPage(page); },
  }, text));
  if (current > 1) items.push(link(current - 1, '‹ Previous', 'Previous page'));
  numbers.forEach((page, i) => {
    if (i > 0 && page - numbers[i - 1] > 1) items.push(el('li', {}, el('span', { 'aria-hidden': 'true' }, '…')));
    items.push(link(page, String(page), `Page ${page}`));
  });
  if (current < pages) items.push(link(current + 1, 'Next ›', 'Next page'));
  ui.pager.hidden = false;
  ui.pager.append(el('ul', {}, ...items));
}

async function goToPage(page) {
  await show({ ...state, page }, 'push');
  // Keep keyboard users in the results rather than on a pager link that was just replaced.
  ui.hits.querySelector('.hit-link')?.focus();
  ui.results.scrollIntoView({ block: 'start' });
}

/** Concepts whose name or alias matches the query: the learner's way from a search into the graph. */
async function renderConcepts(signal) {
  const q = state.q;
  let concepts;
  try {
    concepts = (await lookupConcepts(q, 3, { signal }, chosenGuide() || undefined)).concepts;
  } catch {
    return; // the graph may be down while search works; the side panel is optional
  }
  if (signal.aborted || q !== state.q || concepts.length === 0) return;
  ui.sideConcepts.replaceChildren(...concepts.map(conceptCard));
  ui.side.hidden = false;
}

function conceptCard(c) {
  const count = `${c.sectionCount} ${c.sectionCount === 1 ? 'section' : 'sections'}`;
  const guide = several() && !chosenGuide() ? guideTitle(served, c.guide) : '';
  return el('a', { class: 'concept-card', href: conceptHref(c.id) },
    el('strong', {}, c.name), el('span', {}, [c.kind, count, guide].filter(Boolean).join(' · ')));
}

/** Nothing matched: say so, then offer every way forward the service knows about. */
async function renderEmpty(body) {
  const q = state.q;
  ui.empty.hidden = false;
  ui.empty.append(el('h2', {}, `Nothing in the ${several() ? 'guides' : 'guide'} matches “${q}”${whereText()}`));
  if (state.doc) {
    ui.empty.append(el('p', {}, el('button', {
      type: 'button', class: 'button secondary', onclick: () => show({ ...state, doc: '', page: 1 }, 'push'),
    }, 'Search all parts instead')));
  } else if (state.guide && several()) {
    ui.empty.append(el('p', {}, el('button', {
      type: 'button', class: 'button secondary', onclick: () => show({ ...state, guide: '', page: 1 }, 'push'),
    }, 'Search all guides instead')));
  }
  if (body.didYouMean) ui.empty.append(el('p', {}, 'Did you mean ', searchLink(body.didYouMean, { strong: true }), '?'));
  const related = el('div');
  ui.empty.append(related, el('ul', { class: 'tips' },
    el('li', {}, 'Check the spelling, or use fewer or more general words.'),
    el('li', {}, 'Search for the name of a concept, or for its abbreviation.')));

  const [concepts, suggestions] = await Promise.all([relatedConcepts(q), suggest(q, undefined, state.guide).catch(() => [])]);
  if (q !== state.q) return;
  if (concepts.length) {
    related.append(el('h3', {}, 'Related concepts'), el('ul', { class: 'chips' },
      ...concepts.map(c => el('li', {}, el('a', { class: 'chip concept-chip', href: conceptHref(c.id) }, c.name)))));
  }
  if (suggestions.length) {
    related.append(el('h3', {}, 'Suggestions'), el('ul', { class: 'link-list' },
      ...suggestions.slice(0, 6).map(s => el('li', {}, s.type === 'concept' && s.id
        ? el('a', { href: conceptHref(s.id) }, s.label)
        : s.url ? el('a', { href: s.url }, s.label) : searchLink(s.label)))));
  }
}

/** Concepts for the whole query, or failing that for its longer words, without duplicates. */
async function relatedConcepts(q) {
  const found = new Map();
  const tries = [q, ...q.split(/\s+/).filter(w => w.length >= 3 && w !== q)].slice(0, 4);
  for (const text of tries) {
    try {
      for (const c of (await lookupConcepts(text, 5, undefined, chosenGuide() || undefined)).concepts) found.set(c.id, c);
    } catch {
      return [...found.values()];
    }
    if (found.size >= 5) break;
  }
  return [...found.values()].slice(0, 8);
}

function searchLink(text, { strong = false } = {}) {
  const next = { ...state, q: text, page: 1 };
  const a = el('a', {
    href: urlFor(next), onclick: event => {
      event.preventDefault();
      input.value = text;
      show(next, 'push');
    },
  }, text);
  return strong ? el('strong', {}, a) : a;
}

// Typing searches after a short pause; Enter searches at once and records a history step.
let typingTimer;
input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => show({ ...state, q: input.value.trim(), page: 1 }), TYPING_DELAY_MS);
});
$('search-form').addEventListener('submit', event => {
  event.preventDefault();
  clearTimeout(typingTimer);
  show({ ...state, q: input.value.trim(), page: 1 }, 'push');
});

// Keyboard: ↓ from the box into the hits, ↑/↓ between hits, Esc back to the box. Focus moves to real links,
// so Enter follows a hit natively and screen readers announce exactly what is focused.
const hitLinks = () => [...ui.hits.querySelectorAll('.hit-link')];
input.addEventListener('keydown', event => {
  if (event.key === 'ArrowDown' && hitLinks().length) {
    event.preventDefault();
    hitLinks()[0].focus();
  }
});
ui.hits.addEventListener('keydown', event => {
  const links = hitLinks();
  const current = links.findIndex(a => a.closest('.hit').contains(document.activeElement));
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = current + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    input.focus();
    input.select();
  }
});
// "/" jumps to the box from anywhere on the page, unless the reader is typing somewhere else.
document.addEventListener('keydown', event => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  if (target.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
  event.preventDefault();
  input.focus();
  input.select();
});

window.addEventListener('popstate', () => {
  const next = readUrl();
  input.value = next.q;
  show(next, 'none');
});

input.value = state.q;
if (!state.q) input.focus();
// The guides are known before the first search, so that its chips and labels are the right ones at once.
loadGuides().then(() => { if (state.q) show(state, 'none'); });
