// Newsline timelines page: plain JS, no build step. Reads the read-only JSON API of the same origin
// (see /openapi.yaml). Every text from the API is set with textContent, never parsed as HTML.
"use strict";

(function () {
  const POLL_MS = 3000;          // live updates: the open timeline's header is polled, new entries merged in
  const SEARCH_DELAY_MS = 200;   // search as you type, after a short pause
  const PAGE = 20;

  const $ = (id) => document.getElementById(id);
  const search = $("search"), kind = $("kind"), results = $("results"), moreTopics = $("more-topics");
  const resultsView = $("results-view"), timelineView = $("timeline-view");
  const title = $("timeline-title"), meta = $("timeline-meta"), live = $("live"), list = $("entries"), older = $("older");
  const status = $("status");

  document.documentElement.dataset.loadedAt = String(Date.now()); // lets a test see that the page never reloaded

  const KINDS = { PERSON: "person", ORGANIZATION: "organisation", PLACE: "place", SUBJECT: "subject", STORY: "story" };
  const DATE_NOTES = { FILE_MODIFIED: "no date in the text: the file's date", INGESTED: "no date in the text: when it was received" };
  const dateFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

  let searchTimer = null, searchAbort = null, topicsCursor = null;
  let current = null; // { topicId, cursor, updatedAt, total, ids: Set }
  let pollTimer = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value; else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function say(text, isError) {
    status.textContent = text || "";
    status.classList.toggle("error", !!isError);
  }

  async function api(path, signal) {
    const response = await fetch(path, { headers: { Accept: "application/json" }, signal });
    const body = await response.json().catch(() => ({}));
    if (response.status === 503) {
      const wait = Number(response.headers.get("Retry-After") || 2);
      const error = new Error(body.error || "busy"); error.retryAfter = wait; throw error;
    }
    if (!response.ok) { const error = new Error(body.error || ("HTTP " + response.status)); error.status = response.status; throw error; }
    return body;
  }

  function withRetry(action) {
    return action().catch((error) => {
      if (error.name === "AbortError") return;
      if (error.retryAfter) {
        say("The timelines are being rebalanced; trying again in " + error.retryAfter + " s…");
        setTimeout(() => withRetry(action), error.retryAfter * 1000);
      } else {
        say(error.message, true);
      }
    });
  }

  // ---- search ---------------------------------------------------------------------------------------------
  function topicsQuery(cursor) {
    const params = new URLSearchParams({ limit: "10" });
    if (search.value.trim()) params.set("q", search.value.trim());
    if (kind.value) params.set("kind", kind.value);
    if (cursor) params.set("cursor", cursor);
    return "/api/topics?" + params;
  }

  function runSearch(append) {
    if (searchAbort) searchAbort.abort();
    searchAbort = new AbortController();
    const signal = searchAbort.signal;
    return withRetry(async () => {
      const page = await api(topicsQuery(append ? topicsCursor : null), signal);
      if (!append) results.replaceChildren();
      for (const topic of page.topics) results.append(topicItem(topic));
      topicsCursor = page.nextCursor;
      moreTopics.hidden = !topicsCursor;
      const shown = results.children.length;
      say(shown === 0 ? "No topic matches." : shown + (topicsCursor ? "+" : "") + " topic" + (shown === 1 ? "" : "s"));
    });
  }

  function topicItem(topic) {
    const count = topic.totalEntries + " article" + (topic.totalEntries === 1 ? "" : "s");
    const link = el("a", { href: "#/topic/" + encodeURIComponent(topic.topicId) },
      el("span", {}, el("span", { class: "label", text: topic.label }), el("span", { class: "kind", text: KINDS[topic.kind] || topic.kind })),
      el("span", { class: "count", text: count }));
    return el("li", {}, link);
  }

  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => { if (location.hash.startsWith("#/topic/")) location.hash = "#/"; else runSearch(false); }, SEARCH_DELAY_MS);
  });
  kind.addEventListener("change", () => { if (location.hash.startsWith("#/topic/")) location.hash = "#/"; else runSearch(false); });
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const first = results.querySelector("a");
    if (first && !resultsView.hidden) first.click(); else runSearch(false);
  });
  moreTopics.addEventListener("click", () => runSearch(true));

  // ---- timeline -------------------------------------------------------------------------------------------
  function entryItem(entry) {
    const published = new Date(entry.publishedAt);
    const when = el("p", { class: "when" }, el("time", { datetime: entry.publishedAt, text: dateFormat.format(published) }));
    if (DATE_NOTES[entry.dateSource]) when.append(el("span", { class: "date-note", text: "(" + DATE_NOTES[entry.dateSource] + ")" }));
    const source = /^https?:\/\//i.test(entry.source)
      ? el("a", { href: entry.source, rel: "noopener noreferrer", text: hostOf(entry.source) })
      : document.createTextNode(fileOf(entry.source));
    const item = el("li", { class: "entry", "data-article-id": entry.articleId, "data-published-at": entry.publishedAt },
      when,
      el("h3", { text: entry.title }),
      entry.byline ? el("p", { class: "byline", text: "By " + entry.byline }) : null,
      el("p", { class: "summary", text: entry.summary }),
      el("p", { class: "source" }, document.createTextNode("Source: "), source));
    if (entry.alsoReportedBy && entry.alsoReportedBy.length) {
      const also = el("ul", { class: "also" });
      for (const other of entry.alsoReportedBy) also.append(el("li", { text: fileOf(other) }));
      item.append(el("details", { class: "also-reported" },
        el("summary", { text: "Also reported by " + entry.alsoReportedBy.length + " source" + (entry.alsoReportedBy.length === 1 ? "" : "s") }), also));
    }
    const more = el("details", { class: "article-more" }, el("summary", { text: "Other topics of this article" }));
    more.addEventListener("toggle", () => { if (more.open && !more.dataset.loaded) loadArticle(entry.articleId, more); }, { once: false });
    item.append(more);
    return item;
  }

  function hostOf(uri) { try { return new URL(uri).host; } catch (e) { return uri; } }
  function fileOf(uri) { const at = uri.lastIndexOf("/"); return decodeURIComponent(at >= 0 ? uri.slice(at + 1) : uri); }

  async function loadArticle(articleId, details) {
    details.dataset.loaded = "1";
    const box = el("p", { text: "Loading…" });
    details.append(box);
    try {
      const article = await api("/api/articles/" + encodeURIComponent(articleId));
      const topics = el("ul", { class: "topics" });
      for (const topic of article.topics || []) {
        if (current && topic.topicId === current.topicId) continue;
        topics.append(el("li", {}, el("a", { href: "#/topic/" + encodeURIComponent(topic.topicId), text: topic.label })));
      }
      box.replaceWith(topics.children.length ? topics : el("p", { text: "No other topics." }));
    } catch (error) {
      delete details.dataset.loaded;
      box.textContent = "Could not load the article: " + error.message;
    }
  }

  function showMeta(topic) {
    const parts = [KINDS[topic.kind] || topic.kind, topic.totalEntries + " article" + (topic.totalEntries === 1 ? "" : "s")];
    if (topic.firstPublishedAt && topic.lastPublishedAt) {
      parts.push(dateFormat.format(new Date(topic.firstPublishedAt)) + " – " + dateFormat.format(new Date(topic.lastPublishedAt)));
    }
    meta.textContent = parts.join(" · ");
    document.title = topic.label + " · Newsline timelines";
  }

  function insertSorted(entry, markNew) {
    if (current.ids.has(entry.articleId)) {
      const old = list.querySelector('[data-article-id="' + CSS.escape(entry.articleId) + '"]');
      if (old) old.replaceWith(entryItem(entry));
      return false;
    }
    current.ids.add(entry.articleId);
    const item = entryItem(entry);
    if (markNew) item.classList.add("new");
    const later = Array.from(list.children).find((li) => li.dataset.publishedAt < entry.publishedAt);
    list.insertBefore(item, later || null);
    return true;
  }

  function openTopic(topicId) {
    // A search still pending from the last keystrokes must not take the reader back from the topic just opened.
    clearTimeout(searchTimer);
    stopPolling();
    resultsView.hidden = true; timelineView.hidden = false;
    list.replaceChildren(); title.textContent = ""; meta.textContent = ""; live.textContent = ""; older.hidden = true;
    current = { topicId, cursor: null, updatedAt: null, total: null, ids: new Set() };
    const opened = current;
    say("Loading…");
    return withRetry(async () => {
      const topic = await api("/api/topics/" + encodeURIComponent(topicId) + "?entries=" + PAGE);
      if (current !== opened) return;
      title.textContent = topic.label;
      showMeta(topic);
      for (const entry of topic.entries) insertSorted(entry, false);
      current.cursor = topic.nextCursor; current.updatedAt = topic.updatedAt; current.total = topic.totalEntries;
      older.hidden = !current.cursor;
      say("");
      title.focus();
      startPolling();
    }).catch(() => {});
  }

  older.addEventListener("click", () => withRetry(async () => {
    const opened = current;
    const page = await api("/api/topics/" + encodeURIComponent(opened.topicId) + "/entries?limit=" + PAGE + "&cursor=" + encodeURIComponent(opened.cursor));
    if (current !== opened) return;
    const firstNew = page.entries.length ? page.entries[0].articleId : null;
    for (const entry of page.entries) insertSorted(entry, false);
    opened.cursor = page.nextCursor;
    older.hidden = !opened.cursor;
    if (firstNew) {
      const item = list.querySelector('[data-article-id="' + CSS.escape(firstNew) + '"] h3');
      if (item) { item.tabIndex = -1; item.focus(); }
    }
  }));

  function startPolling() { pollTimer = setTimeout(poll, POLL_MS); }
  function stopPolling() { clearTimeout(pollTimer); pollTimer = null; }

  async function poll() {
    const opened = current;
    if (!opened) return;
    try {
      const topic = await api("/api/topics/" + encodeURIComponent(opened.topicId) + "?entries=" + PAGE);
      if (current !== opened) return;
      if (topic.updatedAt !== opened.updatedAt || topic.totalEntries !== opened.total) {
        let added = 0;
        for (const entry of topic.entries) if (insertSorted(entry, true)) added++;
        opened.updatedAt = topic.updatedAt; opened.total = topic.totalEntries;
        showMeta(topic);
        if (added) live.textContent = added + " new article" + (added === 1 ? "" : "s") + " just arrived.";
      }
    } catch (error) {
      // A missed poll is retried at the next one; a timeline that disappeared says so.
      if (error.status === 404 && current === opened) live.textContent = "This timeline is now empty.";
    }
    if (current === opened) startPolling();
  }

  // ---- routing --------------------------------------------------------------------------------------------
  function route() {
    const match = location.hash.match(/^#\/topic\/(.+)$/);
    if (match) {
      openTopic(decodeURIComponent(match[1]));
    } else {
      stopPolling(); current = null;
      timelineView.hidden = true; resultsView.hidden = false;
      document.title = "Newsline timelines";
      runSearch(false);
    }
  }
  window.addEventListener("hashchange", route);
  route();
})();
