// The HTTP API as the search page and the concept explorer use it (same origin).
// The embeddable widget keeps its own copy of the little it needs, so that it stays one file.

/** A failed API call: `status` 0 means the service could not be reached at all. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET a JSON resource; rejects with ApiError carrying the API's own {error, message} when it sends one. */
export async function getJson(path, params = {}, { signal } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'unreachable', 'The search service cannot be reached. Check your connection and try again.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page, for instance; reported below with the status alone.
  }
  if (!response.ok) {
    throw new ApiError(response.status, body?.error ?? 'http_' + response.status,
      body?.message ?? `The service answered ${response.status}.`);
  }
  return body;
}

export const search = (params, options) => getJson('/api/search', params, options);
/** Concepts by name or alias; `guide` (one id) narrows the lookup to that guide. */
export const lookupConcepts = (q, limit = 8, options, guide) => getJson('/api/concepts', { q, limit, guide }, options);
export const concept = id => getJson('/api/concepts/' + encodeURIComponent(id));
export const neighbours = (id, params = {}) => getJson('/api/concepts/' + encodeURIComponent(id) + '/neighbours', params);
export const path = (from, to) => getJson('/api/concepts/path', { from, to });
export const graphStats = () => getJson('/api/graph/stats');

let guidesPromise;
/**
 * The guides the service serves, in its order, fetched once per page. A service older than /api/guides serves one
 * guide whose title it does not tell: then this is a single untitled guide, and pages fall back to generic words.
 */
export function guides() {
  guidesPromise ??= getJson('/api/guides').then(body => body.guides ?? [])
    .catch(e => {
      if (e instanceof ApiError && e.status === 404) return [{ id: undefined, title: '' }];
      guidesPromise = undefined;
      throw e;
    });
  return guidesPromise;
}

/** The name for the whole site: the one guide's title, or a generic word when there are several (or no title). */
export const siteTitle = served => served.length === 1 && served[0].title ? served[0].title : 'Guides';

/** Puts the site's name into the page header's brand link (#brand), before its "search" tag. */
export function showBrand(served) {
  const brand = document.getElementById('brand');
  if (brand?.firstChild?.nodeType === Node.TEXT_NODE) brand.firstChild.textContent = siteTitle(served) + ' ';
}

/** A guide's title by id, or '' for an unknown id. */
export const guideTitle = (served, id) => served.find(g => g.id === id)?.title ?? '';

/**
 * The explorer page of a concept. Ids of every guide but the first are qualified ("some-guide:slug"); the colon
 * is kept readable in the path, where it needs no escaping.
 */
export const conceptHref = id => '/concepts/' + encodeURIComponent(id).replaceAll('%3A', ':');

const sectionsPromises = new Map();
/**
 * Every heading in reading order, fetched once per page and guide: titles for evidence and labels for facets.
 * Without `guide`, the headings of every guide (each carries its `guide`).
 */
export function sections(guide) {
  const key = guide ?? '';
  if (!sectionsPromises.has(key)) {
    sectionsPromises.set(key, getJson('/api/sections', { guide }).then(body => body.sections)
      .catch(e => { sectionsPromises.delete(key); throw e; }));
  }
  return sectionsPromises.get(key);
}

/**
 * Short labels for facet chips, keyed by document: "Part 2" from "Part 2: Getting Started, …". Document names
 * repeat across guides (guides often share file names), so labels belong to one guide: `guide`, or the only one served.
 */
export async function documentLabels(guide) {
  const labels = new Map();
  for (const s of await sections(guide)) {
    if (s.level === 1 && !labels.has(s.doc)) labels.set(s.doc, { short: s.title.split(':')[0].trim(), full: s.title });
  }
  return labels;
}

let suggestAvailable = true;
/**
 * Type-ahead suggestions from /api/suggest. The endpoint is newer than this page; where the service does not
 * have it yet, the first 404 switches suggestions off for the rest of the visit instead of asking again.
 */
export async function suggest(q, options, guide) {
  if (!suggestAvailable) return [];
  try {
    return (await getJson('/api/suggest', { q, guide }, options)).suggestions ?? [];
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) suggestAvailable = false;
    if (e.name === 'AbortError') throw e;
    return [];
  }
}

const linkBasePromises = new Map();
/**
 * Deep links into a published guide for sections the graph names only by doc and anchor. The service decides
 * each guide's site and states the rule "doc.md#x lives at BASE/doc.html#x"; one section's own `url` tells us
 * BASE, so this page never hard-codes where a guide is published. Without `guide`, the first guide is meant, as
 * the API means it for a doc and anchor without a guide.
 */
export async function guideLink(doc, anchor, guide) {
  const key = guide ?? '';
  if (!linkBasePromises.has(key)) {
    linkBasePromises.set(key, (async () => {
      const first = (await sections(guide)).find(s => s.anchor);
      const where = [guide, first.doc, first.anchor].filter(Boolean).map(encodeURIComponent).join('/');
      const one = await getJson('/api/sections/' + where);
      const tail = pageOf(first.doc) + '#' + first.anchor;
      if (!one.url?.endsWith(tail)) throw new Error('the service links sections in an unexpected shape: ' + one.url);
      return one.url.slice(0, -tail.length);
    })().catch(e => { linkBasePromises.delete(key); throw e; }));
  }
  return (await linkBasePromises.get(key)) + pageOf(doc) + '#' + anchor;
}

const pageOf = doc => doc.endsWith('.md') ? doc.slice(0, -3) + '.html' : doc;

/**
 * A snippet as DOM nodes. The API promises escaped text where only <mark> is markup; rebuilding from an inert
 * template keeps that promise true here even if a proxy or a bug ever broke it.
 */
export function snippetFragment(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

/** A heading title with its Markdown `code` spans shown as code ("4.2. Reading a `Frobnicator`"). */
export function titleFragment(title) {
  const out = document.createDocumentFragment();
  title.split('`').forEach((part, i) => {
    if (!part) return;
    if (i % 2 === 1) {
      const code = document.createElement('code');
      code.textContent = part;
      out.append(code);
    } else {
      out.append(document.createTextNode(part));
    }
  });
  return out;
}

/** The title as plain text, for labels and tooltips. */
export const plainTitle = title => title.replaceAll('`', '');

/** A tiny element builder: el('a', {href, class: 'x'}, 'text', child). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter(c => c !== null && c !== undefined && c !== false));
  return node;
}
