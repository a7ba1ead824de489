// Daybook's search in the browser: the same analysis (TextAnalysis, Porter), query language
// (QueryParser, QueryBuilder), ranking (Ranking: Lucene's BM25 in single precision) and snippets
// (Snippet) as daybook search, over the static files StaticExport writes to search/.
// No framework, no network beyond this site's own files, unless the site names a read-only
// OpenSearch endpoint (search.opensearch-public): then the parsed query goes there, translated as
// QueryDsl translates it by js/search-opensearch.js, which only such a site's page loads. Data
// reaches the page only through textContent, never as HTML.
(function () {
  'use strict';

  // ---- analysis (TextAnalysis) ------------------------------------------------------------
  var MAX_WORD = 64;
  var STOP = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in',
    'into', 'is', 'it', 'no', 'not', 'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then',
    'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with']);
  var WORD = /^[\p{L}\p{M}\p{Nd}_]$/u;
  var CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
  var UPPER = /^\p{Lu}$/u;
  var DIGIT = /^\p{Nd}$/u;

  function fold(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      out += c >= 0xFF01 && c <= 0xFF5E ? String.fromCharCode(c - 0xFEE0) : text[i];
    }
    return out;
  }

  function cpAt(s, i) { return String.fromCodePoint(s.codePointAt(i)); }

  function lower(s) {
    var out = '';
    for (var ch of s) {
      var low = ch.toLowerCase();
      out += Array.from(low).length === 1 ? low : ch;
    }
    return out;
  }

  // TextAnalysis: index mode, or a query (query), with the parts of split words instead of the
  // words (parts: Mode.QUERY_PARTS).
  function analyze(text, query, parts) {
    var s = fold(text);
    var out = [];
    var pos = { p: -1 };
    var i = 0;
    while (i < s.length) {
      var ch = cpAt(s, i);
      if (!WORD.test(ch)) { i += ch.length; continue; }
      var segStart = i;
      var cjk = CJK.test(ch);
      while (i < s.length) {
        var c = cpAt(s, i);
        if (!WORD.test(c) || CJK.test(c) !== cjk) break;
        i += c.length;
      }
      if (cjk) cjkSegment(s, segStart, i, query, pos, out);
      else otherSegment(s, segStart, i, query, parts, pos, out);
    }
    return out;
  }

  function tok(term, position, start, end) {
    return { term: term, position: position, start: start, end: end };
  }

  function cjkSegment(s, from, to, query, pos, out) {
    var chars = [];
    for (var i = from; i < to;) {
      var n = cpAt(s, i).length;
      chars.push([i, i + n]);
      i += n;
    }
    var n2 = chars.length;
    if (query && n2 > 1) {
      for (var c = 0; c + 1 < n2; c++) {
        pos.p++;
        out.push(tok(s.substring(chars[c][0], chars[c + 1][1]), pos.p, chars[c][0], chars[c + 1][1]));
      }
      // The last character's, as in the index.
      pos.p++;
      return;
    }
    for (var k = 0; k < n2; k++) {
      pos.p++;
      var ch = chars[k];
      out.push(tok(s.substring(ch[0], ch[1]), pos.p, ch[0], ch[1]));
      if (k + 1 < n2) {
        var end = chars[k + 1][1];
        out.push(tok(s.substring(ch[0], end), pos.p, ch[0], end));
      }
    }
  }

  // A word of n parts takes n positions, its whole word at the first.
  function otherSegment(s, from, to, query, partsOnly, pos, out) {
    while (from < to && s[from] === '_') from++;
    while (to > from && s[to - 1] === '_') to--;
    if (from === to || Array.from(s.substring(from, to)).length > MAX_WORD) return;
    var base = ++pos.p;
    var ps = parts(s, from, to);
    var seen = new Set();
    if (!(partsOnly && ps.length > 1)) emit(s, from, to, base, seen, out);
    if (ps.length > 1 && (!query || partsOnly)) {
      ps.forEach(function (p, k) {
        if (k > 0 || partsOnly) seen = new Set();
        emit(s, p[0], p[1], base + k, seen, out);
      });
    }
    pos.p = base + ps.length - 1;
  }

  function emit(s, from, to, position, seen, out) {
    var low = lower(s.substring(from, to));
    if (STOP.has(low)) return;
    var term = /^[a-z]+$/.test(low) ? stem(low) : low;
    if (!seen.has(term)) {
      seen.add(term);
      out.push(tok(term, position, from, to));
    }
  }

  function kind(ch) {
    if (ch === '_') return 'U';
    if (DIGIT.test(ch)) return 'D';
    return UPPER.test(ch) ? 'A' : 'L';
  }

  function parts(s, from, to) {
    var out = [];
    var partStart = -1;
    var prev = null;
    for (var i = from; i < to;) {
      var ch = cpAt(s, i);
      var n = ch.length;
      var k = kind(ch);
      if (k === 'U') {
        if (partStart >= 0) out.push([partStart, i]);
        partStart = -1; prev = null; i += n;
        continue;
      }
      var split = false;
      if (partStart >= 0 && prev !== null) {
        if (prev === 'L' && k === 'A') split = true;
        else if ((prev === 'D') !== (k === 'D')) split = true;
        else if (prev === 'A' && k === 'L') {
          var last = i - 1;
          if (last > 0 && s.charCodeAt(last) >= 0xDC00 && s.charCodeAt(last) <= 0xDFFF) last--;
          if (last > partStart) { out.push([partStart, last]); partStart = last; }
        }
      }
      if (split) { out.push([partStart, i]); partStart = i; }
      if (partStart < 0) partStart = i;
      prev = k;
      i += n;
    }
    if (partStart >= 0) out.push([partStart, to]);
    return out;
  }

  // ---- Porter (Lucene's) --------------------------------------------------------------------
  var STEP3 = [['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'],
    ['izer', 'ize'], ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'],
    ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'],
    ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
    ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log']];
  var STEP4 = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'],
    ['ful', ''], ['ness', '']];
  var STEP5 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent',
    'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];

  function stem(word) {
    if (word.length <= 2) return word;
    var b = word.split('');
    var k = b.length - 1;
    var j = 0;
    function cons(i) {
      switch (b[i]) {
        case 'a': case 'e': case 'i': case 'o': case 'u': return false;
        case 'y': return i === 0 || !cons(i - 1);
        default: return true;
      }
    }
    function m() {
      var n = 0, i = 0;
      while (true) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
      while (true) {
        while (true) { if (i > j) return n; if (cons(i)) break; i++; }
        i++; n++;
        while (true) { if (i > j) return n; if (!cons(i)) break; i++; }
        i++;
      }
    }
    function vowelInStem() { for (var i = 0; i <= j; i++) if (!cons(i)) return true; return false; }
    function doubleC(i) { return i >= 1 && b[i] === b[i - 1] && cons(i); }
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      return b[i] !== 'w' && b[i] !== 'x' && b[i] !== 'y';
    }
    function ends(s) {
      var len = s.length, o = k - len + 1;
      if (o < 0) return false;
      for (var i = 0; i < len; i++) if (b[o + i] !== s[i]) return false;
      j = k - len;
      return true;
    }
    function setTo(s) {
      for (var i = 0; i < s.length; i++) b[j + 1 + i] = s[i];
      k = j + s.length;
    }
    function applyFirst(rules, key, second) {
      for (var r = 0; r < rules.length; r++) {
        var suf = rules[r][0];
        if (suf[suf.length - (second ? 2 : 1)] === key && ends(suf)) {
          if (m() > 0) setTo(rules[r][1]);
          return;
        }
      }
    }
    // step 1
    if (b[k] === 's') {
      if (ends('sses')) k -= 2;
      else if (ends('ies')) setTo('i');
      else if (b[k - 1] !== 's') k--;
    }
    if (ends('eed')) {
      if (m() > 0) k--;
    } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
      k = j;
      if (ends('at')) setTo('ate');
      else if (ends('bl')) setTo('ble');
      else if (ends('iz')) setTo('ize');
      else if (doubleC(k)) { var ch = b[k]; if (ch !== 'l' && ch !== 's' && ch !== 'z') k--; }
      else if (m() === 1 && cvc(k)) setTo('e');
    }
    // step 2
    if (ends('y') && vowelInStem()) b[k] = 'i';
    // step 3, 4
    if (k !== 0) applyFirst(STEP3, b[k - 1], true);
    applyFirst(STEP4, b[k], false);
    // step 5
    if (k !== 0) {
      var key = b[k - 1];
      for (var s5 = 0; s5 < STEP5.length; s5++) {
        var suf = STEP5[s5];
        if (suf[suf.length - 2] !== key || !ends(suf)) continue;
        if (suf === 'ion' && !(j >= 0 && (b[j] === 's' || b[j] === 't'))) continue;
        if (m() > 1) k = j;
        break;
      }
    }
    // step 6
    j = k;
    if (b[k] === 'e') { var a = m(); if (a > 1 || a === 1 && !cvc(k - 1)) k--; }
    if (b[k] === 'l' && doubleC(k) && m() > 1) k--;
    return b.slice(0, k + 1).join('');
  }

  // ---- query language (QueryParser, QueryMessage, ArchiveWords, Closest) ---------------------
  var MAX_LENGTH = 1000, MAX_DEPTH = 16;
  var FIELDS = ['repo', 'severity', 'type', 'author', 'path', 'date', 'sha'];
  var SPACE = /^[\p{Zs}\p{Zl}\p{Zp}\t\n\v\f\r\x1c-\x1f]$/u;
  var JSTRIP = /^[\t\n\v\f\r\x1c-\x1f \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+|[\t\n\v\f\r\x1c-\x1f \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+$/g;

  // What can be wrong with a query, as QueryMessage says it, in the page's language.
  // Each language's words (the site publishes only its own: Scripts drops the lines from a
  // "// language X" line to the next "// language end" for every other language).
  var MESSAGES = {
    // language en
    en: { TOO_LONG: 'the query is {0} characters long; at most {1} are allowed',
      EMPTY: 'the query is empty',
      OR_ALONE: 'OR at column {0} needs something to search for on both sides',
      EMPTY_BRACKETS: 'empty brackets at column {0}',
      UNOPENED: "')' at column {0} closes no '('",
      TOO_DEEP: 'brackets nested more than {0} deep at column {1}',
      UNCLOSED: "'(' at column {0} is never closed",
      UNCLOSED_QUOTE: 'the quote at column {0} is never closed',
      NEEDS_VALUE: '{0} at column {1} needs a value, e.g. {2}',
      UNKNOWN_FILTER: '{0} at column {1}: {2} is not a filter (the filters are {3})',
      BAD_REPO: '{0} at column {1}: the archive holds no repository {2}; it holds {3}',
      BAD_SEVERITY: '{0} at column {1}: the severity is one of {2}',
      BAD_TYPE: '{0} at column {1}: the type is one of {2}',
      BAD_SHA: '{0} at column {1}: a SHA is 4 to 40 hex digits',
      NOT_A_DATE: "{0} at column {1}: '{2}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY, or a range FROM..TO",
      NO_MONTH: '{0} at column {1}: there is no month {2} (months are 01 to 12)',
      NO_DAY: "{0} at column {1}: '{2}' is not a day of the calendar",
      RANGE_FORM: '{0} at column {1}: a date range is FROM..TO, e.g. date:2026-02..2026-03',
      RANGE_BACKWARDS: '{0} at column {1}: the range ends before it starts',
      NOTHING_ONE: 'nothing to search for: {0} is too common to be indexed (stop words) or not words at all',
      NOTHING_MANY: 'nothing to search for: {0} are too common to be indexed (stop words) or not words at all',
      DID_YOU_MEAN: '; did you mean {0}?', LIST: ', ', CORRECTED: 'Showing results for {0}' },
    // language end
    // language zh
    zh: { TOO_LONG: '查询有 {0} 个字符，最多只能有 {1} 个',
      EMPTY: '查询是空的',
      OR_ALONE: '第 {0} 列的 OR 两边都要有要搜索的内容',
      EMPTY_BRACKETS: '第 {0} 列的括号里是空的',
      UNOPENED: "第 {0} 列的 ')' 没有对应的 '('",
      TOO_DEEP: '第 {1} 列的括号嵌套超过了 {0} 层',
      UNCLOSED: "第 {0} 列的 '(' 没有闭合",
      UNCLOSED_QUOTE: '第 {0} 列的引号没有闭合',
      NEEDS_VALUE: '第 {1} 列的 {0} 缺少值，例如 {2}',
      UNKNOWN_FILTER: '第 {1} 列的 {0}：{2} 不是筛选条件（可用的有 {3}）',
      BAD_REPO: '第 {1} 列的 {0}：归档里没有仓库 {2}；现有的仓库是 {3}',
      BAD_SEVERITY: '第 {1} 列的 {0}：重要程度只有 {2}',
      BAD_TYPE: '第 {1} 列的 {0}：变更类型只有 {2}',
      BAD_SHA: '第 {1} 列的 {0}：SHA 是 4 到 40 位十六进制数字',
      NOT_A_DATE: "第 {1} 列的 {0}：'{2}' 不是日期；请写 YYYY-MM-DD、YYYY-MM 或 YYYY，或者范围 FROM..TO",
      NO_MONTH: '第 {1} 列的 {0}：没有 {2} 月（月份是 01 到 12）',
      NO_DAY: "第 {1} 列的 {0}：日历上没有 '{2}' 这一天",
      RANGE_FORM: '第 {1} 列的 {0}：日期范围写作 FROM..TO，例如 date:2026-02..2026-03',
      RANGE_BACKWARDS: '第 {1} 列的 {0}：范围的结束早于开始',
      NOTHING_ONE: '没有可搜索的内容：{0} 太常见而不入索引（停用词），或者根本不是词语',
      NOTHING_MANY: '没有可搜索的内容：{0} 太常见而不入索引（停用词），或者根本不是词语',
      DID_YOU_MEAN: '；是不是想写 {0}？', LIST: '、', CORRECTED: '显示 {0} 的结果' }
    // language end
  };

  function SyntaxErr(message, column) { this.message = message; this.column = column; }
  // The message kind with {i} replaced by args[i] (a list joined as the language joins one),
  // then the suggestion if there is one.
  function fail(kind, column, args, suggestion) {
    var m = MESSAGES[lang];
    var text = m[kind].replace(/\{(\d)\}/g, function (all, i) {
      var a = args[+i];
      return Array.isArray(a) ? a.join(m.LIST) : String(a);
    });
    if (suggestion) text += m.DID_YOU_MEAN.replace('{0}', function () { return suggestion; });
    return new SyntaxErr(text, column);
  }
  function isSpace(c) { return SPACE.test(c); }
  function isWordC(c) { return !isSpace(c) && c !== '(' && c !== ')' && c !== '"'; }
  function strip(s) { return s.replace(JSTRIP, ''); }
  function keyword(v) { return strip(v).toLowerCase().split(/[ \t\n\x0B\f\r]+/).join(' '); }
  function normalizePath(path) {
    var p = strip(path).toLowerCase().replace(/\\/g, '/');
    while (p.startsWith('./')) p = p.substring(2);
    while (p.startsWith('/')) p = p.substring(1);
    while (p.endsWith('/')) p = p.substring(0, p.length - 1);
    return p;
  }

  // The archive's words for types and severities (ArchiveWords), from meta.json's words:
  // field -> key -> [zh, en, aliases...]. A value's spellings: key, aliases, zh, en.
  function spellings(words, field) {
    return Object.keys(words[field]).map(function (key) {
      var w = words[field][key];
      return { key: key, zh: w[0], all: [key].concat(w.slice(2), [w[0], w[1]]) };
    });
  }
  // The keys a text names: its query terms occur in a spelling's index terms at their distances.
  function named(words, field, text) {
    var q = analyze(text, true);
    if (q.length === 0) return [];
    return spellings(words, field).filter(function (v) {
      return v.all.some(function (s) {
        var sp = analyze(s, false);
        return sp.some(function (start) {
          return start.term === q[0].term && q.every(function (t) {
            var at = start.position + t.position - q[0].position;
            return sp.some(function (x) { return x.position === at && x.term === t.term; });
          });
        });
      });
    }).map(function (v) { return v.key; });
  }
  function known(words, field) {
    return spellings(words, field).map(function (v) {
      return lang === 'en' ? v.key : v.zh + '（' + v.key + '）';
    }).join(MESSAGES[lang].LIST);
  }
  function candidates(words, field) {
    var vs = spellings(words, field), out = new Set();
    vs.forEach(function (v) { v.all.forEach(function (s) { out.add(s); }); });
    vs.forEach(function (v) { v.all.forEach(function (s) { s.split(' ').forEach(function (w) { out.add(w); }); }); });
    return Array.from(out);
  }
  // The known name a bad one was probably meant to be (Closest), or null.
  function closest(written, known) {
    var w = written.toLowerCase(), i;
    if (w === '') return null;
    for (i = 0; i < known.length; i++) if (known[i].toLowerCase().startsWith(w)) return known[i];
    var best = null, bestEdits = Math.max(1, Math.floor(w.length / 3)) + 1;
    for (i = 0; i < known.length; i++) {
      var e = edits(w, known[i].toLowerCase());
      if (e < bestEdits) { best = known[i]; bestEdits = e; }
    }
    return best;
  }
  function edits(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d.push([i]); }
    for (j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  }

  function parse(text, words) {
    if (text.length > MAX_LENGTH) throw fail('TOO_LONG', 0, [text.length, MAX_LENGTH]);
    if (/^[\t\n\v\f\r\x1c-\x1f \u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]*$/.test(text)) throw fail('EMPTY', 0, []);
    var pos = 0, depth = 0;
    function skip() { while (pos < text.length && isSpace(text[pos])) pos++; }
    function atOr() {
      return text.startsWith('OR', pos) && (pos + 2 === text.length || isSpace(text[pos + 2])
        || text[pos + 2] === '(' || text[pos + 2] === '"') && (pos === 0 || !isWordC(text[pos - 1]));
    }
    function or() {
      skip();
      var alts = [and()];
      while (atOr()) {
        var col = pos + 1;
        pos += 2;
        skip();
        if (pos === text.length || text[pos] === ')' || atOr()) throw fail('OR_ALONE', col, [col]);
        alts.push(and());
      }
      return alts.length === 1 ? alts[0] : { k: 'or', items: alts };
    }
    function and() {
      skip();
      var start = pos + 1;
      if (atOr()) throw fail('OR_ALONE', start, [start]);
      var items = [];
      while (true) {
        skip();
        if (pos === text.length || text[pos] === ')' || atOr()) break;
        items.push(unary());
      }
      if (items.length === 0) {
        if (pos < text.length && text[pos] === ')' && depth > 0) throw fail('EMPTY_BRACKETS', pos, [pos]);
        throw fail('UNOPENED', start, [start]);
      }
      return items.length === 1 ? items[0] : { k: 'and', items: items };
    }
    function unary() {
      if (text[pos] === '-' && pos + 1 < text.length && !isSpace(text[pos + 1]) && text[pos + 1] !== ')') {
        pos++;
        return { k: 'not', q: primary() };
      }
      return primary();
    }
    function quoted() {
      var col = pos + 1;
      var close = text.indexOf('"', pos + 1);
      if (close < 0) throw fail('UNCLOSED_QUOTE', col, [col]);
      var inside = text.substring(pos + 1, close);
      pos = close + 1;
      return inside;
    }
    function primary() {
      var col = pos + 1;
      var c = text[pos];
      if (c === '(') {
        if (++depth > MAX_DEPTH) throw fail('TOO_DEEP', col, [MAX_DEPTH, col]);
        pos++;
        skip();
        if (pos < text.length && text[pos] === ')') throw fail('EMPTY_BRACKETS', col, [col]);
        if (pos === text.length) throw fail('UNCLOSED', col, [col]);
        var inner = or();
        skip();
        if (pos === text.length) throw fail('UNCLOSED', col, [col]);
        pos++;
        depth--;
        return inner;
      }
      if (c === '"') return { k: 'text', text: quoted(), word: false, col: col };
      var start = pos;
      while (pos < text.length && isWordC(text[pos])) pos++;
      var word = text.substring(start, pos);
      var colon = word.indexOf(':');
      if (colon > 0) {
        var name = word.substring(0, colon), value = word.substring(colon + 1);
        var quotedValue = value === '' && pos < text.length && text[pos] === '"';
        if (FIELDS.indexOf(name.toLowerCase()) >= 0) {
          return filter(name.toLowerCase(), quotedValue ? quoted() : value, col, name + ':', words);
        }
        if (/^[A-Za-z]+$/.test(name) && (quotedValue || value !== '' && value[0] !== ':' && value[0] !== '/')) {
          var near = closest(name, FIELDS);
          throw fail('UNKNOWN_FILTER', col, [word, col, name + ':', FIELDS.map(function (f) { return f + ':'; })],
            near === null ? null : near + ':' + value);
        }
      }
      return { k: 'text', text: word, word: true, col: col };
    }
    var q = or();
    skip();
    if (pos < text.length) throw fail('UNOPENED', pos + 1, [pos + 1]);
    return q;
  }

  var EXAMPLES = { repo: 'repo:sgl-project/sglang', severity: 'severity:high', type: 'type:bugfix',
    author: 'author:"Alison Shao"', path: 'path:python/sglang/jit_kernel', date: 'date:2026-02-06',
    sha: 'sha:3d68bd9' };

  function filter(field, raw, col, written, words) {
    var value = strip(raw);
    if (value === '') throw fail('NEEDS_VALUE', col, [written, col, EXAMPLES[field]]);
    var shown = written + raw;
    if (field === 'severity' || field === 'type') {
      var keys = named(words, field, value);
      if (keys.length === 0) {
        var near = closest(value, candidates(words, field));
        throw fail(field === 'type' ? 'BAD_TYPE' : 'BAD_SEVERITY', col, [shown, col, known(words, field)],
          near === null ? null : written + (near.indexOf(' ') >= 0 ? '"' + near + '"' : near));
      }
      var fs = keys.map(function (k) { return { k: 'filter', field: field, value: k }; });
      return fs.length === 1 ? fs[0] : { k: 'or', items: fs };
    }
    if (field === 'path') {
      var p = normalizePath(value);
      if (p === '') throw fail('NEEDS_VALUE', col, [shown, col, EXAMPLES.path]);
      return { k: 'filter', field: field, value: p };
    }
    if (field === 'sha') {
      var sha = value.toLowerCase();
      if (!/^[0-9a-f]{4,40}$/.test(sha)) throw fail('BAD_SHA', col, [shown, col]);
      return { k: 'filter', field: field, value: sha };
    }
    if (field === 'date') return date(value, col, shown);
    return { k: 'filter', field: field, value: keyword(value), col: col };
  }

  function pad(n, w) { var s = String(n); while (s.length < w) s = '0' + s; return s; }
  function iso(y, m, d) { return pad(y, 4) + '-' + pad(m, 2) + '-' + pad(d, 2); }
  function daysIn(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }

  function day(value, col, shown) {
    var m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
    if (!m) throw fail('NOT_A_DATE', col, [shown, col, value]);
    var y = parseInt(m[1], 10);
    if (m[2] === undefined) return [iso(y, 1, 1), iso(y, 12, 31)];
    var mo = parseInt(m[2], 10);
    if (mo < 1 || mo > 12) throw fail('NO_MONTH', col, [shown, col, mo]);
    if (m[3] === undefined) return [iso(y, mo, 1), iso(y, mo, daysIn(y, mo))];
    var d = parseInt(m[3], 10);
    if (d < 1 || d > daysIn(y, mo)) throw fail('NO_DAY', col, [shown, col, value]);
    return [iso(y, mo, d), iso(y, mo, d)];
  }

  function date(value, col, shown) {
    var dots = value.indexOf('..');
    if (dots < 0) { var r = day(value, col, shown); return { k: 'filter', field: 'date', value: r[0], to: r[1] }; }
    var from = value.substring(0, dots), to = value.substring(dots + 2);
    if (from === '' && to === '' || to.indexOf('..') >= 0) throw fail('RANGE_FORM', col, [shown, col]);
    var f = from === '' ? '' : day(from, col, shown)[0];
    var t = to === '' ? '~' : day(to, col, shown)[1];
    if (from !== '' && to !== '' && f > t) throw fail('RANGE_BACKWARDS', col, [shown, col]);
    return { k: 'filter', field: 'date', value: f, to: t };
  }

  // What a word or phrase also matches, with the score each adds (QueryBuilder.extras): its
  // author, the types and severities it names, and a bare SHA prefix.
  function extras(meta, text, word) {
    var out = [{ f: { field: 'author', value: keyword(text) }, score: meta.nameScore }];
    ['type', 'severity'].forEach(function (field) {
      named(meta.words, field, text).forEach(function (k) {
        out.push({ f: { field: field, value: k }, score: meta.labelScore });
      });
    });
    if (word && BARE_SHA.test(text)) {
      out.push({ f: { field: 'sha', value: text.toLowerCase() }, score: meta.shaScore });
    }
    return out;
  }

  // ---- spelling (Spelling) ------------------------------------------------------------------
  var MIN_SPELLED = 3, MAX_SPELLED = 24, LONG_WORD = 8;
  var LETTERS = /^[a-zA-Z]+$/;

  // The query's text with its misspelt words read as the archive's closest, or null. postings:
  // what gather loaded for the query as written.
  async function correct(meta, text, q, postings) {
    var fixes = [];
    var known = function (t) { return postings.has(t); };
    var todo = [];
    (function walk(x) {
      if (x.k === 'text' && x.word) todo.push(x);
      else if (x.k === 'and' || x.k === 'or') x.items.forEach(walk);
    }(q));
    for (var w = 0; w < todo.length; w++) {
      var item = todo[w];
      if (!checked(meta, item.text, postings)) continue;
      var tokens = analyze(item.text, true);
      for (var i = 0; i < tokens.length; i++) {
        var t = tokens[i], typed = item.text.substring(t.start, t.end);
        if (typed.length < MIN_SPELLED || typed.length > MAX_SPELLED || !LETTERS.test(typed)) continue;
        if (known(t.term)) continue;
        var parts = analyze(typed, true, true);
        if (parts.length >= 2 && parts.every(function (p) { return known(p.term); })) continue;
        var best = await closestWord(meta, typed.toLowerCase());
        if (best !== null) fixes.push([item.col - 1 + t.start, item.col - 1 + t.end, best]);
      }
    }
    if (fixes.length === 0) return null;
    fixes.sort(function (a, b) { return a[0] - b[0]; });
    var out = text;
    for (var f = fixes.length - 1; f >= 0; f--) out = out.substring(0, fixes[f][0]) + fixes[f][2] + out.substring(fixes[f][1]);
    return out;
  }
  // Whether Spelling looks at a word: no SHA prefix, no author of the archive, no type or severity.
  function checked(meta, text, postings) {
    return extras(meta, text, true).every(function (e) {
      return e.f.field === 'author' && !postings.has('author:' + e.f.value);
    });
  }
  // The closest word of the vocabulary (FuzzyTermsEnum, prefix 1, transpositions): from the
  // words-Ln.json of its first letter and the lengths within reach.
  // Each part has its own files, which count the commits of the part: they add up.
  async function closestWord(meta, word) {
    var k = word.length >= LONG_WORD ? 2 : 1, letter = word[0];
    var names = [];
    meta.parts.forEach(function (part) {
      var mask = part.spell[letter] || 0;
      for (var n = word.length - k; n <= word.length + k; n++) {
        if (n >= 2 && n <= MAX_SPELLED && Math.floor(mask / Math.pow(2, n)) % 2 === 1) names.push(part.dir + 'words-' + letter + n + '.json');
      }
    });
    var counts = new Map();
    (await Promise.all(names.map(load))).forEach(function (words) {
      Object.keys(words).forEach(function (cand) { counts.set(cand, (counts.get(cand) || 0) + words[cand]); });
    });
    var best = null, bestSim = 0, bestCount = 0;
    counts.forEach(function (count, cand) {
      if (cand === word) return;
      var e = edits(word, cand);
      if (e > k) return;
      var sim = f32(1 - f32(e / Math.min(cand.length, word.length)));
      if (best === null || sim > bestSim || sim === bestSim && (count > bestCount || count === bestCount && cand < best)) {
        best = cand; bestSim = sim; bestCount = count;
      }
    });
    return best;
  }

  // ---- the static index ---------------------------------------------------------------------
  var script = document.currentScript;
  var lang = script.getAttribute('data-lang') === 'zh' ? 'zh' : 'en';
  var indexBase = new URL(script.getAttribute('data-index'), document.baseURI);
  var siteRoot = new URL('..', indexBase.href.endsWith('/') ? indexBase : indexBase + '/');
  // search.opensearch-public: a read-only OpenSearch _search URL that answers instead of the
  // static index (the page still reads meta.json for the words of types and severities).
  var openSearch = script.getAttribute('data-opensearch') || '';
  // Up to how many commits the facets' counts come with every query (search.facets-at-once).
  var facetsAtOnce = Number(script.getAttribute('data-facets-at-once') || 0);
  var files = new Map();
  // The site publishes each file of the index gzip-compressed, as NAME.gz (PublishedFile): the
  // script inflates it, unless the host already did (it sent the file with Content-Encoding).
  // Gzip begins with the byte 0x1f, which JSON never does.
  function load(name) {
    if (!files.has(name)) {
      files.set(name, fetch(new URL(name + '.gz', indexBase)).then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.arrayBuffer();
      }).then(function (bytes) {
        var body = new Blob([bytes]).stream();
        return new Response(new Uint8Array(bytes)[0] === 0x1f
          ? body.pipeThrough(new DecompressionStream('gzip')) : body).json();
      }).catch(function (e) {
        throw new Error(name + '.gz: ' + (e && e.message || e));
      }).catch(function (e) {
        // A later query asks again.
        files.delete(name);
        throw e;
      }));
    }
    return files.get(name);
  }
  // StaticExport.shard: an author: key goes with the first term of the name, which a word of the
  // name loads anyway.
  function fnv(key) {
    if (key.startsWith('author:')) {
      var name = analyze(key.substring(7), true);
      if (name.length) key = name[0].term;
    }
    var h = 0x811c9dc5;
    var bytes = new TextEncoder().encode(key);
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193); }
    return h >>> 0;
  }
  // The export's parts (StaticExport.Part): each has its own files, whose doc ids count from 0
  // where the whole's count from part.from.
  function partOf(meta, doc) {
    for (var p = meta.parts.length - 1; p > 0; p--) if (doc >= meta.parts[p].from) return meta.parts[p];
    return meta.parts[0];
  }
  // The values of some terms, from their shards (kind 'terms' or 'pos'; and big-K.json for a
  // term too long for one): term -> [{ from, dir, v, stats }], in the parts' order. Of the parts
  // within (places in meta.parts; null: every part), and of the others what the query's scores
  // and spelling need: the newest part's text and author terms (it gives a text term's document
  // frequency in the other parts, [dfTitle, dfBody], StaticExport.otherParts, and holds every
  // author of the archive), and the older parts' of a text term the newest lacks. A value of a
  // part outside within has stats: true: its documents count in no result.
  async function lookup(meta, terms, kind, within) {
    var last = meta.parts.length - 1;
    var text = function (t) { return t.indexOf(':') < 0; };
    var reads = function (p, t) {
      return !within || within.has(p) || kind === 'terms' && p === last && (text(t) || t.startsWith('author:'));
    };
    var found = await Promise.all(meta.parts.map(function (part, p) {
      return partValues(meta, part, kind, terms.map(function (t) { return reads(p, t) ? t : null; }));
    }));
    if (kind === 'terms' && within && last >= 0) {
      var lacking = terms.map(function (t, i) { return text(t) && found[last][i] === undefined ? t : null; });
      if (lacking.some(function (t) { return t !== null; })) {
        (await Promise.all(meta.parts.map(function (part, p) {
          return p === last || within.has(p) ? null : partValues(meta, part, kind, lacking);
        }))).forEach(function (values, p) {
          if (values) values.forEach(function (v, i) { if (v !== undefined) found[p][i] = v; });
        });
      }
    }
    var out = new Map();
    terms.forEach(function (t, i) {
      var parts = [];
      meta.parts.forEach(function (part, p) {
        if (found[p][i] !== undefined) {
          parts.push({ from: part.from, dir: part.dir, v: found[p][i], stats: !!within && !within.has(p) });
        }
      });
      if (parts.length) out.set(t, parts);
    });
    return out;
  }
  // The values in one part of the terms (null: not asked), undefined where it has none.
  async function partValues(meta, part, kind, terms) {
    var count = kind === 'terms' ? part.shards : part.posShards;
    var nameOf = function (t) { return part.dir + kind + '-' + (fnv(t) % count) + '.json'; };
    var asked = terms.filter(function (t) { return t !== null; });
    var names = Array.from(new Set(asked.map(nameOf)));
    var loaded = new Map();
    (await Promise.all(names.map(load))).forEach(function (sh, i) { loaded.set(names[i], sh); });
    var values = new Array(terms.length);
    await Promise.all(terms.map(function (t, i) {
      if (t === null) return null;
      var sh = loaded.get(nameOf(t));
      if (!Object.prototype.hasOwnProperty.call(sh, t)) return null;
      var v = sh[t];
      if (typeof v !== 'number') { values[i] = v; return null; }
      return load(part.dir + numbered(meta, 'big', v)).then(function (big) { values[i] = big; });
    }));
    return values;
  }
  // The k-th file of a numbered kind (StaticExport.numbered): kind/G/kind-k.json, G = k / perFolder.
  function numbered(meta, kind, k) {
    return kind + '/' + Math.floor(k / meta.perFolder) + '/' + kind + '-' + k + '.json';
  }
  // A frequent term's value in a part may be a head (StaticExport, TermSplit): [titleHead,
  // bodyHead, [dfTitle, dfBody], K, titleFrontier, bodyFrontier], its tail in tail-K.json. In
  // the newest part, a text term's value may end with the other parts' [dfTitle, dfBody].
  function isHead(v) { return Array.isArray(v) && v.length >= 6; }
  function otherDf(v) { var o = v[isHead(v) ? 6 : 2]; return Array.isArray(o) ? o : null; }
  // A text term's documents in one part's value, in a field (0 for a whole list to be counted
  // as it is decoded: decoding).
  function ownDf(v, slot, decoding) {
    if (isHead(v)) return v[2][slot];
    return typeof v[slot] !== 'string' || decoding ? 0 : unpack(v[slot]).length / 3;
  }
  // A text term's document frequency in a field over the whole index, from its values in the
  // parts read (lookup's [{ from, v }]) and its documents in each (own: part.from -> count): the
  // newest part's value gives the other parts'.
  function docFreq(meta, parts, slot, own) {
    var newest = parts.length ? parts[parts.length - 1] : null;
    if (newest && newest.from === meta.parts[meta.parts.length - 1].from && otherDf(newest.v)) {
      return own.get(newest.from) + otherDf(newest.v)[slot];
    }
    var df = 0;
    own.forEach(function (n) { df += n; });
    return df;
  }
  // Loads the tails of some terms' heads (lookup's [{ from, dir, v }] gets the tail as .tail).
  function loadTails(meta, postings, terms) {
    var waits = [];
    terms.forEach(function (t) {
      (postings.get(t) || []).forEach(function (part) {
        if (part.stats || !isHead(part.v) || part.tail) return;
        waits.push(load(part.dir + numbered(meta, 'tail', part.v[3])).then(function (tail) { part.tail = tail; }));
      });
    });
    return Promise.all(waits);
  }
  // The doc ids of a keyword term's packed lists in the parts read for them (lookup's [{ from, v }]).
  function eachDoc(parts, each) {
    (parts || []).forEach(function (part) {
      if (part.stats) return;
      var list = unpack(part.v), doc = part.from;
      for (var i = 0; i < list.length; i++) { doc += list[i]; each(doc); }
    });
  }
  // The docs of a sha:xxxx term in the parts read for them, each with the first 7 digits of its SHA.
  function eachSha(parts, prefix, each) {
    (parts || []).forEach(function (part) {
      if (part.stats) return;
      var sh = part.v, doc = part.from;
      for (var i = 0; i < sh[0].length; i++) { doc += sh[0][i]; each(doc, prefix + sh[1][i]); }
    });
  }

  // QueryBuilder.partsReading: the text read with the parts of its split words, or [].
  function partsReading(text, word, tokens) {
    if (word && BARE_SHA.test(text)) return [];
    var ps = analyze(text, true, true);
    var same = ps.length === tokens.length && ps.every(function (t, i) {
      var u = tokens[i];
      return t.term === u.term && t.position === u.position && t.start === u.start && t.end === u.end;
    });
    return ps.length < 2 || same ? [] : ps;
  }
  var BARE_SHA = /^[0-9a-fA-F]{7,40}$/;
  // QueryBuilder.reading: the tokens, or the parts when a term of the tokens is not in the index.
  function readingOf(q, tokens, postings) {
    if (tokens.every(function (t) { return postings.has(t.term); })) return tokens;
    var ps = partsReading(q.text, q.word, tokens);
    return ps.length ? ps : tokens;
  }

  // Walks a parsed query and lists the terms it needs.
  // n: { terms, phrases, fields: Sets; values: Map field -> Set of the values of a field of
  // VALUE_FIELDS it filters on; shas: SHAs longer than 7, whose candidates' docs hold the rest }
  function needs(meta, q, n) {
    if (q.k === 'text') {
      var ts = analyze(q.text, true);
      addReading(ts, n);
      if (ts.length) extras(meta, q.text, q.word).forEach(function (e) { filterNeeds(meta, e.f, n); });
    }
    else if (q.k === 'filter') filterNeeds(meta, q, n);
    else if (q.k === 'not') needs(meta, q.q, n);
    else if (q.items) q.items.forEach(function (i) { needs(meta, i, n); });
  }
  function addReading(ts, n) {
    ts.forEach(function (t) { n.terms.add(t.term); if (ts.length > 1) n.phrases.add(t.term); });
  }
  // The parts readings of the texts of a query that have a term the index lacks.
  function partsNeeds(q, postings, n) {
    if (q.k === 'text') {
      var ts = analyze(q.text, true);
      if (readingOf(q, ts, postings) !== ts) addReading(readingOf(q, ts, postings), n);
    }
    else if (q.k === 'not') partsNeeds(q.q, postings, n);
    else if (q.items) q.items.forEach(function (i) { partsNeeds(i, postings, n); });
  }
  function filterNeeds(meta, f, n) {
    if (f.field === 'author' || f.field === 'path') n.terms.add(f.field + ':' + f.value);
    else if (f.field === 'sha') {
      n.terms.add('sha:' + f.value.substring(0, 4));
      if (f.value.length > 7) n.shas.push(f.value);
    }
    else if (VALUE_FIELDS.indexOf(f.field) >= 0) {
      if (!n.values.has(f.field)) n.values.set(f.field, new Set());
      valuesOf(meta, f).forEach(function (v) { n.values.get(f.field).add(v); });
    }
    else {
      n.fields.add(f.field);
      if (f.field === 'date') n.dates.push([f.value, f.to]);
    }
  }
  // The fields whose doc sets are a file per value (StaticExport.VALUE_FIELDS), and the list of
  // a part's values each file number counts in.
  var VALUE_FIELDS = ['repo', 'severity', 'type'];
  var VALUE_LISTS = { repo: 'repos', severity: 'severities', type: 'types' };
  // The values a filter means: the repos of an owner, a name or a full name; else its value.
  function valuesOf(meta, f) {
    if (f.field !== 'repo') return [f.value];
    return meta.repos.filter(function (r) { return repoKeys(r).indexOf(f.value) >= 0; });
  }
  // Whether a part's dates (part.dates, its first and last) meet a date range [from, to].
  function meets(part, r) { return r[0] <= part.dates[1] && r[1] >= part.dates[0]; }
  // The places in meta.parts of the parts a query can match: a date filter it requires keeps
  // out the parts whose dates it cannot meet, a repo filter the parts without its repositories.
  // null: every part.
  function reach(meta, q) {
    if (q.k === 'filter' && (q.field === 'date' || q.field === 'repo')) {
      var repos = q.field === 'repo' ? valuesOf(meta, q) : null;
      return new Set(meta.parts.map(function (p, i) {
        var can = repos ? p.repos.some(function (r) { return repos.indexOf(r) >= 0; }) : meets(p, [q.value, q.to]);
        return can ? i : -1;
      }).filter(function (i) { return i >= 0; }));
    }
    if (q.k !== 'and' && q.k !== 'or') return null;
    var out = null;
    for (var i = 0; i < q.items.length; i++) {
      var r = reach(meta, q.items[i]);
      if (r === null) {
        if (q.k === 'and') continue;
        return null;
      }
      if (out === null) out = r;
      else if (q.k === 'and') out = new Set(Array.from(out).filter(function (p) { return r.has(p); }));
      else r.forEach(function (p) { out.add(p); });
    }
    return out;
  }
  // field-F-K.json for some values of F: [{ from, sets }], sets holding the values the part has;
  // of the parts within (places in meta.parts, null: every part).
  function valueFiles(meta, f, values, within) {
    return Promise.all(meta.parts.map(function (part, p) {
      var own = part[VALUE_LISTS[f]], sets = {};
      return Promise.all(values.map(function (v) {
        var k = own.indexOf(v);
        if (k < 0 || within && !within.has(p)) return null;
        return load(part.dir + 'field-' + f + '-' + k + '.json').then(function (set) { sets[v] = set; });
      })).then(function () { return { from: part.from, sets: sets }; });
    }));
  }
  // field-F.json of the parts within (null: every part): [{ from, sets }]. With the query's date
  // ranges, a part whose dates meet none of them has no date of theirs: not loaded.
  function fieldFile(meta, f, ranges, within) {
    return Promise.all(meta.parts.map(function (part, p) {
      if (within && !within.has(p) || ranges && !ranges.some(function (r) { return meets(part, r); })) {
        return { from: part.from, sets: {} };
      }
      return load(part.dir + 'field-' + f + '.json').then(function (sets) { return { from: part.from, sets: sets }; });
    }));
  }
  // The ids (of the whole) of value v in field-F.json of every part.
  function valueIds(parts, v, each) {
    parts.forEach(function (part) {
      if (Object.prototype.hasOwnProperty.call(part.sets, v)) docIds(part.sets[v]).forEach(function (d) { each(part.from + d); });
    });
  }
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DIGIT_VALUE = new Map(Array.from(DIGITS).map(function (c, i) { return [c, i]; }));
  // A list of numbers as StaticExport.packed writes it: 5 bits a digit, least significant
  // first; a digit of 32 or more says that more follow.
  function unpack(s) {
    var out = [], v = 0, scale = 1;
    for (var i = 0; i < s.length; i++) {
      var c = DIGIT_VALUE.get(s[i]);
      if (c >= 32) { v += (c - 32) * scale; scale *= 32; continue; }
      out.push(v + c * scale);
      v = 0; scale = 1;
    }
    return out;
  }
  // A set of doc ids as StaticExport.docSet writes it: the ids, ascending.
  function docIds(enc) {
    var out = [], i, doc = 0;
    if (enc.d) { for (i = 0; i < enc.d.length; i++) { doc += enc.d[i]; out.push(doc); } }
    else if (enc.r) {
      for (i = 0; i < enc.r.length; i += 2) {
        doc += enc.r[i];
        for (var k = 0; k < enc.r[i + 1]; k++) out.push(doc + k);
        doc += enc.r[i + 1];
      }
    } else {
      var bin = atob(enc.b);
      for (i = 0; i < bin.length; i++) {
        var byte = bin.charCodeAt(i);
        for (var bit = 0; bit < 8; bit++) if (byte & (1 << bit)) out.push(i * 8 + bit);
      }
    }
    return out;
  }

  // ---- scoring (QueryBuilder, Ranking: Lucene's BM25Similarity) ------------------------------
  var f32 = Math.fround;

  function Searcher(meta, postings, positions, fullShas, fields) {
    this.meta = meta;
    this.postings = postings;
    this.positions = positions;
    this.fields = fields;
    this.fullShas = fullShas;
    this.n = meta.n;
    this.highlight = new Set();
    this.dropped = [];
    var self = this;
    this.stats = ['title', 'body'].map(function (f) {
      var st = meta.fields[f];
      return { docCount: st[0], avgdl: f32(st[1] / st[0]) };
    });
    this.k1 = f32(meta.k1); this.b = f32(meta.b);
    this.boosts = [f32(meta.titleBoost), f32(meta.bodyBoost)];
    this.decoded = new Map();
    // The split terms whose tails are not loaded that the query read (fieldPostings).
    this.partial = new Set();
    void self;
  }

  // Lucene's SmallFloat.byte4ToInt: the field length BM25 reads from a norm byte (0..255).
  function fieldLength(norm) {
    if (norm < 24) return norm;
    var j = norm - 24, shift = (j >> 3) - 1;
    return 24 + (shift < 0 ? j & 7 : ((j & 7) | 8) * Math.pow(2, shift));
  }

  Searcher.prototype.fieldPostings = function (term, slot) {
    var key = term + '\u0000' + slot;
    if (this.decoded.has(key)) {
      var known = this.decoded.get(key);
      if (known.partial) this.partial.add(term);
      return known;
    }
    var parts = this.postings.get(term) || [], posParts = this.positions.get(term) || [];
    var out = new Map(), self = this, own = new Map();
    parts.forEach(function (part) {
      var raw = part.v, rawPos = posParts.find(function (x) { return x.from === part.from; });
      // A head says its count; a whole list is counted as it is decoded.
      own.set(part.from, ownDf(raw, slot, !part.stats));
      if (part.stats || typeof raw[slot] !== 'string') return;
      // A head's documents, then its tail's when loaded: the order of the term's positions.
      var lists = [raw[slot]];
      if (isHead(raw)) {
        if (part.tail) lists.push(part.tail[slot]);
        else { self.partial.add(term); out.partial = true; }
      }
      var pl = rawPos ? unpack(rawPos.v[slot]) : null, j = 0;
      lists.forEach(function (packed) {
        var list = unpack(packed), i = 0, doc = part.from;
        while (i < list.length) {
          doc += list[i++];
          var norm = list[i++], freq = list[i++], pos = 0, ps = [];
          if (pl) { for (var k = 0; k < freq; k++) { pos += pl[j++]; ps.push(pos); } }
          else ps.length = freq;
          ps.dl = fieldLength(norm);
          out.set(doc, ps);
          if (!isHead(raw)) own.set(part.from, own.get(part.from) + 1);
        }
      });
    });
    out.df = docFreq(this.meta, parts, slot, own);
    this.decoded.set(key, out);
    return out;
  };

  function idf(df, n) { return f32(Math.log(1 + (n - df + 0.5) / (df + 0.5))); }

  // BM25's weight of a term or phrase in a field: its boost times the sum of its terms' idf.
  Searcher.prototype.weight = function (lists, slot) {
    var st = this.stats[slot], idfSum;
    if (lists.length === 1) idfSum = idf(lists[0].df, st.docCount);
    else {
      var d = 0;
      lists.forEach(function (l) { d += idf(l.df, st.docCount); });
      idfSum = f32(d);
    }
    return f32(this.boosts[slot] * idfSum);
  };

  Searcher.prototype.bm25 = function (slot, weight, freq, dl) {
    var norm = f32(1 / f32(this.k1 * f32(f32(1 - this.b) + f32(f32(this.b * dl) / this.stats[slot].avgdl))));
    return f32(weight - f32(weight / f32(1 + f32(freq * norm))));
  };

  // One field: a term or a phrase; a Map doc -> score.
  Searcher.prototype.fieldQuery = function (tokens, slot) {
    var lists = tokens.map(function (t) { return this.fieldPostings(t.term, slot); }, this);
    var out = new Map();
    if (lists.some(function (l) { return l.df === 0; })) return out;
    var weight = this.weight(lists, slot);
    var first = tokens[0].position;
    var self = this;
    lists[0].forEach(function (ps, doc) {
      var freq;
      if (tokens.length === 1) freq = ps.length;
      else {
        freq = 0;
        for (var a = 0; a < ps.length; a++) {
          var p = ps[a], ok = true;
          for (var t = 1; t < tokens.length && ok; t++) {
            var other = lists[t].get(doc);
            ok = other !== undefined && other.indexOf(p + tokens[t].position - first) >= 0;
          }
          if (ok) freq++;
        }
      }
      if (freq > 0) out.set(doc, self.bm25(slot, weight, freq, ps.dl));
    });
    return out;
  };

  function sum(maps) {
    var out = new Map();
    maps.forEach(function (m) { m.forEach(function (s, d) { out.set(d, (out.get(d) || 0) + s); }); });
    out.forEach(function (s, d) { out.set(d, f32(s)); });
    return out;
  }

  Searcher.prototype.all = function () {
    var out = new Map();
    for (var i = 0; i < this.n; i++) out.set(i, 0);
    return out;
  };

  // A part: { m: Map doc -> score, kind: 'S' | 'F' | 'X' } (X: m holds what is excluded).
  Searcher.prototype.part = function (q, positive) {
    if (q.k === 'text') {
      var tokens = analyze(q.text, true);
      if (tokens.length === 0) { this.dropped.push('"' + q.text + '"'); return null; }
      var reading = readingOf(q, tokens, this.postings);
      if (positive) reading.forEach(function (t) { this.highlight.add(t.term); }, this);
      var scored = [this.fieldQuery(reading, 0), this.fieldQuery(reading, 1)];
      extras(this.meta, q.text, q.word).forEach(function (e) {
        var m = this.filter(e.f), score = f32(e.score);
        m.forEach(function (z, d) { m.set(d, score); });
        scored.push(m);
      }, this);
      return { m: sum(scored), kind: 'S' };
    }
    if (q.k === 'filter') return { m: this.filter(q), kind: 'F' };
    if (q.k === 'not') {
      var inner = this.part(q.q, !positive);
      return inner === null ? null : { m: this.asMatch(inner), kind: 'X' };
    }
    if (q.k === 'and') return this.and(q.items, positive);
    var alts = [];
    q.items.forEach(function (a) {
      var p = this.part(a, positive);
      if (p !== null) alts.push(p.kind === 'S' ? p.m : zero(this.asMatch(p)));
    }, this);
    return alts.length === 0 ? null : { m: sum(alts), kind: 'S' };
  };

  function zero(m) { var out = new Map(); m.forEach(function (s, d) { out.set(d, 0); }); return out; }

  // What a part matches, as Lucene's query for it would.
  Searcher.prototype.asMatch = function (p) {
    if (p.kind !== 'X') return p.m;
    var out = new Map();
    for (var i = 0; i < this.n; i++) if (!p.m.has(i)) out.set(i, 0);
    return out;
  };

  Searcher.prototype.and = function (items, positive) {
    var parts = [];
    items.forEach(function (it) { var p = this.part(it, positive); if (p !== null) parts.push(p); }, this);
    if (parts.length === 0) return null;
    if (parts.length === 1) return parts[0];
    var scoring = parts.filter(function (p) { return p.kind === 'S'; });
    var filtering = parts.filter(function (p) { return p.kind === 'F'; });
    var excluding = parts.filter(function (p) { return p.kind === 'X'; });
    var required = scoring.concat(filtering);
    var base = required.length ? required[0].m : this.all();
    var out = new Map();
    base.forEach(function (s, d) {
      if (!required.every(function (p) { return p.m.has(d); })) return;
      if (excluding.some(function (p) { return p.m.has(d); })) return;
      var t = 0;
      scoring.forEach(function (p) { t += p.m.get(d); });
      out.set(d, f32(t));
    });
    return { m: out, kind: scoring.length ? 'S' : 'F' };
  };

  // KnownRepos: a repo: filter that names no repository of the archive is an error.
  function checkRepos(q, repos) {
    if (q.k === 'filter' && q.field === 'repo') {
      var keys = new Set();
      repos.forEach(function (r) { repoKeys(r).forEach(function (k) { keys.add(k); }); });
      if (keys.has(q.value)) return;
      var sorted = Array.from(keys).sort();
      var full = sorted.filter(function (k) { return k.indexOf('/') >= 0; });
      var near = closest(q.value, full.concat(sorted.filter(function (k) { return k.indexOf('/') < 0; })));
      throw fail('BAD_REPO', q.col, ['repo:' + q.value, q.col, q.value, full], near === null ? null : 'repo:' + near);
    }
    (q.k === 'not' ? [q.q] : q.items || []).forEach(function (i) { checkRepos(i, repos); });
  }

  function repoKeys(repo) {
    var full = keyword(repo), keys = [full], slash = full.indexOf('/');
    if (slash > 0) keys.push(full.substring(0, slash), full.substring(slash + 1));
    return keys;
  }

  Searcher.prototype.filter = function (f) {
    var out = new Map(), fullShas = this.fullShas;
    if (f.field === 'author' || f.field === 'path') {
      eachDoc(this.postings.get(f.field + ':' + f.value), function (doc) { out.set(doc, 0); });
      return out;
    }
    if (f.field === 'sha') {
      var prefix = f.value.substring(0, 4);
      eachSha(this.postings.get('sha:' + prefix), prefix, function (doc, sha7) {
        if (f.value.length <= 7 ? sha7.startsWith(f.value) : (fullShas.get(doc) || '').startsWith(f.value)) out.set(doc, 0);
      });
      return out;
    }
    var parts = this.fields.get(f.field), keys = [];
    if (f.field === 'repo') keys = this.meta.repos.filter(function (r) { return repoKeys(r).indexOf(f.value) >= 0; });
    else if (f.field === 'date') {
      parts.forEach(function (part) {
        Object.keys(part.sets).forEach(function (d) { if (d >= f.value && d <= f.to && keys.indexOf(d) < 0) keys.push(d); });
      });
    }
    else keys.push(f.value);
    keys.forEach(function (k) { valueIds(parts, k, function (d) { out.set(d, 0); }); });
    return out;
  };

  // Runs a query over what gather loaded: { total, exact, hits: [doc], scores, highlight: Set }
  // or throws SyntaxErr. With heads of split terms whose tails are not loaded, the first count
  // hits when the heads prove them (exact: false, total: how many at least), else
  // { partial: the terms whose tails it needs }.
  function run(meta, got, q, byDate, count) {
    var s = new Searcher(meta, got.postings, got.positions, got.fullShas, got.fields);
    var root = s.part(q, true);
    if (root === null) {
      throw fail(s.dropped.length === 1 ? 'NOTHING_ONE' : 'NOTHING_MANY', 0, [s.dropped]);
    }
    var m = root.kind === 'X' ? s.asMatch(root) : root.m;
    if (root.kind !== 'S') m = zero(m);
    if (s.partial.size) {
      var partial = Array.from(s.partial);
      var top = byDate ? null : s.proven(q, m, count);
      if (top === null) return { partial: partial };
      return { total: top.atLeast, exact: false, hits: top.hits, scores: m, highlight: s.highlight };
    }
    var docs = Array.from(m.keys());
    docs.sort(ranking(m, byDate));
    return { total: docs.length, exact: true, hits: docs, scores: m, highlight: s.highlight };
  }

  // Best first, or newest first: higher id first (StaticExport numbers oldest first), as
  // IndexSearch.Order ranks equal scores.
  function ranking(m, byDate) {
    return function (a, b) { var sa = m.get(a), sb = m.get(b); return sa !== sb && !byDate ? sb - sa : b - a; };
  }

  // The first k hits of a query read with the head of a split term (and no tail), when the head
  // proves them: { hits, atLeast } or null. It does for a word of one term, alone or with other
  // clauses (AND) that read no split term: every hit scored exactly (in the head, or in a part
  // where the term is whole) is a hit, and a document of a tail scores at most the best the
  // tail's frontiers allow in title and body, plus every extra of the word that matches a
  // document, plus the best score of each other clause (of the documents read: those of the
  // parts the query can match). When the k-th best exact score is above that, no document of a
  // tail can be among the first k (StaticFetchPlan.proven decides the same).
  Searcher.prototype.proven = function (q, m, k) {
    var items = q.k === 'and' ? q.items : [q], split = null, term, others = 0, self = this;
    for (var i = 0; i < items.length; i++) {
      this.partial = new Set();
      var p = this.part(items[i], true);
      if (this.partial.size === 0) {
        var best = 0;
        if (p !== null && p.kind === 'S') p.m.forEach(function (v) { best = Math.max(best, v); });
        others += best;
        continue;
      }
      var it = items[i], tokens = it.k === 'text' ? analyze(it.text, true) : [];
      if (split !== null || tokens.length !== 1 || readingOf(it, tokens, this.postings) !== tokens) return null;
      split = it;
      term = tokens[0].term;
    }
    if (split === null) return null;
    var parts = this.postings.get(term);
    // The best a tail's document scores in each field, from its frontier of (norm, freq).
    var lists = [this.fieldPostings(term, 0), this.fieldPostings(term, 1)];
    var weights = [0, 1].map(function (slot) { return self.weight([lists[slot]], slot); });
    var bound = 0, head = new Set(), headed = new Set();
    parts.forEach(function (part) {
      if (part.stats || !isHead(part.v)) return;
      headed.add(part.from);
      var best = 0;
      [0, 1].forEach(function (slot) {
        var f = unpack(part.v[4 + slot]), top = 0;
        for (var x = 0; x < f.length; x += 2) top = Math.max(top, self.bm25(slot, weights[slot], f[x + 1], fieldLength(f[x])));
        best += top;
        var ids = unpack(part.v[slot]), doc = part.from;
        for (var y = 0; y < ids.length; y += 3) { doc += ids[y]; head.add(doc); }
      });
      bound = Math.max(bound, best);
    });
    extras(this.meta, split.text, split.word).forEach(function (e) {
      if (self.filter(e.f).size) bound += f32(e.score);
    });
    bound += others;
    // Exact: a document in the head, or of a part where the term is whole.
    var exact = [];
    m.forEach(function (score, doc) {
      if (head.has(doc) || !headed.has(partOf(self.meta, doc).from)) exact.push(doc);
    });
    if (exact.length < k) return null;
    exact.sort(ranking(m, false));
    if (!(m.get(exact[k - 1]) > bound)) return null;
    var atLeast = m.size;
    if (items.length === 1) atLeast = Math.max(atLeast, lists[0].df, lists[1].df);
    return { hits: exact.slice(0, k), atLeast: atLeast };
  };

  // ---- snippets (Snippet) -------------------------------------------------------------------
  var WIDTH = 160, LEAD = 30, NUDGE = 15;
  function matchTokens(text, terms) {
    return analyze(text, false).filter(function (t) { return terms.has(t.term); });
  }
  function matches(text, terms) {
    return matchTokens(text, terms).map(function (t) { return [t.start, t.end]; })
      .sort(function (a, b) { return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]; });
  }
  function merge(ms, from, to, shift) {
    var out = [];
    ms.forEach(function (m) {
      if (m[0] < from || m[1] > to) return;
      var last = out.length ? out[out.length - 1] : null;
      if (last !== null && m[0] < last[1] - shift) last[1] = Math.max(last[1], m[1] + shift);
      else out.push([m[0] + shift, m[1] + shift]);
    });
    return out;
  }
  function asciiWord(c) { return /^[A-Za-z0-9]$/.test(c); }
  function lowSur(c) { var x = c.charCodeAt(0); return x >= 0xDC00 && x <= 0xDFFF; }
  function snippet(text, terms) {
    var ms = matches(text, terms);
    if (text.length <= WIDTH) return { text: text, hl: merge(ms, 0, text.length, 0) };
    var bestStart = 0, bestScore = 0;
    var tokens = matchTokens(text, terms);
    tokens.forEach(function (c) {
      var start = Math.max(0, c.start - LEAD);
      var seen = new Set();
      tokens.forEach(function (t) { if (t.start >= start && t.end <= start + WIDTH) seen.add(t.term); });
      if (seen.size > bestScore) { bestScore = seen.size; bestStart = start; }
    });
    var start = bestStart, end = Math.min(text.length, start + WIDTH);
    var firstMatch = end, lastMatch = start;
    ms.forEach(function (m) {
      if (m[0] >= start) firstMatch = Math.min(firstMatch, m[0]);
      if (m[1] <= end) lastMatch = Math.max(lastMatch, m[1]);
    });
    var s = start;
    while (s > 0 && s < firstMatch && s - start < NUDGE && asciiWord(text[s - 1]) && asciiWord(text[s])) s++;
    var e = end;
    while (e < text.length && e > lastMatch && end - e < NUDGE && asciiWord(text[e - 1]) && asciiWord(text[e])) e--;
    if (s > 0 && lowSur(text[s])) s++;
    if (e < text.length && lowSur(text[e])) e--;
    var prefix = s > 0 ? '…' : '', suffix = e < text.length ? '…' : '';
    return { text: prefix + text.substring(s, e) + suffix, hl: merge(ms, s, e, prefix.length - s) };
  }

  // ---- the page -----------------------------------------------------------------------------
  var zh = lang === 'zh';
  var LABELS = {
    // language zh
    zh: { loading: '正在加载索引…', none: '没有结果。', found: function (n) { return '共 ' + n + ' 条结果'; },
      atLeast: function (n) { return '至少 ' + n + ' 条结果'; },
      empty: '输入要搜索的内容。', more: '更多结果', missing: '本站没有搜索索引。', error: '查询有误：',
      old: '这个浏览器读不了搜索索引，请换用较新的浏览器。',
      repo: '仓库', severity: '重要程度', type: '类型', year: '年份', month: '月份',
      order: '排序', relevance: '相关度', newest: '最新', refine: '按仓库、重要程度、类型和日期细分' },
    // language end
    // language en
    en: { loading: 'Loading the index…', none: 'No results.', found: function (n) { return n + (n === 1 ? ' result' : ' results'); },
      atLeast: function (n) { return 'At least ' + n + ' results'; },
      empty: 'Type something to search for.', more: 'More results', missing: 'This site has no search index.', error: 'The query has a problem: ',
      old: 'This browser cannot read the search index; a newer one can.',
      repo: 'Repository', severity: 'Severity', type: 'Type', year: 'Year', month: 'Month',
      order: 'Order', relevance: 'Relevance', newest: 'Newest',
      refine: 'Refine by repository, severity, type and date' }
    // language end
  };
  var L = LABELS[lang];

  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var facets = document.getElementById('search-facets');
  // "Showing results for cache" when a word was read as another.
  var correction = el('p', 'search-correction');
  correction.id = 'search-correction';
  status.parentNode.insertBefore(correction, status);
  var form = document.getElementById('search-form');
  var PAGE = 10;
  var generation = 0;
  // Past facetsAtOnce commits the facets' counts are loaded when the reader asks for them (the
  // refine button), then with every query of the page: they need every hit's repository, date,
  // severity and types, which on a large archive is more to download than the results.
  var facetsWanted = false;
  // The facet value the reader clicked: once the facets are drawn again, the keyboard is on it.
  var refocus = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function marked(parent, text, hl) {
    var at = 0;
    hl.forEach(function (h) {
      parent.appendChild(document.createTextNode(text.substring(at, h[0])));
      parent.appendChild(el('mark', null, text.substring(h[0], h[1])));
      at = h[1];
    });
    parent.appendChild(document.createTextNode(text.substring(at)));
  }
  function done(q) {
    list.setAttribute('data-query', q);
    list.setAttribute('data-state', 'done');
  }
  function say(text) { status.textContent = text; }
  // A severity or type as the page's language shows it (meta.json's words); other values as they are.
  function label(meta, field, value) {
    var w = meta.words[field];
    return w && Object.prototype.hasOwnProperty.call(w, value) ? w[value][zh ? 0 : 1] : value;
  }

  async function search(text, shown) {
    var my = ++generation;
    list.setAttribute('data-state', 'busy');
    if (strip(text) === '') {
      list.replaceChildren(); facets.replaceChildren(); say(L.empty); done(text); return;
    }
    var meta;
    try { meta = await load('meta.json'); } catch (e) {
      // A browser without DecompressionStream (before Chrome 80, Firefox 113, Safari 16.4).
      if (my === generation) { say(typeof DecompressionStream === 'undefined' ? L.old : L.missing); list.replaceChildren(); done(text); }
      return;
    }
    var q;
    try {
      q = parse(text, meta.words);
      checkRepos(q, meta.repos);
      if (openSearch !== '') {
        var count = shown || PAGE, found = await window.daybookOpenSearch.run(meta, q, count,
          { fail: fail, extras: extras, analyze: analyze, partsReading: partsReading,
            siteRoot: siteRoot, url: openSearch, byDate: byDate() });
        if (my !== generation) return;
        correction.textContent = '';
        facets.replaceChildren();
        showRows(meta, found.rows, found.total, found.highlight, text, count);
        done(text);
        return;
      }
      // Facets count every match, and newest first needs them all: the tails too.
      var whole = facetsWanted || byDate() || meta.n <= facetsAtOnce, count = shown || PAGE;
      var got = await gather(meta, q, whole);
      var fixed = await correct(meta, text, q, got.postings);
      var corrected = null;
      if (fixed !== null) {
        corrected = fixed;
        q = parse(fixed, meta.words);
        got = await gather(meta, q, whole);
      }
      var r = run(meta, got, q, byDate(), count);
      if (r.partial) {
        await loadTails(meta, got.postings, r.partial);
        r = run(meta, got, q, byDate(), count);
      }
      if (my !== generation) return;
      correction.textContent = corrected === null ? '' : MESSAGES[lang].CORRECTED.replace('{0}', function () { return corrected; });
      // Every hit, for the facets: the tails too.
      var exactly = async function () {
        await loadTails(meta, got.postings, Array.from(got.postings.keys()));
        return run(meta, got, q, byDate(), count);
      };
      await show(meta, r, text, count, my, exactly);
    } catch (e) {
      if (my !== generation) return;
      list.replaceChildren(); facets.replaceChildren(); correction.textContent = '';
      say(e instanceof SyntaxErr ? L.error + e.message : String(e && e.message || e));
      done(text);
    }
  }

  // Loads what a parsed query needs: the shards of its terms (then the parts of the texts with a
  // term the index lacks), positions for phrases, field sets, the docs of long SHAs' candidates.
  // Of a frequent term, only the head (TermSplit) unless whole or in a phrase: run asks for the
  // tails when the head does not prove the results.
  async function gather(meta, q, whole) {
    var n = { terms: new Set(), phrases: new Set(), fields: new Set(), values: new Map(), shas: [], dates: [] };
    needs(meta, q, n);
    // A part the query cannot match needs no set of its filters' values, and no postings.
    var within = reach(meta, q);
    var names = Array.from(n.fields).concat(Array.from(n.values.keys())).sort();
    var loaded = await Promise.all([
      lookup(meta, Array.from(n.terms), 'terms', within),
      lookup(meta, Array.from(n.phrases), 'pos', within)]
      .concat(names.map(function (f) {
        return n.values.has(f) ? valueFiles(meta, f, Array.from(n.values.get(f)).sort(), within)
          : fieldFile(meta, f, f === 'date' ? n.dates : null, within);
      })));
    var postings = loaded[0], positions = loaded[1], fields = new Map();
    names.forEach(function (f, i) { fields.set(f, loaded[2 + i]); });
    var more = { terms: new Set(), phrases: new Set() };
    partsNeeds(q, postings, more);
    if (more.terms.size) {
      var extra = await Promise.all([
        lookup(meta, Array.from(more.terms), 'terms', within),
        lookup(meta, Array.from(more.phrases), 'pos', within)]);
      extra[0].forEach(function (v, t) { postings.set(t, v); });
      extra[1].forEach(function (v, t) { positions.set(t, v); });
    }
    await loadTails(meta, postings, whole ? Array.from(postings.keys())
      : Array.from(n.phrases).concat(Array.from(more.phrases)));
    var fullShas = new Map();
    if (n.shas.length) {
      var cands = new Set();
      n.shas.forEach(function (s) {
        eachSha(postings.get('sha:' + s.substring(0, 4)), s.substring(0, 4), function (doc, sha7) {
          if (s.startsWith(sha7)) cands.add(doc);
        });
      });
      await Promise.all(Array.from(cands).map(function (i) {
        return chunk(meta, i).then(function (d) { fullShas.set(i, d[4]); });
      }));
    }
    return { postings: postings, positions: positions, fields: fields, fullShas: fullShas };
  }

  function chunk(meta, doc) {
    var part = partOf(meta, doc), local = doc - part.from;
    var c = Math.floor(local / meta.chunk);
    return load(part.dir + numbered(meta, 'docs', c)).then(function (rows) { return rows[local % meta.chunk]; });
  }

  // exactly: the result with every hit (loading the tails of split terms), for the facets.
  async function show(meta, r, text, count, my, exactly) {
    var shown = await rowsOf(meta, r.hits.slice(0, count));
    if (my !== generation) return;
    showRows(meta, shown, r.total, r.highlight, text, count, r.exact);
    if (r.total === 0 || facetsWanted || meta.n <= facetsAtOnce) {
      try {
        if (await facetsFor(meta, r, text, my)) done(text);
        return;
      } catch (e) {
        // The results stay; the button below asks for the facets again, and says what failed.
        if (my !== generation) return;
      }
    }
    var refine = el('button', 'search-facet-value search-refine', L.refine);
    refine.type = 'button';
    refine.id = 'search-refine';
    refine.addEventListener('click', async function () {
      facetsWanted = true;
      list.setAttribute('data-state', 'busy');
      try {
        if (!r.exact) {
          r = await exactly();
          if (my !== generation) return;
          showRows(meta, shown, r.total, r.highlight, text, count, true);
        }
        if (await facetsFor(meta, r, text, my)) {
          done(text);
          // The button is gone: the keyboard goes on from the first facet, not the page's top.
          var first = facets.querySelector('button');
          if (first) first.focus();
        }
      } catch (e) {
        if (my === generation) { say(String(e && e.message || e)); done(text); }
      }
    });
    facets.replaceChildren(refine);
    done(text);
  }

  // Rows as showRows takes them: docs-N.json's [title, text, link, author, sha, date, repo,
  // severity, [types]] (StaticExport.shown), the link made a URL.
  async function rowsOf(meta, docs) {
    var got = await Promise.all(docs.map(function (d) { return chunk(meta, d); }));
    return got.map(function (v) {
      // StaticExport.link: a URL, or an anchor ("": the SHA's 7) in ReportPaths.page of the date
      var url = v[2].indexOf('#') >= 0 ? v[2] : 'reports/' + v[5].substring(0, 4) + '/' +
        v[5].substring(5, 7) + '/' + v[5] + '.html#' + (v[2] || v[4].substring(0, 7));
      return [v[0], v[1], url, v[3], v[4], v[5], v[6], v[7], v[8]];
    });
  }

  // A doc's combo of severity and types in facets.json (ExportCodec.facetCodes)
  function comboCode(fc, local) {
    var k = 0, at = local * fc.width;
    for (var w = 0; w < fc.width; w++) k = k * 64 + DIGITS.indexOf(fc.codes[at + w]);
    return k;
  }

  // The results: rows of [title, text, url, author, sha, date, repo, severity, [types]] (rowsOf,
  // or OpenSearch's), the highlight terms, and a button for more when there are.
  // exact false: total is how many at least (the heads of split terms proved the first rows).
  function showRows(meta, shown, total, highlight, text, count, exact) {
    var r = { total: total, highlight: highlight };
    say(r.total === 0 ? L.none : exact === false ? L.atLeast(r.total) : L.found(r.total));
    var items = shown.map(function (v) {
      var li = el('li', 'search-hit');
      li.setAttribute('data-sha', v[4]);
      var a = el('a', 'search-title');
      // A title in its own direction, isolated (as on the report's page).
      a.dir = 'auto';
      a.href = new URL(v[2], siteRoot).href;
      marked(a, v[0], merge(matches(v[0], r.highlight), 0, v[0].length, 0));
      li.appendChild(a);
      var info = [v[5], v[6], v[4].substring(0, 7), label(meta, 'severity', v[7])]
        .concat(v[8].map(function (t) { return label(meta, 'type', t); }));
      var about = el('p', 'search-meta', info.join(' · ') + ' · ');
      // The author's name, isolated from the rest.
      about.appendChild(el('bdi', null, v[3]));
      li.appendChild(about);
      var sn = snippet(v[1], r.highlight);
      var p = el('p', 'search-snippet');
      marked(p, sn.text, sn.hl);
      li.appendChild(p);
      return li;
    });
    list.replaceChildren.apply(list, items);
    if (r.total > count || exact === false) {
      var more = el('button', 'search-more', L.more);
      more.type = 'button';
      more.addEventListener('click', function () { search(text, count + PAGE); });
      var li2 = el('li', 'search-more-item');
      li2.appendChild(more);
      list.appendChild(li2);
    }
  }

  // Values of a facet in the site's order: severities from high to low and types as the site
  // lists them (the order of meta.json's words), repositories and dates sorted.
  function inOrder(meta, field, values) {
    var rank = meta.words[field] ? Object.keys(meta.words[field]) : null;
    return rank ? values.sort(function (a, b) { return rank.indexOf(a) - rank.indexOf(b); })
      : values.sort();
  }

  // Facet counts over all hits: repo and year from their keyword sets (field-repo-K.json,
  // field-year.json), month from field-month.json once the hits are of one year, severity
  // and types from each doc's code in facets.json; each from the parts that hold a hit. False
  // when a newer query took over.
  async function facetsFor(meta, r, text, my) {
    if (r.total === 0) { facets.replaceChildren(); return true; }
    var holding = new Set(r.hits.map(function (d) { return meta.parts.indexOf(partOf(meta, d)); }));
    var got = await Promise.all([valueFiles(meta, 'repo', meta.repos, holding),
      fieldFile(meta, 'year', null, holding),
      Promise.all(meta.parts.map(function (part, p) {
        return holding.has(p) ? load(part.dir + 'facets.json') : null;
      })),
      fieldFile(meta, 'month', null, holding)]);
    if (my !== generation) return false;
    facets.replaceChildren();
    var hit = new Uint8Array(meta.n);
    r.hits.forEach(function (d) { hit[d] = 1; });
    function fromSets(parts, values) {
      var counts = new Map();
      values.forEach(function (v) {
        var c = 0;
        valueIds(parts, v, function (d) { c += hit[d]; });
        if (c > 0) counts.set(v, c);
      });
      return counts;
    }
    // facets.json of each part: each doc's code of its combo of severity and types.
    var sev = new Map(), types = new Map();
    meta.parts.forEach(function (part, p) {
      var fc = got[2][p];
      if (!fc) return;
      var perCombo = new Array(fc.combos.length).fill(0);
      r.hits.forEach(function (d) {
        if (d < part.from || d >= part.from + part.n) return;
        perCombo[comboCode(fc, d - part.from)]++;
      });
      fc.combos.forEach(function (c, k) {
        if (!perCombo[k]) return;
        sev.set(c[0], (sev.get(c[0]) || 0) + perCombo[k]);
        c[1].forEach(function (t) { types.set(t, (types.get(t) || 0) + perCombo[k]); });
      });
    });
    var years = fromSets(got[1], meta.years);
    var groups = [
      ['repo', L.repo, fromSets(got[0], meta.repos)],
      ['severity', L.severity, sev],
      ['type', L.type, types],
      ['date', L.year, years]];
    // The date by year, then, once the results are of one year, by its months.
    if (years.size === 1) {
      var months = new Set();
      got[3].forEach(function (part) { Object.keys(part.sets).forEach(function (m) { months.add(m); }); });
      groups.push(['date', L.month, fromSets(got[3], Array.from(months).sort().filter(function (m) {
        return years.has(m.substring(0, 4));
      }))]);
    }
    groups.forEach(function (g) {
      var counts = g[2];
      var box = el('div', 'search-facet');
      box.appendChild(el('span', 'search-facet-name', g[1]));
      inOrder(meta, g[0], Array.from(counts.keys())).forEach(function (v) {
        var clause = g[0] + ':' + v;
        var b = el('button', 'search-facet-value', label(meta, g[0], v) + ' (' + counts.get(v) + ')');
        b.type = 'button';
        b.setAttribute('data-filter', clause);
        var active = text.split(/\s+/).indexOf(clause) >= 0;
        b.setAttribute('aria-pressed', active ? 'true' : 'false');
        b.addEventListener('click', function () {
          var words = input.value.split(/\s+/).filter(function (w) { return w !== '' && w !== clause; });
          if (!active) words.push(clause);
          input.value = words.join(' ');
          refocus = clause;
          update();
        });
        box.appendChild(b);
      });
      facets.appendChild(box);
    });
    if (refocus !== null) {
      var again = Array.from(facets.querySelectorAll('button')).find(function (b) {
        return b.getAttribute('data-filter') === refocus;
      });
      refocus = null;
      if (again) again.focus();
    }
    return true;
  }

  // Relevance or newest first (?sort=date), as daybook search --sort.
  function byDate() { return new URLSearchParams(location.search).get('sort') === 'date'; }
  var order = el('div', 'search-facet search-sort');
  order.id = 'search-sort';
  order.appendChild(el('span', 'search-facet-name', L.order));
  [['relevance', L.relevance], ['date', L.newest]].forEach(function (o) {
    var b = el('button', 'search-facet-value', o[1]);
    b.type = 'button';
    b.setAttribute('data-sort', o[0]);
    b.addEventListener('click', function () {
      var url = new URL(location.href);
      if (o[0] === 'date') url.searchParams.set('sort', 'date'); else url.searchParams.delete('sort');
      history.replaceState(null, '', url.href);
      pressSort();
      search(input.value);
    });
    order.appendChild(b);
  });
  function pressSort() {
    order.querySelectorAll('button').forEach(function (b) {
      b.setAttribute('aria-pressed', String((b.getAttribute('data-sort') === 'date') === byDate()));
    });
  }
  pressSort();
  facets.parentNode.insertBefore(order, facets);

  var timer = null;
  function update() {
    var q = input.value;
    var url = new URL(location.href);
    if (q === '') url.searchParams.delete('q'); else url.searchParams.set('q', q);
    history.replaceState(null, '', url.href);
    search(q);
  }

  // For tests and tools: the same functions the page uses.
  window.daybookSearch = { analyze: analyze, stem: stem, parse: parse, fieldLength: fieldLength };

  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); update(); });
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(update, 150); });
  var initial = new URLSearchParams(location.search).get('q') || '';
  input.value = initial;
  say(initial === '' ? L.empty : L.loading);
  if (initial !== '') search(initial); else done('');
}());
