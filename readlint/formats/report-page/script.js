(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var chunks = null;  // [first row number, last] of each packed block, read with the page
  var docs = data.documents.map(function (values, i) {
    var d = {index: i};
    data.columns.forEach(function (key, k) { if (k < values.length) d[key] = values[k]; });
    d.full = data.root + d.path;
    d.folder = d.path.indexOf("/") >= 0 ? d.path.split("/")[0] : ".";
    d.formula = data.formulas[d.formula];
    return d;
  });
  var tbody = document.querySelector("#docs tbody");
  var sortKey = null, sortDir = 1, page = 0, PAGE = 100;
  var findings = [], current = -1, tipOwner = null;
  var tip = document.getElementById("tip");
  var KIND_WORDS = {term: ["Undefined term", "explain"], link: ["Missing glossary link", "link"],
                    plain: ["Plainer word", "plain"]};

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function value(id) {
    var node = document.getElementById(id);
    return node ? (node.type === "checkbox" ? node.checked : node.value) : "";
  }

  function visible() {
    var needle = value("filter").toLowerCase(), ruleSet = value("ruleset");
    var folder = value("folder"), rule = value("rule"), status = value("status");
    var overOnly = value("over");
    return docs.filter(function (d) {
      return (!needle || d.full.toLowerCase().indexOf(needle) >= 0) &&
        (!ruleSet || d.ruleSet === ruleSet) && (!folder || d.folder === folder) &&
        (!rule || d.rules[rule]) && (!status || d.status === status) &&
        (!overOnly || d.over);
    });
  }

  function shortSentence(text) {
    return text.length <= 90 ? text : text.slice(0, 89).replace(/\s+\S*$/, "") + "…";
  }
  function shortPath(path) {
    return path.length <= 64 ? path : path.slice(0, 22) + "…" + path.slice(-41);
  }

  function draw() {
    var rows = visible();
    if (sortKey) {
      rows.sort(function (a, b) {
        var x = a[sortKey], y = b[sortKey];
        if (typeof x === "string") return sortDir * x.localeCompare(y);
        return sortDir * ((x || 0) - (y || 0));
      });
    }
    var pages = Math.max(1, Math.ceil(rows.length / PAGE));
    page = Math.min(page, pages - 1);
    tbody.textContent = "";
    var fragment = document.createDocumentFragment();
    rows.slice(page * PAGE, (page + 1) * PAGE).forEach(function (d) {
      var tr = el("tr");
      var first = el("td");
      var open = el("button", shortPath(d.path), "link");
      open.type = "button";
      open.title = d.full;
      open.setAttribute("aria-label", d.full);
      open.addEventListener("click", function () { show(d); });
      first.appendChild(open);
      tr.appendChild(first);
      tr.appendChild(el("td", d.audience || "(" + d.ruleSet + ")"));
      tr.appendChild(el("td", d.words));
      var grade = el("td");
      grade.appendChild(el("span", d.grade.toFixed(1) + (d.graded ? "" : " (not graded)"),
                           d.over ? "over" : ""));
      if (d.over) grade.appendChild(el("span", " above", "over"));
      tr.appendChild(grade);
      tr.appendChild(el("td", d.target));
      tr.appendChild(el("td", d.difficulty === null ? "–" : d.difficulty));
      if (data.compared) {
        var word = {worse: "worse", better: "better", same: "", "new": "new"}[d.status] || "";
        var delta = d.change ? (d.change > 0 ? "+" : "") + d.change.toFixed(1) + " " : "";
        tr.appendChild(el("td", (delta + word).trim()));
      }
      ["long", "terms", "links", "problems"].forEach(function (k) {
        tr.appendChild(el("td", d[k]));
      });
      fragment.appendChild(tr);
    });
    tbody.appendChild(fragment);
    document.getElementById("shown").textContent = "Showing " + rows.length + " of " +
      docs.length + " documents" + (rows.length ? "" : ": no document matches.") + ".";
    document.getElementById("page-number").textContent = "Page " + (page + 1) + " of " + pages;
    document.getElementById("prev-page").disabled = page === 0;
    document.getElementById("next-page").disabled = page >= pages - 1;
  }

  document.querySelectorAll("#docs th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-key");
      sortDir = (sortKey === key) ? -sortDir : (key === "path" || key === "audience" ? 1 : -1);
      sortKey = key;
      document.querySelectorAll("#docs th").forEach(function (th) {
        th.setAttribute("aria-sort", "none");
      });
      button.parentNode.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      page = 0;
      draw();
    });
  });
  // The search box redraws as one types; the lists and the box on change. (Not the search
  // box on change: that comes when it loses focus, and would redraw the table under the
  // pointer in the middle of a click.)
  ["filter", "ruleset", "folder", "rule", "status", "over"].forEach(function (id) {
    var node = document.getElementById(id);
    if (!node) return;
    node.addEventListener(id === "filter" ? "input" : "change", function () {
      page = 0; draw();
    });
  });
  document.getElementById("prev-page").addEventListener("click", function () {
    page -= 1; draw();
  });
  document.getElementById("next-page").addEventListener("click", function () {
    page += 1; draw();
  });

  // A finding: a mark or a sentence's tag that keyboard users can reach and that tells its
  // message on hover and on focus.
  function finding(node, message) {
    node.tabIndex = 0;
    node.setAttribute("data-message", message);
    node.setAttribute("aria-label", message);
    node.addEventListener("focus", function () {
      current = findings.indexOf(node); showTip(node); count();
    });
    node.addEventListener("blur", hideTip);
    node.addEventListener("mouseenter", function () { showTip(node); });
    node.addEventListener("mouseleave", function () {
      if (tipOwner !== node) return;
      var focused = findings.indexOf(document.activeElement) >= 0 ? document.activeElement : null;
      if (focused) showTip(focused); else hideTip();
    });
    findings.push(node);
    return node;
  }
  function showTip(node) {
    tipOwner = node;
    tip.textContent = node.getAttribute("data-message");
    tip.hidden = false;
    var box = node.getBoundingClientRect();
    tip.style.left = Math.max(4, box.left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }
  function hideTip() { tip.hidden = true; tipOwner = null; }
  function count() {
    var total = findings.length;
    document.getElementById("finding-number").textContent = !total ?
      "No findings in the text." : current < 0 ?
      total + (total === 1 ? " finding" : " findings") + " in the text." :
      "Finding " + (current + 1) + " of " + total;
  }
  function step(by) {
    if (!findings.length) return;
    current = current < 0 && by < 0 ? findings.length - 1 :
      (current + by + findings.length) % findings.length;
    findings[current].focus();
    findings[current].scrollIntoView({block: "center"});
  }
  document.getElementById("next-finding").addEventListener("click", function () { step(1); });
  document.getElementById("prev-finding").addEventListener("click", function () { step(-1); });
  document.addEventListener("keydown", function (event) {
    var target = event.target.tagName;
    if (document.getElementById("doc-view").hidden || event.ctrlKey || event.metaKey ||
        event.altKey || target === "INPUT" || target === "SELECT" || target === "TEXTAREA") {
      return;
    }
    if (event.key === "n") { step(1); event.preventDefault(); }
    if (event.key === "p") { step(-1); event.preventDefault(); }
  });

  // A block is [kind, level, line, text, sentences, marks]; a sentence [start, end, words,
  // index of its long-sentence problem or -1, its place among the page's hardest (1: the
  // hardest; 0: not among them), difficulty score, reasons] (only those marked); a mark
  // [start, end, problem index, kind]; a problem [line, column, code, rule, severity,
  // message].
  var PLACES = ["", "", "second ", "third ", "fourth ", "fifth "];
  function renderBlock(block, problems, byProblem, hardest) {
    var kind = block[0], text = block[3], sentences = block[4], marks = block[5];
    var tag = kind === "heading" ? "h" + Math.min(6, block[1] + 3) :
      (kind === "list_item" ? "li" : "p");
    var node = el(tag);
    node.appendChild(el("span", "line " + block[2], "line"));
    var pieces = [];  // [start, end, sentence or null]
    var at = 0;
    sentences.forEach(function (s) {
      if (s[0] > at) pieces.push([at, s[0], null]);
      pieces.push([s[0], s[1], s]);
      at = s[1];
    });
    if (at < text.length) pieces.push([at, text.length, null]);
    pieces.forEach(function (piece) {
      var s = piece[2], marked = s && (s[3] >= 0 || s[4]);
      var holder = marked ? el("span", null, (s[4] ? "s-hard " : "") + (s[3] >= 0 ? "s-long" : ""))
        : node;
      var cursor = piece[0];
      marks.forEach(function (m) {
        var a = Math.max(m[0], cursor), b = Math.min(m[1], piece[1]);
        if (b <= a) return;
        if (a > cursor) holder.appendChild(document.createTextNode(text.slice(cursor, a)));
        var words = KIND_WORDS[m[3]] || ["Finding", "?"];
        var mark = el("mark", text.slice(a, b), "f-" + m[3]);
        finding(mark, words[0] + ": " + problems[m[2]][5]);
        byProblem[m[2]] = byProblem[m[2]] || mark;
        mark.setAttribute("data-tag", words[1]);
        holder.appendChild(mark);
        cursor = b;
      });
      if (cursor < piece[1]) holder.appendChild(document.createTextNode(text.slice(cursor, piece[1])));
      if (marked) {
        node.appendChild(holder);
        var said = [];
        if (s[4]) {
          said.push("Hard sentence: difficulty " + s[5] + " of 100, the page's " +
                    (s[4] < PLACES.length ? PLACES[s[4]] : s[4] + "th ") + "hardest." + (s[6].length ?
                    " What makes it hard, the heaviest first: " + s[6].join("; ") + "." : ""));
        }
        if (s[3] >= 0) said.push("Long sentence: " + problems[s[3]][5]);
        var label = el("span", null, "tag " + (s[4] ? "tag-hard" : "tag-long"));
        label.setAttribute("data-tag", (s[4] ? "hard " + s[5] : "") + (s[4] && s[3] >= 0 ? ", " : "") +
                           (s[3] >= 0 ? "long" : ""));
        finding(label, said.join(" "));
        if (s[3] >= 0) byProblem[s[3]] = byProblem[s[3]] || label;
        if (s[4]) hardest[s[4] - 1] = [label, s[5], text.slice(s[0], s[1])];
        node.appendChild(label);
      }
    });
    return node;
  }

  // Documents' views are packed in compressed blocks; a block is unpacked when one of its
  // documents is opened, and the last few unpacked are kept.
  var unpacked = {}, kept = [], KEEP = 6, opening = 0;
  var EMPTY = {blocks: [], problems: []};
  function chunkOf(at) {
    var low = 0, high = chunks.length - 1;
    while (low <= high) {
      var mid = (low + high) >> 1;
      if (at < chunks[mid][0]) high = mid - 1;
      else if (at > chunks[mid][1]) low = mid + 1;
      else return mid;
    }
    return -1;
  }
  function unpack(n) {
    if (!unpacked[n]) {
      var text = atob(document.getElementById("chunk-" + n).textContent);
      var bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      unpacked[n] = new Response(stream).text().then(function (json) {
        var found = {};
        JSON.parse(json).forEach(function (item) { found[item[0]] = item[1]; });
        return found;
      });
      kept.push(n);
      if (kept.length > KEEP) delete unpacked[kept.shift()];
    }
    return unpacked[n];
  }
  function pageRead() {
    return new Promise(function (done) {
      if (document.readyState !== "loading") done();
      else document.addEventListener("DOMContentLoaded", function () { done(); });
    });
  }
  function detailOf(d) {
    return pageRead().then(function () {
      if (!chunks) chunks = JSON.parse(document.getElementById("chunks").textContent);
      var n = d.at >= 0 ? chunkOf(d.at) : -1;
      if (n < 0) return EMPTY;
      if (typeof DecompressionStream === "undefined") {
        throw new Error("no DecompressionStream");
      }
      return unpack(n).then(function (found) { return found[d.at] || EMPTY; });
    });
  }

  function show(d) {
    var view = document.getElementById("doc-view");
    var ticket = ++opening;
    document.getElementById("doc-title").textContent = d.full;
    document.getElementById("doc-facts").textContent = "Audience " +
      (d.audience || "not given, so checked as " + d.ruleSet) + " (rule set " + d.ruleSet +
      "), " + d.words + " words, grade " + d.grade.toFixed(1) + " by " + d.formula +
      " against a target of " + d.target + (d.difficulty === null ? "" :
      ", difficulty " + d.difficulty + " of 100") + ".";
    var prose = document.getElementById("prose");
    var problems = document.getElementById("problems");
    prose.textContent = "Opening the document…";
    problems.textContent = "";
    findings = []; current = -1; hideTip(); count();
    view.setAttribute("aria-busy", "true");
    view.hidden = false;
    document.getElementById("doc-title").focus();
    detailOf(d).then(function (detail) {
      if (ticket === opening) render(d, detail);
    }, function () {
      if (ticket !== opening) return;
      prose.textContent = "This browser cannot unpack the document's text. Open the page " +
        "in a recent version of Chrome, Edge, Firefox or Safari.";
      view.setAttribute("aria-busy", "false");
    });
  }

  function render(d, detail) {
    var view = document.getElementById("doc-view");
    var prose = document.getElementById("prose");
    prose.textContent = "";
    findings = []; current = -1; hideTip();
    var list = null, byProblem = {}, hardest = [];
    detail.blocks.forEach(function (block) {
      var node = renderBlock(block, detail.problems, byProblem, hardest);
      if (block[0] === "list_item") {
        if (!list) { list = el("ul"); prose.appendChild(list); }
        list.appendChild(node);
      } else {
        list = null;
        prose.appendChild(node);
      }
    });
    var hard = document.getElementById("hardest");
    hard.textContent = "";
    hardest.forEach(function (h) {
      if (!h) return;
      var li = el("li");
      var go = el("button", "difficulty " + h[1] + ":", "link");
      go.type = "button";
      go.addEventListener("click", function () {
        h[0].focus(); h[0].scrollIntoView({block: "center"});
      });
      li.appendChild(go);
      li.appendChild(el("span", " " + shortSentence(h[2])));
      hard.appendChild(li);
    });
    if (!hard.children.length) hard.appendChild(el("li", "None: no sentence scores that high."));
    var problems = document.getElementById("problems");
    problems.textContent = "";
    detail.problems.forEach(function (p, i) {
      var li = el("li");
      li.appendChild(el("span", p[4], "sev"));
      // the spaces stand outside the button: inside it, a browser drops them ("INFOline 10")
      li.appendChild(document.createTextNode(" "));
      var where = "line " + p[0] + ", column " + p[1] + " (" + p[2] + " " + p[3] + "):";
      if (byProblem[i]) {
        var go = el("button", where, "link");
        go.type = "button";
        go.addEventListener("click", function () {
          byProblem[i].focus(); byProblem[i].scrollIntoView({block: "center"});
        });
        li.appendChild(go);
      } else {
        li.appendChild(el("span", where));
      }
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", p[5]));
      problems.appendChild(li);
    });
    if (!problems.children.length) problems.appendChild(el("li", "No problems."));
    count();
    view.setAttribute("aria-busy", "false");
  }

  draw();
})();
