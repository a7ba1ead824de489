// The search page's queries sent to a read-only OpenSearch endpoint (search.opensearch-public):
// the query search.js parsed, translated clause by clause as QueryDsl translates it. Only the
// page of a site that names an endpoint loads this script (before js/search.js, which calls
// daybookOpenSearch.run with the functions of its own that the translation shares).
(function () {
  'use strict';
  var api;

  function dsl(meta, q) {
    var st = { highlight: new Set(), dropped: [] };
    var root = osPart(meta, q, true, st);
    if (root === null) {
      throw api.fail(st.dropped.length === 1 ? 'NOTHING_ONE' : 'NOTHING_MANY', 0, [st.dropped]);
    }
    var matching = root.kind === 'S' ? root.q : root.kind === 'F' ? osBool([], [root.q], [])
      : osAllBut(root.q);
    return { query: osBool([matching], [{ term: { kind: 'commit' } }], []), highlight: st.highlight };
  }
  function osPart(meta, q, positive, st) {
    if (q.k === 'text') return osText(meta, q, positive, st);
    if (q.k === 'filter') return { q: osFilter(q), kind: 'F' };
    if (q.k === 'not') {
      var inner = osPart(meta, q.q, !positive, st);
      return inner === null ? null : { q: osScoring(inner), kind: 'X' };
    }
    var parts = q.items.map(function (i) { return osPart(meta, i, positive, st); })
      .filter(function (p) { return p !== null; });
    if (parts.length === 0) return null;
    if (q.k === 'or') {
      return { q: osShould(parts.map(function (p) {
        return p.kind === 'S' ? p.q : { constant_score: { filter: osScoring(p), boost: 0 } };
      })), kind: 'S' };
    }
    if (parts.length === 1) return parts[0];
    function of(kind) { return parts.filter(function (p) { return p.kind === kind; }).map(function (p) { return p.q; }); }
    var must = of('S'), filter = of('F');
    if (must.length === 0 && filter.length === 0) filter.push({ match_all: {} });
    return { q: osBool(must, filter, of('X')), kind: must.length ? 'S' : 'F' };
  }
  function osText(meta, q, positive, st) {
    var ts = api.analyze(q.text, true);
    if (ts.length === 0) { st.dropped.push('"' + q.text + '"'); return null; }
    if (positive) {
      ts.concat(api.partsReading(q.text, q.word, ts)).forEach(function (t) { st.highlight.add(t.term); });
    }
    var should = [
      { match_phrase: { title: { query: q.text, boost: meta.titleBoost } } },
      { match_phrase: { body: { query: q.text, boost: meta.bodyBoost } } }];
    api.extras(meta, q.text, q.word).forEach(function (e) {
      should.push({ constant_score: { filter: osFilter(e.f), boost: e.score } });
    });
    return { q: osShould(should), kind: 'S' };
  }
  function osFilter(f) {
    var t = {};
    if (f.field === 'date' && f.value !== f.to) {
      return { range: { date: { gte: f.value, lte: f.to } } };
    }
    t[f.field] = f.value;
    return f.field === 'sha' ? { prefix: t } : { term: t };
  }
  function osScoring(p) { return p.kind === 'X' ? osAllBut(p.q) : p.q; }
  function osAllBut(q) { return osBool([], [{ match_all: {} }], [q]); }
  function osShould(clauses) { return { bool: { should: clauses, minimum_should_match: 1 } }; }
  function osBool(must, filter, mustNot) {
    var b = {};
    if (must.length) b.must = must;
    if (filter.length) b.filter = filter;
    if (mustNot.length) b.must_not = mustNot;
    return { bool: b };
  }
  // Asks OpenSearch; the hits become the rows rowsOf gives, in IndexSearch's order.
  async function osRun(meta, q, count) {
    var built = dsl(meta, q);
    var sort = (api.byDate ? [] : [{ _score: 'desc' }]).concat([{ time: 'desc' }, { id: 'asc' }]);
    var request = { query: built.query, size: count, track_total_hits: true, track_scores: true,
      sort: sort, _source: ['shown'] };
    var answer = await fetch(api.url, { method: 'POST', mode: 'cors', credentials: 'omit',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) });
    if (!answer.ok) throw new Error('OpenSearch: HTTP ' + answer.status);
    var json = await answer.json();
    var rows = json.hits.hits.map(function (h) {
      var s = h._source.shown;
      // A link leads into this site only, whatever the cluster answers.
      var url = new URL(String(s.url), api.siteRoot).origin === api.siteRoot.origin ? String(s.url) : '#';
      return [String(s.title), String(s.body), url, String(s.author), String(s.sha),
        String(s.date), String(s.repo), String(s.severity), (s.types || []).map(String)];
    });
    return { total: json.hits.total.value, rows: rows, highlight: built.highlight };
  }

  // Asks OpenSearch for the first count hits of a parsed query: { total, rows, highlight }.
  window.daybookOpenSearch = {
    run: function (meta, q, count, functions) {
      api = functions;
      return osRun(meta, q, count);
    }
  };
}());
