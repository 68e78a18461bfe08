/*
 * <guide-search>: a guide's search as a web component any site can embed with two lines:
 *
 *   <script src="https://HOST/widget.js" defer></script>
 *   <guide-search></guide-search>
 *
 * With no attributes it searches the service it was loaded from. Attributes (all optional):
 *   api          base URL of the service (default: where this script came from)
 *   placeholder  text of the button and the search box
 *   hotkey       shortcuts that open it, space-separated (default "mod+k /"; "mod" is Cmd on Apple, Ctrl elsewhere);
 *                "none" switches shortcuts off
 *   results      hits per page in the list (default 8, 1–50)
 *   site         base URL of your own copy of the guide; hits then link there instead of the published guide
 *   guide        ids of the guides to search, space-separated (default: every guide the service serves); where
 *                the service serves several and this names other than exactly one, each hit shows its guide
 * Theme it with CSS custom properties on the element (they cross the shadow boundary; nothing else does):
 *   --guide-search-accent, -bg, -text, -muted, -border, -active-bg, -mark, -mark-text, -focus, -font, -radius, -width
 * Without them it follows the reader's prefers-color-scheme (light or dark).
 *
 * One file, no dependencies, no build step: it is loaded by other people's pages. Its markup and styles live in
 * an open shadow root, so neither the host page's CSS nor ours leaks across, while accessibility tools can see in.
 */
(() => {
  'use strict';

  // Only readable while this script is being run, so captured now: the API base defaults to the script's folder.
  const SCRIPT_SRC = document.currentScript && document.currentScript.src;
  const DEFAULT_API = new URL('.', SCRIPT_SRC || location.href).href;

  if (customElements.get('guide-search')) return; // the script was included twice

  const DEFAULT_RESULTS = 8;
  const DEFAULT_HOTKEY = 'mod+k /';
  const DEFAULT_PLACEHOLDER = 'Search the guide';
  const TYPING_DELAY_MS = 120;
  const RECENT_MAX = 6;
  const IS_APPLE = /Mac|iPhone|iPad|iPod/.test((navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '');

  const STYLE = `
    :host {
      all: initial;
      display: inline-block;
      --_font: var(--guide-search-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
      --_accent: var(--guide-search-accent, #2456a6);
      --_bg: var(--guide-search-bg, #ffffff);
      --_text: var(--guide-search-text, #1c2230);
      --_muted: var(--guide-search-muted, #4f5766);
      --_border: var(--guide-search-border, #c9ced8);
      --_active: var(--guide-search-active-bg, #e6eefb);
      --_mark: var(--guide-search-mark, #ffe48a);
      --_mark-text: var(--guide-search-mark-text, #1c2230);
      --_focus: var(--guide-search-focus, #c2410c);
      --_radius: var(--guide-search-radius, 10px);
      --_width: var(--guide-search-width, 680px);
      font: 16px/1.45 var(--_font);
      color: var(--_text);
      color-scheme: light; /* scrollbars and native controls match the palette */
    }
    @media (prefers-color-scheme: dark) {
      :host {
        color-scheme: dark;
        --_accent: var(--guide-search-accent, #8fb4ff);
        --_bg: var(--guide-search-bg, #1c2029);
        --_text: var(--guide-search-text, #e7e9ee);
        --_muted: var(--guide-search-muted, #aab1be);
        --_border: var(--guide-search-border, #3a4150);
        --_active: var(--guide-search-active-bg, #28344d);
        --_mark: var(--guide-search-mark, #6b5512);
        --_mark-text: var(--guide-search-mark-text, #fff6d6);
        --_focus: var(--guide-search-focus, #ffb070);
      }
    }
    :host([hidden]) { display: none; }
    *, *::before, *::after { box-sizing: border-box; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    :focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
    svg { flex: none; }
    kbd {
      font: 12px/1.6 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; padding: 0 6px;
      border: 1px solid var(--_border); border-bottom-width: 2px; border-radius: 4px; color: var(--_muted);
      background: var(--_bg);
    }

    .trigger {
      display: inline-flex; align-items: center; gap: 10px; min-height: 40px; min-width: 220px; padding: 6px 10px 6px 12px;
      font: inherit; color: var(--_muted); background: var(--_bg); border: 1px solid var(--_border);
      border-radius: 999px; cursor: pointer;
    }
    .trigger:hover { border-color: var(--_accent); color: var(--_text); }
    .trigger .label { flex: 1; text-align: left; }
    .keys { display: inline-flex; gap: 3px; }

    dialog {
      width: min(var(--_width), calc(100vw - 24px)); max-height: min(680px, calc(100vh - 48px));
      margin: 7vh auto auto; padding: 0; border: 1px solid var(--_border); border-radius: var(--_radius);
      background: var(--_bg); color: var(--_text); font: inherit;
      box-shadow: 0 24px 64px rgb(10 15 30 / 35%);
    }
    dialog[open] { display: flex; flex-direction: column; }
    dialog::backdrop { background: rgb(12 16 26 / 50%); }

    .bar { display: flex; align-items: center; gap: 10px; padding: 10px 12px 10px 16px; border-bottom: 1px solid var(--_border); }
    .bar:focus-within { box-shadow: inset 0 -2px 0 var(--_accent); }
    .bar svg { color: var(--_accent); }
    input {
      flex: 1; min-width: 0; height: 40px; border: 0; outline: 0; padding: 0; background: transparent;
      font: inherit; font-size: 18px; color: var(--_text);
    }
    input::placeholder { color: var(--_muted); opacity: 1; }
    input:focus-visible { outline: 0; } /* the bar's accent underline shows focus; a box inside it is noise */
    input::-webkit-search-cancel-button { display: none; }
    .close { position: relative; border: 0; background: none; padding: 4px; cursor: pointer; border-radius: 6px; }

    .body { overflow: auto; overscroll-behavior: contain; flex: 1; padding: 6px 8px; }
    [role="listbox"] { margin: 0; padding: 0; }
    [role="listbox"][hidden] { display: none; }
    .group-label { margin: 10px 8px 4px; font-size: 12px; font-weight: 600; letter-spacing: .05em; text-transform: uppercase; color: var(--_muted); }
    [role="option"] {
      display: block; padding: 9px 12px; margin: 2px 0; border-radius: 8px; cursor: pointer;
      border-left: 3px solid transparent;
    }
    [role="option"][aria-selected="true"] { background: var(--_active); border-left-color: var(--_accent); }
    .title { display: block; font-weight: 600; color: var(--_accent); }
    .crumbs { display: block; font-size: 13px; color: var(--_muted); }
    .snippet {
      display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3; overflow: hidden;
      font-size: 14px; margin-top: 2px;
    }
    .related { display: block; font-size: 13px; color: var(--_muted); margin-top: 2px; }
    .more { color: var(--_accent); font-weight: 600; }
    .recent .title::before { content: "↺  "; color: var(--_muted); }
    code { font: 0.92em ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    mark { background: var(--_mark); color: var(--_mark-text); border-radius: 2px; }
    .notice { margin: 14px 10px; color: var(--_muted); }
    .notice:empty { display: none; }
    .link-button { font: inherit; font-size: 13px; color: var(--_accent); background: none; border: 0; padding: 2px 4px; cursor: pointer; text-decoration: underline; }
    .link-button[hidden] { display: none; }

    /* Inside the scrolling part on purpose: the scroll region then always holds something focusable. */
    .actions { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin: 8px 10px 6px; font-size: 14px; }
    .actions a { margin-left: auto; color: var(--_accent); }
    footer {
      display: flex; align-items: center; gap: 12px; flex-wrap: wrap;
      padding: 8px 16px; border-top: 1px solid var(--_border); font-size: 13px; color: var(--_muted);
    }
    .help { display: inline-flex; align-items: center; gap: 4px; flex-wrap: wrap; }
    .help kbd + span { margin-right: 8px; }
  `;

  const SEARCH_ICON = '<svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="currentColor">'
    + '<path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.65 3.64-1.06 1.06-3.64-3.65A5.5 5.5 0 1 1 8.5 3zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8z"/></svg>';

  const TEMPLATE = `
    <style>${STYLE}</style>
    <button class="trigger" part="trigger" type="button" aria-haspopup="dialog">
      ${SEARCH_ICON}<span class="label"></span><span class="keys" aria-hidden="true"></span>
    </button>
    <dialog part="dialog" aria-labelledby="dialog-title">
      <h2 id="dialog-title" class="sr"></h2>
      <div class="bar">
        ${SEARCH_ICON}
        <input id="input" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false"
               aria-controls="listbox" aria-labelledby="dialog-title"
               autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="go" maxlength="500">
        <button class="close" type="button" aria-labelledby="close-key close-action"><kbd id="close-key">Esc</kbd> <span class="sr" id="close-action">Close search</span></button>
      </div>
      <div class="body">
        <div id="listbox" role="listbox" aria-label="Search results" hidden></div>
        <p class="notice" id="notice"></p>
        <p class="actions">
          <button class="link-button" id="clear-recent" type="button" hidden>Clear recent searches</button>
          <a id="all" href=""></a>
        </p>
      </div>
      <div id="live" class="sr" role="status" aria-live="polite" aria-atomic="true"></div>
      <footer>
        <span class="help"><kbd>↑</kbd><kbd>↓</kbd><span>to move</span><kbd>Enter</kbd><span>to open</span><kbd>Esc</kbd><span>to close</span></span>
      </footer>
    </dialog>`;

  /** Parses "mod+k /" into matchers; "none", "off" or "" switch shortcuts off. */
  function parseHotkeys(spec) {
    const text = (spec == null ? DEFAULT_HOTKEY : spec).trim().toLowerCase();
    if (!text || text === 'none' || text === 'off') return [];
    return text.split(/[\s,]+/).filter(Boolean).map(token => {
      const parts = token.split('+');
      const key = parts.pop() || '+';
      const mods = new Set(parts.map(m => (m === 'mod' ? (IS_APPLE ? 'meta' : 'ctrl') : m === 'cmd' ? 'meta' : m === 'option' ? 'alt' : m)));
      return { key, ctrl: mods.has('ctrl'), meta: mods.has('meta'), alt: mods.has('alt'), shift: mods.has('shift') };
    });
  }

  function matches(hotkey, event) {
    return event.key && event.key.toLowerCase() === hotkey.key
      && event.ctrlKey === hotkey.ctrl && event.metaKey === hotkey.meta && event.altKey === hotkey.alt
      // Shift only counts when asked for: "/" needs Shift on many keyboard layouts.
      && (!hotkey.shift || event.shiftKey);
  }

  function describe(hotkey) {
    const names = [];
    if (hotkey.ctrl) names.push('Ctrl');
    if (hotkey.meta) names.push(IS_APPLE ? '⌘' : 'Meta');
    if (hotkey.alt) names.push(IS_APPLE ? '⌥' : 'Alt');
    if (hotkey.shift) names.push('Shift');
    names.push(hotkey.key.length === 1 ? hotkey.key.toUpperCase() : hotkey.key);
    return names;
  }

  const isEditable = node => node instanceof Element
    && (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));

  /** Snippet HTML → nodes, keeping only text and <mark>: the host page never runs markup from the API. */
  function snippetNodes(html) {
    const template = document.createElement('template');
    template.innerHTML = html || '';
    return [...template.content.childNodes].map(node => {
      if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent);
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    });
  }

  /** "4.2. Reading a `Frobnicator`" with its code span shown as code. */
  function titleNodes(title) {
    const nodes = [];
    title.split('`').forEach((part, i) => {
      if (!part) return;
      if (i % 2 === 0) {
        nodes.push(document.createTextNode(part));
        return;
      }
      const code = document.createElement('code');
      code.textContent = part;
      nodes.push(code);
    });
    return nodes;
  }

  const suggestMissing = new Set(); // API bases without /api/suggest (older services): asked once, then skipped
  const guideLists = new Map(); // API base → promise of its guides ([] when the service cannot say)

  class GuideSearchElement extends HTMLElement {
    static get observedAttributes() { return ['api', 'placeholder', 'hotkey', 'results', 'site', 'guide']; }

    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = TEMPLATE;
      const $ = id => root.getElementById(id);
      this.trigger = root.querySelector('.trigger');
      this.dialog = root.querySelector('dialog');
      this.input = $('input');
      this.listbox = $('listbox');
      this.notice = $('notice');
      this.live = $('live');
      this.allLink = $('all');
      this.clearRecent = $('clear-recent');
      this.heading = $('dialog-title'); // not `title`: that is HTMLElement's own attribute property

      this.options = [];   // rendered option elements, in order
      this.active = -1;    // index into options, -1 for none
      this.hits = [];      // the hits shown so far for this.query
      this.query = '';
      this.total = 0;
      this.request = null; // AbortController of the search in flight
      this.timer = 0;
      this.returnFocus = null;
      this.suggestions = [];
      this.didYouMean = null;
      this.guideTitles = null; // guide id → title while hits may come from several guides

      this.trigger.addEventListener('click', () => this.open());
      root.querySelector('.close').addEventListener('click', () => this.close());
      this.dialog.addEventListener('close', () => this.afterClose());
      // A click on the backdrop (the dialog box itself has no padding of its own) closes the dialog.
      this.dialog.addEventListener('click', event => { if (event.target === this.dialog) this.close(); });
      this.input.addEventListener('input', () => this.onInput());
      this.input.addEventListener('keydown', event => this.onKeydown(event));
      this.listbox.addEventListener('click', event => {
        const option = event.target.closest('[role="option"]');
        if (option) this.activate(this.options.indexOf(option), { newTab: event.ctrlKey || event.metaKey });
      });
      this.listbox.addEventListener('mousemove', event => {
        const option = event.target.closest('[role="option"]');
        if (option && this.options.indexOf(option) !== this.active) this.setActive(this.options.indexOf(option), { scroll: false });
      });
      this.clearRecent.addEventListener('click', () => {
        this.saveRecent([]);
        this.showRecent();
        this.input.focus();
      });
      this.onHotkey = this.onHotkey.bind(this);
    }

    connectedCallback() {
      // Capture phase on window: the shortcut works even where the host page stops keydown propagation.
      window.addEventListener('keydown', this.onHotkey, true);
      this.applyAttributes();
    }

    disconnectedCallback() {
      window.removeEventListener('keydown', this.onHotkey, true);
    }

    attributeChangedCallback() {
      if (this.isConnected) this.applyAttributes();
    }

    // --- configuration ------------------------------------------------------------------------------------------

    get apiBase() {
      const raw = this.getAttribute('api');
      if (!raw) return DEFAULT_API;
      const base = new URL(raw, location.href).href;
      return base.endsWith('/') ? base : base + '/';
    }

    get pageSize() {
      const n = Number.parseInt(this.getAttribute('results') || '', 10);
      return Number.isFinite(n) ? Math.min(50, Math.max(1, n)) : DEFAULT_RESULTS;
    }

    get placeholder() {
      return this.getAttribute('placeholder') || DEFAULT_PLACEHOLDER;
    }

    /** The guide ids the owner restricted the widget to; empty for every guide the service serves. */
    get guideIds() {
      return (this.getAttribute('guide') || '').split(/\s+/).filter(Boolean);
    }

    /** Query parameters for the guide restriction, repeated as the API takes them. */
    withGuides(params) {
      for (const id of this.guideIds) params.append('guide', id);
      return params;
    }

    /**
     * The service's guides, asked once per service: the titles hits show when they may come from more than one
     * guide. An older service without /api/guides serves one guide, which needs no title on each hit.
     */
    servedGuides() {
      const base = this.apiBase;
      if (!guideLists.has(base)) {
        guideLists.set(base, this.getJson('api/guides').then(body => (Array.isArray(body.guides) ? body.guides : []))
          .catch(error => {
            if (error.status !== 404) guideLists.delete(base); // a passing failure: ask again next time
            return [];
          }));
      }
      return guideLists.get(base);
    }

    applyAttributes() {
      this.hotkeys = parseHotkeys(this.getAttribute('hotkey'));
      this.trigger.querySelector('.label').textContent = this.placeholder;
      this.heading.textContent = this.placeholder;
      this.input.placeholder = this.placeholder;
      const keys = this.trigger.querySelector('.keys');
      keys.replaceChildren(...(this.hotkeys[0] ? describe(this.hotkeys[0]) : []).map(name => {
        const kbd = document.createElement('kbd');
        kbd.textContent = name;
        return kbd;
      }));
      if (this.hotkeys[0]) this.trigger.setAttribute('aria-keyshortcuts', this.hotkeys.map(ariaShortcut).join(' '));
      else this.trigger.removeAttribute('aria-keyshortcuts');
      this.updateAllLink();
    }

    /** A hit's link: the published guide, or the same page and anchor on the owner's copy (`site`). */
    linkFor(url) {
      const site = this.getAttribute('site');
      if (!site || !url) return url;
      const published = new URL(url, this.apiBase);
      const base = new URL(site, location.href).href;
      return new URL(published.pathname.split('/').pop() + published.hash, base.endsWith('/') ? base : base + '/').href;
    }

    /** The way to every result, not just the first page: the service's own search page, with paging and facets. */
    updateAllLink() {
      const params = new URLSearchParams();
      if (this.query) params.set('q', this.query);
      if (this.guideIds.length) params.set('guide', this.guideIds.join(','));
      const query = params.toString();
      this.allLink.href = this.apiBase + (query ? '?' + query : '');
      this.allLink.textContent = this.query ? `All results for “${this.query}” on the search page` : 'Open the full search page';
    }

    // --- opening and closing ------------------------------------------------------------------------------------

    onHotkey(event) {
      if (event.defaultPrevented || !this.hotkeys || !this.hotkeys.some(h => matches(h, event))) return;
      const target = event.composedPath()[0];
      const modified = event.ctrlKey || event.metaKey || event.altKey;
      // A bare key like "/" is for typing whenever a text field has focus, in the page or in this widget.
      if (!modified && isEditable(target)) return;
      event.preventDefault();
      if (this.dialog.open) this.close(); else this.open();
    }

    open() {
      if (this.dialog.open) return;
      this.returnFocus = deepActiveElement();
      this.dialog.showModal();
      this.input.focus();
      this.input.select();
      if (!this.input.value.trim()) this.showRecent();
      else this.input.setAttribute('aria-expanded', String(this.options.length > 0)); // the list from last time
    }

    close() {
      if (this.dialog.open) this.dialog.close();
    }

    afterClose() {
      clearTimeout(this.timer);
      if (this.request) this.request.abort();
      this.input.setAttribute('aria-expanded', 'false');
      const target = this.returnFocus && this.returnFocus.isConnected ? this.returnFocus : this.trigger;
      target.focus();
    }

    // --- searching ----------------------------------------------------------------------------------------------

    onInput() {
      clearTimeout(this.timer);
      const q = this.input.value.trim();
      if (!q) {
        if (this.request) this.request.abort();
        this.query = '';
        this.updateAllLink();
        this.showRecent();
        return;
      }
      this.timer = setTimeout(() => this.search(q, 0), TYPING_DELAY_MS);
    }

    async search(q, offset) {
      if (this.request) this.request.abort();
      const request = new AbortController();
      this.request = request;
      this.listbox.setAttribute('aria-busy', 'true');
      try {
        const params = this.withGuides(new URLSearchParams({ q, limit: String(this.pageSize), offset: String(offset) }));
        const [body, suggestions, guides] = await Promise.all([
          this.getJson('api/search?' + params, request.signal),
          offset === 0 ? this.suggest(q, request.signal) : Promise.resolve([]),
          this.servedGuides(),
        ]);
        if (request.signal.aborted) return;
        if (offset === 0) {
          this.query = q;
          this.hits = [];
          this.suggestions = suggestions;
        }
        // Each hit names its guide when hits may come from several: the service serves more than one, and the
        // owner did not narrow the widget to exactly one.
        this.guideTitles = guides.length > 1 && this.guideIds.length !== 1
          ? new Map(guides.map(g => [g.id, g.title || g.id])) : null;
        this.hits = this.hits.concat(body.hits);
        this.total = body.total;
        this.didYouMean = body.didYouMean;
        this.updateAllLink();
        this.showHits(offset > 0 ? offset : -1);
      } catch (error) {
        if (error.name === 'AbortError') return;
        this.renderOptions([]);
        this.say('Search is unavailable right now. Please try again in a moment.', true);
      } finally {
        if (this.request === request) {
          this.listbox.removeAttribute('aria-busy');
          this.request = null;
        }
      }
    }

    async getJson(path, signal) {
      // A plain GET without custom headers is a "simple" cross-origin request: no preflight round trip.
      const response = await fetch(this.apiBase + path, { signal, credentials: 'omit' });
      if (!response.ok) {
        const error = new Error('HTTP ' + response.status);
        error.status = response.status;
        throw error;
      }
      return response.json();
    }

    /** Concept (and, with no hits, section) suggestions from /api/suggest, where the service has it. */
    async suggest(q, signal) {
      const base = this.apiBase;
      if (suggestMissing.has(base)) return [];
      try {
        const body = await this.getJson('api/suggest?' + this.withGuides(new URLSearchParams({ q })), signal);
        return Array.isArray(body.suggestions) ? body.suggestions : [];
      } catch (error) {
        if (error.name === 'AbortError') throw error;
        if (error.status === 404) suggestMissing.add(base);
        return [];
      }
    }

    // --- rendering ----------------------------------------------------------------------------------------------

    /** The hits so far, then "more", then concept suggestions. `focusIndex` ≥ 0 makes that hit active. */
    showHits(focusIndex) {
      const groups = [];
      const guideOf = hit => (this.guideTitles && this.guideTitles.get(hit.guide)) || null;
      const hitOptions = this.hits.map(hit => ({
        kind: 'hit', href: this.linkFor(hit.url), title: hit.title,
        crumbs: [guideOf(hit), ...(hit.breadcrumb || [])].filter(Boolean).join(' › '), snippet: hit.snippet,
        related: (hit.related || []).map(r => r.title),
      }));
      const remaining = this.total - this.hits.length;
      if (remaining > 0) {
        hitOptions.push({ kind: 'more', title: `Show ${Math.min(remaining, this.pageSize)} more of ${remaining} remaining` });
      }
      const sectionSuggestions = this.hits.length ? [] : this.suggestions.filter(s => s.type === 'section' && s.url);
      if (sectionSuggestions.length) {
        hitOptions.push(...sectionSuggestions.map(s => ({ kind: 'hit', href: this.linkFor(s.url), title: s.label, crumbs: guideOf(s) || '' })));
      }
      if (hitOptions.length) groups.push({ label: 'Sections', options: hitOptions });
      const concepts = this.suggestions.filter(s => s.type === 'concept' && s.id);
      if (concepts.length) {
        groups.push({
          label: 'Concepts',
          // Concept ids of all but the first guide are "guide-id:slug"; the colon needs no escaping in a path.
          options: concepts.map(s => ({
            kind: 'hit', href: this.apiBase + 'concepts/' + encodeURIComponent(s.id).replace(/%3A/g, ':'), title: s.label,
            crumbs: [guideOf(s), 'Concept explorer'].filter(Boolean).join(' › '),
          })),
        });
      }
      this.renderOptions(groups);
      this.clearRecent.hidden = true;
      if (this.hits.length === 0) {
        const hint = this.didYouMean ? ` Did you mean “${this.didYouMean}”?` : '';
        this.say(`No results for “${this.query}”.${hint}`, true);
      } else {
        const shown = this.hits.length < this.total ? `${this.hits.length} of ${this.total}` : String(this.total);
        this.say(`${shown} ${this.total === 1 ? 'result' : 'results'} for “${this.query}”.`, false);
      }
      if (focusIndex >= 0) this.setActive(focusIndex);
    }

    showRecent() {
      const recent = this.loadRecent();
      this.hits = [];
      this.total = 0;
      const options = recent.map(q => ({ kind: 'recent', query: q, title: q, crumbs: '' }));
      this.renderOptions(options.length ? [{ label: 'Recent searches', options }] : []);
      this.clearRecent.hidden = options.length === 0;
      if (options.length) this.say(`${options.length} recent ${options.length === 1 ? 'search' : 'searches'}.`, false);
      else this.say('Type to search the guide.', true);
    }

    /** Rebuilds the listbox; option ids are stable per position so aria-activedescendant stays valid. */
    renderOptions(groups) {
      this.options = [];
      this.items = [];
      this.active = -1;
      this.input.removeAttribute('aria-activedescendant');
      const nodes = groups.map((group, g) => {
        const element = document.createElement('div');
        element.setAttribute('role', 'group');
        element.setAttribute('aria-labelledby', 'group-' + g);
        const label = document.createElement('div');
        label.className = 'group-label';
        label.id = 'group-' + g;
        label.setAttribute('role', 'presentation');
        label.textContent = group.label;
        element.append(label, ...group.options.map(item => this.optionElement(item)));
        return element;
      });
      this.listbox.replaceChildren(...nodes);
      const expanded = this.options.length > 0;
      this.listbox.hidden = !expanded;
      this.input.setAttribute('aria-expanded', String(expanded));
    }

    optionElement(item) {
      const index = this.options.length;
      const option = document.createElement('div');
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.id = 'option-' + index;
      option.className = item.kind;
      if (item.href) option.dataset.href = item.href;
      const title = document.createElement('span');
      title.className = item.kind === 'more' ? 'title more' : 'title';
      title.id = option.id + '-title';
      title.append(...titleNodes(item.title));
      option.append(title);
      const labelledBy = [title.id];
      if (item.crumbs) {
        const crumbs = document.createElement('span');
        crumbs.className = 'crumbs';
        crumbs.id = option.id + '-crumbs';
        crumbs.textContent = item.crumbs;
        // The space shows nothing between the two blocks, but keeps the words apart in the option's text, as
        // they are in its name ("…of a widget Part 2…", not "…of a widgetPart 2…").
        option.append(' ', crumbs);
        labelledBy.push(crumbs.id);
      }
      option.setAttribute('aria-labelledby', labelledBy.join(' '));
      if (item.snippet) {
        const snippet = document.createElement('span');
        snippet.className = 'snippet';
        snippet.id = option.id + '-snippet';
        snippet.append(...snippetNodes(item.snippet));
        // The snippet describes the hit; it is not its label. Hidden from the option's text, so that the name
        // (title and crumbs) holds all of the option's label text (WCAG 2.5.3), and still its description:
        // aria-describedby reads a hidden element it points at.
        snippet.setAttribute('aria-hidden', 'true');
        option.append(snippet);
        option.setAttribute('aria-describedby', snippet.id);
      }
      if (item.related && item.related.length) {
        // Other parts of the same numbered section that matched: grouped under this hit rather than listed again.
        const related = document.createElement('span');
        related.className = 'related';
        related.id = option.id + '-related';
        related.textContent = 'Also in this section: ' + item.related.map(t => t.replace(/`/g, '')).join(' · ');
        related.setAttribute('aria-hidden', 'true');
        option.append(related);
        option.setAttribute('aria-describedby',
          [option.getAttribute('aria-describedby'), related.id].filter(Boolean).join(' '));
      }
      this.options.push(option);
      this.items.push(item);
      return option;
    }

    /** Visible notice (when there is nothing to list) and a polite announcement for screen readers. */
    say(text, visible) {
      this.notice.textContent = visible ? text : '';
      // Cleared first so that the same words (the same count for a new query) are announced again.
      this.live.textContent = '';
      requestAnimationFrame(() => { this.live.textContent = text; });
    }

    // --- keyboard and choosing ----------------------------------------------------------------------------------

    onKeydown(event) {
      const count = this.options.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (!count) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const from = this.active < 0 ? (step > 0 ? -1 : count) : this.active;
        this.setActive((from + step + count) % count);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (event.isComposing) return;
        if (this.input.value.trim() && this.input.value.trim() !== this.query) {
          // Enter before the debounced search ran: search now rather than open a stale hit.
          clearTimeout(this.timer);
          this.search(this.input.value.trim(), 0);
          return;
        }
        if (count) this.activate(this.active < 0 ? 0 : this.active, { newTab: event.ctrlKey || event.metaKey });
      }
    }

    setActive(index, { scroll = true } = {}) {
      if (this.active >= 0 && this.options[this.active]) this.options[this.active].setAttribute('aria-selected', 'false');
      this.active = index;
      const option = this.options[index];
      if (!option) {
        this.input.removeAttribute('aria-activedescendant');
        return;
      }
      option.setAttribute('aria-selected', 'true');
      this.input.setAttribute('aria-activedescendant', option.id);
      if (scroll) option.scrollIntoView({ block: 'nearest' });
    }

    activate(index, { newTab = false } = {}) {
      const item = this.items[index];
      if (!item) return;
      if (item.kind === 'recent') {
        this.input.value = item.query;
        this.search(item.query, 0);
        return;
      }
      if (item.kind === 'more') {
        this.search(this.query, this.hits.length);
        return;
      }
      this.remember(this.query);
      if (newTab) {
        window.open(item.href, '_blank', 'noopener');
        return;
      }
      this.close();
      window.location.assign(item.href);
    }

    // --- recent searches (localStorage, per service) -------------------------------------------------------------

    get recentKey() {
      return 'guide-search:recent:' + this.apiBase;
    }

    loadRecent() {
      try {
        const list = JSON.parse(localStorage.getItem(this.recentKey) || '[]');
        return Array.isArray(list) ? list.filter(q => typeof q === 'string').slice(0, RECENT_MAX) : [];
      } catch {
        return []; // storage blocked (private mode, sandboxed frame) or a value we did not write
      }
    }

    saveRecent(list) {
      try {
        localStorage.setItem(this.recentKey, JSON.stringify(list));
      } catch {
        // Recent searches are a convenience; without storage the widget simply forgets them.
      }
    }

    remember(q) {
      if (!q) return;
      const list = this.loadRecent().filter(x => x.toLowerCase() !== q.toLowerCase());
      this.saveRecent([q, ...list].slice(0, RECENT_MAX));
    }
  }

  /** The focused element, looking inside shadow roots (the host page may itself use web components). */
  function deepActiveElement() {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) element = element.shadowRoot.activeElement;
    return element;
  }

  function ariaShortcut(hotkey) {
    return describe(hotkey).map(name => ({ Ctrl: 'Control', '⌘': 'Meta', '⌥': 'Alt' }[name] || name)).join('+');
  }

  customElements.define('guide-search', GuideSearchElement);
})();
