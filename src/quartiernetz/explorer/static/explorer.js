/* quartiernetz network explorer. Every text from the data goes into the page with
   textContent (never innerHTML); the data come from the JSON element #qn-data. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("qn-data").textContent);
  var A = D.actors;
  var N = A.label.length;
  var W = D.words;
  var BIG = N > D.detail_max;
  var GREY = "#9A9A9A";
  var CUT = "#D9D9D9";
  var state = {
    lang: D.lang,
    sectors: new Set(D.sectors.map(function (_, i) { return i; })),
    types: new Set(D.types.map(function (_, i) { return i; })),
    relations: new Set(D.relations.map(function (_, i) { return i; })),
    minIntensity: null,
    competition: false,
    duplicates: false,
    suggestions: false,
    communities: false,
    whatif: false,
    selected: null,
    groupBy: "community",
    part: null // in a large network: the group whose actors are shown (null: overview)
  };

  // ------------------------------------------------------------------ helpers
  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fmt(value, digits) {
    var f = new Intl.NumberFormat(state.lang === "de" ? "de-DE" : "en-GB", {
      maximumFractionDigits: digits === undefined ? 2 : digits
    });
    return f.format(value);
  }
  function w(key) { return W[state.lang][key]; }
  /* the report's templates: {name}, and {n:ONE|MANY} (a # in a form places the number) */
  function say(template, values) {
    return template.replace(/\{(\w+)(?::([^}|]*)\|([^}]*))?\}/g, function (_, key, one, many) {
      var v = values[key];
      var shown = typeof v === "number" ? fmt(v) : String(v);
      if (one === undefined) return shown;
      var form = v === 1 ? one : many;
      return form.indexOf("#") >= 0 ? form.replace("#", shown) : shown + " " + form;
    });
  }
  function short(text, n) {
    n = n || 38;
    return text.length <= n ? text : text.slice(0, n - 1).replace(/\s+$/, "") + "\u2026";
  }
  function typeName(t) {
    var name = D.types[t].name;
    return name === null ? w("no_type") : name;
  }
  function sectorName(s) { return D.sectors[s][state.lang]; }
  function actorSector(i) { return D.types[A.type[i]].sector; }
  function label(i) { return A.label[i]; }

  // ------------------------------------------------------------ graph structure
  var partners = [];
  var rivals = [];
  for (var i = 0; i < N; i++) { partners.push([]); rivals.push([]); }
  D.ties.forEach(function (t) { partners[t[0]].push(t[1]); partners[t[1]].push(t[0]); });
  D.competition.forEach(function (p) { rivals[p[0]].push(p[1]); rivals[p[1]].push(p[0]); });
  var intensities = [];
  D.ties.forEach(function (t) {
    t[3].forEach(function (r) { if (r[1] !== null) intensities.push(r[1]); });
  });
  intensities = Array.from(new Set(intensities)).sort(function (a, b) { return a - b; });
  var duplicateActors = new Set();
  D.duplicates.forEach(function (d) { d.actors.forEach(function (a) { duplicateActors.add(a); }); });

  /* actors cut off when actor v leaves: those of v's component outside the largest piece
     left behind (as quartiernetz.removal_impact counts them) */
  function cutOff(v) {
    var seen = new Uint8Array(N);
    seen[v] = 1;
    var pieces = [];
    partners[v].forEach(function (start) {
      if (seen[start]) return;
      var piece = [start];
      seen[start] = 1;
      for (var k = 0; k < piece.length; k++) {
        var nb = partners[piece[k]];
        for (var j = 0; j < nb.length; j++) {
          if (!seen[nb[j]]) { seen[nb[j]] = 1; piece.push(nb[j]); }
        }
      }
      pieces.push(piece);
    });
    var largest = -1;
    pieces.forEach(function (p, k) { if (largest < 0 || p.length > pieces[largest].length) largest = k; });
    var out = new Set();
    pieces.forEach(function (p, k) { if (k !== largest) p.forEach(function (a) { out.add(a); }); });
    return out;
  }

  // ------------------------------------------------------------------ search
  function keys(text) {
    var lower = text.toLocaleLowerCase("de");
    var plain = lower.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/\u00df/g, "ss");
    var written = lower.replace(/\u00e4/g, "ae").replace(/\u00f6/g, "oe").replace(/\u00fc/g, "ue")
      .replace(/\u00df/g, "ss").normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return [plain, written];
  }
  var searchKeys = A.label.map(function (l, i) { return keys(l + " " + A.id[i]).join("\u0000"); });
  function search(query) {
    var q = keys(query.trim());
    if (!q[0]) return [];
    var hits = [];
    for (var i = 0; i < N && hits.length < 50; i++) {
      var k = searchKeys[i];
      if (k.indexOf(q[0]) >= 0 || k.indexOf(q[1]) >= 0) hits.push(i);
    }
    hits.sort(function (a, b) {
      var sa = keys(A.label[a])[0].indexOf(q[0]) === 0 ? 0 : 1;
      var sb = keys(A.label[b])[0].indexOf(q[0]) === 0 ? 0 : 1;
      return sa - sb || A.label[a].localeCompare(A.label[b], "de");
    });
    return hits;
  }
  var hits = [];
  var active = -1;
  function showHits() {
    var list = $("qn-hits");
    var input = $("qn-search");
    list.replaceChildren();
    hits.forEach(function (a, k) {
      var li = el("li", null);
      li.id = "qn-hit-" + k;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", k === active ? "true" : "false");
      li.appendChild(el("span", label(a)));
      li.appendChild(el("span", typeName(A.type[a]), "qn-hit-type"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
      li.addEventListener("click", function () { choose(a); });
      list.appendChild(li);
    });
    var open = hits.length > 0 && input.value.trim() !== "";
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", "qn-hit-" + active);
      var item = $("qn-hit-" + active);
      if (item && item.scrollIntoView) item.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
    $("qn-hits-status").textContent = input.value.trim() === "" ? "" :
      hits.length ? say(w("hits"), { n: hits.length }) : w("no_hits");
  }
  function choose(a) {
    hits = [];
    active = -1;
    showHits();
    select(a, { focusPanel: true, center: true });
  }

  // -------------------------------------------------------------- the network
  // symbols and labels keep the static map's sizes in points (UNIT canvas units per
  // point); the positions (of all actors, or of the part shown) are scaled uniformly to
  // about 780 canvas units across, more for more actors, so that they do not pile up
  var UNIT = 1.5;
  var view = { f: 300, cx: 0, cy: 0 };
  function fitView() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, n = 0;
    shown.forEach(function (i) {
      x0 = Math.min(x0, A.x[i]); x1 = Math.max(x1, A.x[i]);
      y0 = Math.min(y0, A.y[i]); y1 = Math.max(y1, A.y[i]); n++;
    });
    var extent = Math.max(x1 - x0, y1 - y0);
    var target = 780 * Math.max(1, Math.sqrt(n / 300));
    view = n && extent > 0 ? { f: target / extent, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 }
      : { f: 300, cx: 0, cy: 0 };
  }
  var container = $("qn-map");
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var network = null;
  var shown = new Set(); // actor ids in the current view (all, or one part)
  var groupView = false; // showing the overview of groups

  function polygon(ctx, x, y, r, points) {
    ctx.beginPath();
    points.forEach(function (p, k) {
      var px = x + p[0] * r, py = y + p[1] * r;
      if (k === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    });
    ctx.closePath();
  }
  var CUSTOM = {
    plus: [[-.35, -1], [.35, -1], [.35, -.35], [1, -.35], [1, .35], [.35, .35], [.35, 1],
      [-.35, 1], [-.35, .35], [-1, .35], [-1, -.35], [-.35, -.35]],
    cross: [[-.7, -1], [0, -.3], [.7, -1], [1, -.7], [.3, 0], [1, .7], [.7, 1], [0, .3],
      [-.7, 1], [-1, .7], [-.3, 0], [-1, -.7]],
    pentagon: [0, 1, 2, 3, 4].map(function (k) {
      var a = -Math.PI / 2 + k * 2 * Math.PI / 5; return [Math.cos(a), Math.sin(a)];
    }),
    triangleLeft: [[-1, 0], [.8, -.95], [.8, .95]],
    triangleRight: [[1, 0], [-.8, -.95], [-.8, .95]]
  };
  function customRenderer(shape) {
    return function (o) {
      return {
        drawNode: function () {
          var ctx = o.ctx;
          polygon(ctx, o.x, o.y, o.style.size, CUSTOM[shape]);
          ctx.fillStyle = o.style.color;
          ctx.fill();
          ctx.lineWidth = o.style.borderWidth;
          ctx.strokeStyle = o.style.borderColor;
          ctx.stroke();
        },
        nodeDimensions: { width: 2 * o.style.size, height: 2 * o.style.size }
      };
    };
  }

  function baseColor(i) {
    if (state.communities && A.community[i] !== null) {
      return D.community_colors[A.community[i]] || GREY;
    }
    return D.types[A.type[i]].color;
  }
  var topRank = new Map();
  D.top.forEach(function (a, k) { topRank.set(a, k + 1); });
  function nodeLabel(i) {
    if (topRank.has(i)) return topRank.get(i) + ". " + short(label(i));
    if (i === state.selected) return short(label(i));
    return undefined;
  }
  function actorNode(i, cut) {
    var shape = D.types[A.type[i]].shape;
    var color = cut && cut.has(i) ? CUT : baseColor(i);
    var dup = state.duplicates && duplicateActors.has(i);
    var node = {
      id: i,
      x: (A.x[i] - view.cx) * view.f,
      y: -(A.y[i] - view.cy) * view.f,
      size: Math.max(A.r[i], 2) * UNIT,
      label: nodeLabel(i),
      shape: CUSTOM[shape] ? "custom" : shape,
      color: {
        background: color, border: dup ? "#000000" : "#ffffff",
        highlight: { background: color, border: "#000000" },
        hover: { background: color, border: "#000000" }
      },
      borderWidth: (dup ? 1.5 : 1) * UNIT,
      shadow: dup ? { enabled: true, color: "rgba(0,0,0,0.9)", size: 10 * UNIT, x: 0, y: 0 } : false,
      borderWidthSelected: Math.min(4, Math.max(1.5, 0.6 * Math.max(A.r[i], 2))) * UNIT,
      hidden: !actorVisible(i)
    };
    if (CUSTOM[shape]) node.ctxRenderer = customRenderer(shape);
    return node;
  }
  function actorVisible(i) {
    return shown.has(i) && state.sectors.has(actorSector(i)) && state.types.has(A.type[i]);
  }
  function tieVisible(t) {
    if (!actorVisible(t[0]) || !actorVisible(t[1])) return false;
    var min = state.minIntensity;
    for (var k = 0; k < t[3].length; k++) {
      var r = t[3][k];
      if (!state.relations.has(r[0])) continue;
      if (min === null || intensities.length === 0 || min <= intensities[0]) return true;
      if (r[1] !== null && r[1] >= min) return true;
    }
    return t[3].length === 0 && (min === null || min <= (intensities[0] || 0));
  }
  var TIE = { color: "#7F7F7F", opacity: N <= 300 ? 0.55 : 0.3 };
  function tieEdges() {
    var out = [];
    D.ties.forEach(function (t, k) {
      if (!shown.has(t[0]) || !shown.has(t[1])) return;
      out.push({
        id: "t" + k, from: t[0], to: t[1], width: t[2] * UNIT,
        color: { color: TIE.color, opacity: TIE.opacity, highlight: "#1a1a1a" },
        hidden: !tieVisible(t)
      });
    });
    D.competition.forEach(function (p, k) {
      if (!shown.has(p[0]) || !shown.has(p[1])) return;
      out.push({
        id: "c" + k, from: p[0], to: p[1], width: 1.3 * UNIT, dashes: [4 * UNIT, 2.5 * UNIT],
        color: { color: "#000000", opacity: 0.8, highlight: "#000000" },
        hidden: !(state.competition && actorVisible(p[0]) && actorVisible(p[1]))
      });
    });
    D.suggestions.forEach(function (s, k) {
      if (!shown.has(s.a) || !shown.has(s.b)) return;
      out.push({
        id: "s" + k, from: s.a, to: s.b, width: 1.5 * UNIT, dashes: [2 * UNIT, 5 * UNIT],
        color: { color: "#0072B2", opacity: 1, highlight: "#0072B2" },
        hidden: !(state.suggestions && actorVisible(s.a) && actorVisible(s.b))
      });
    });
    return out;
  }

  // the overview of a large network: one node per community (or sector)
  function groupOf(i) {
    return state.groupBy === "sector" ? actorSector(i) : A.community[i];
  }
  var groups = null;
  function buildGroups() {
    var by = new Map();
    for (var i = 0; i < N; i++) {
      var g = groupOf(i);
      if (g === null || g === undefined) g = -1;
      if (!by.has(g)) by.set(g, { key: g, members: [], x: 0, y: 0 });
      var e = by.get(g);
      e.members.push(i); e.x += A.x[i]; e.y += A.y[i];
    }
    var list = Array.from(by.values());
    list.forEach(function (e) { e.x /= e.members.length; e.y /= e.members.length; e.ties = 0; });
    list.sort(function (p, q) { return q.members.length - p.members.length || p.key - q.key; });
    var index = new Map(list.map(function (e, k) { return [e.key, k]; }));
    var between = new Map();
    D.ties.forEach(function (t) {
      var a = index.get(groupOf(t[0]) === null ? -1 : groupOf(t[0]));
      var b = index.get(groupOf(t[1]) === null ? -1 : groupOf(t[1]));
      if (a === b) return;
      list[a].ties++; list[b].ties++;
      var key = Math.min(a, b) + ":" + Math.max(a, b);
      between.set(key, (between.get(key) || 0) + 1);
    });
    groups = { list: list, between: between, index: index };
  }
  function groupName(g) {
    if (state.groupBy === "sector") return sectorName(g.key);
    return g.key < 0 ? w("none") : w("col_community") + " " + (g.key + 1);
  }
  function groupColor(g) {
    if (state.groupBy === "sector") {
      for (var t = 0; t < D.types.length; t++) if (D.types[t].sector === g.key) return D.types[t].color;
      return GREY;
    }
    return D.community_colors[g.key] || GREY;
  }
  function showOverview() {
    groupView = true;
    state.part = null;
    shown = new Set();
    if (!groups) buildGroups();
    var max = groups.list[0] ? groups.list[0].members.length : 1;
    var span = 0;
    groups.list.forEach(function (g) { span = Math.max(span, Math.abs(g.x), Math.abs(g.y)); });
    var sc = 350 / (span || 1);
    nodes.clear(); edges.clear();
    nodes.add(groups.list.map(function (g, k) {
      var c = groupColor(g);
      return {
        id: "g" + groups.index.get(g.key), x: g.x * sc, y: -g.y * sc,
        size: 4 + 20 * Math.sqrt(g.members.length / max), shape: "dot",
        // the 25 largest are named on the map; the panel lists all
        label: k < 25 ? short(groupName(g), 30) + " (" + fmt(g.members.length) + ")" : undefined,
        font: { size: 12, strokeWidth: 3 },
        color: { background: c, border: "#ffffff", highlight: { background: c, border: "#000000" } },
        borderWidth: 1
      };
    }));
    var list = [];
    groups.between.forEach(function (n, key) {
      var ab = key.split(":");
      list.push({
        id: "b" + key, from: "g" + ab[0], to: "g" + ab[1], width: 0.5 + Math.log(1 + n),
        color: { color: "#7F7F7F", opacity: 0.4 }
      });
    });
    edges.add(list);
    $("qn-back").hidden = true;
    renderOverviewBox();
    renderCount();
    if (network) network.fit({ animation: false });
  }
  function showPart(key) {
    groupView = false;
    state.part = key;
    shown = new Set();
    var g = groups.list[groups.index.get(key)];
    g.members.forEach(function (a) { shown.add(a); });
    renderActors();
    $("qn-back").hidden = false;
    renderOverviewBox();
    if (network) network.fit({ animation: false });
  }
  function renderActors() {
    fitView();
    var cut = state.whatif && state.selected !== null ? cutOff(state.selected) : null;
    nodes.clear(); edges.clear();
    var list = [];
    shown.forEach(function (i) { list.push(actorNode(i, cut)); });
    nodes.add(list);
    edges.add(tieEdges());
    renderCount();
    renderWhatif(cut);
  }
  /* update colours, borders, labels and visibility in place (no new layout) */
  function refresh() {
    if (groupView) { renderCount(); return; }
    var cut = state.whatif && state.selected !== null ? cutOff(state.selected) : null;
    var list = [];
    shown.forEach(function (i) { list.push(actorNode(i, cut)); });
    nodes.update(list);
    edges.update(tieEdges());
    renderCount();
    renderWhatif(cut);
  }

  function renderWhatif(cut) {
    var box = $("qn-whatif");
    if (!state.whatif) { box.textContent = ""; return; }
    if (state.selected === null) { box.textContent = w("whatif_none"); return; }
    var s = state.selected;
    var pairs = A.pairs_disconnected[s];
    box.textContent = say(w("whatif_result"), {
      name: label(s), n: pairs === null ? 0 : pairs, k: cut ? cut.size : 0
    });
  }
  function renderCount() {
    var visible = 0;
    shown.forEach(function (i) { if (actorVisible(i)) visible++; });
    $("qn-count").textContent = groupView ? say(w("overview_text"), { n: N }) :
      say(w("shown"), { n: visible, total: N });
  }

  // ------------------------------------------------------------ the side panel
  function actorButton(a) {
    var b = el("button", label(a), "qn-link");
    b.type = "button";
    b.addEventListener("click", function () { select(a, { focusPanel: true, center: true }); });
    return b;
  }
  function section(body, title, items, render) {
    body.appendChild(el("h3", title + " (" + fmt(items.length) + ")"));
    if (!items.length) { body.appendChild(el("p", w("none"), "qn-hint")); return; }
    var ul = el("ul");
    items.forEach(function (x) { var li = el("li"); li.appendChild(render(x)); ul.appendChild(li); });
    body.appendChild(ul);
  }
  function byLabel(list) {
    return list.slice().sort(function (a, b) { return A.label[a].localeCompare(A.label[b], "de"); });
  }
  function renderPanel() {
    var title = $("qn-panel-title");
    var body = $("qn-panel-body");
    body.replaceChildren();
    var s = state.selected;
    if (s === null) {
      title.textContent = groupView ? w("overview") : w("sec_map");
      if (groupView) { renderGroupList(body); return; }
      body.appendChild(el("p", w("no_actor")));
      return;
    }
    title.textContent = label(s);
    var dl = el("dl");
    function row(k, v) { dl.appendChild(el("dt", k)); dl.appendChild(el("dd", v)); }
    row(w("col_type"), typeName(A.type[s]));
    row(w("sector"), sectorName(actorSector(s)));
    if (A.score[s] !== null) {
      row(w("col_score"), fmt(A.score[s], 1) + (A.rank[s] !== null ? " (" + w("col_rank") + " " + fmt(A.rank[s]) + ")" : ""));
    }
    var why = state.lang === "de" ? A.why_de[s] : A.why_en[s];
    if (why) row(w("col_why"), why);
    if (A.community[s] !== null) row(w("col_community"), fmt(A.community[s] + 1));
    body.appendChild(dl);
    if (A.pairs_disconnected[s] !== null) {
      body.appendChild(el("h3", w("dependence")));
      body.appendChild(el("p", say(w("dependence_text"), { n: A.pairs_disconnected[s] })));
      body.appendChild(el("p", w("col_cut_off") + ": " + fmt(A.actors_cut_off[s]), "qn-hint"));
    }
    section(body, w("partners"), byLabel(partners[s]), actorButton);
    if (rivals[s].length) section(body, w("competitors"), byLabel(rivals[s]), actorButton);
    section(body, w("committees"), A.committees[s].map(function (k) { return D.items[k]; }),
      function (x) { return el("span", x); });
    section(body, w("offers"), A.offers[s].map(function (k) { return D.items[k]; }),
      function (x) { return el("span", x); });
    var dups = D.duplicates.filter(function (d) { return d.actors.indexOf(s) >= 0; });
    if (dups.length) {
      section(body, w("sec_duplicates"), dups, function (d) {
        var span = el("span");
        if (d.kind === "committee") {
          span.textContent = w("kind_committee") + ": " + say(w("pair"), { a: d.a, b: d.b });
        } else {
          var other = d.actors[0] === s ? d.actors[1] : d.actors[0];
          span.appendChild(document.createTextNode(w("kind_" + d.kind) + ": "));
          if (other !== undefined) span.appendChild(actorButton(other));
          if (d.shared && d.shared.length) {
            span.appendChild(document.createTextNode(" \u2013 " + say(w("ev_offer"), { items: d.shared.join(", ") })));
          }
        }
        return span;
      });
    }
    var comps = D.competitors.filter(function (c) { return c.members.indexOf(s) >= 0; });
    if (comps.length) {
      section(body, w("sec_competitors"), comps, function (c) {
        var span = el("span");
        var others = c.members.filter(function (m) { return m !== s; });
        others.forEach(function (m, k) {
          if (k) span.appendChild(document.createTextNode(", "));
          span.appendChild(actorButton(m));
        });
        if (c.offers.length) span.appendChild(document.createTextNode(" \u2013 " + say(w("basis_offers"), { items: c.offers.join(", ") })));
        else if (c.groups.length) span.appendChild(document.createTextNode(" \u2013 " + say(w("basis_groups"), { items: c.groups.join(", ") })));
        if (c.bridges.length) {
          span.appendChild(document.createTextNode("; " + w("col_bridges") + ": "));
          c.bridges.forEach(function (m, k) {
            if (k) span.appendChild(document.createTextNode(", "));
            span.appendChild(actorButton(m));
          });
        }
        return span;
      });
    }
    var suggs = D.suggestions.filter(function (g) { return g.a === s || g.b === s; });
    if (suggs.length) {
      section(body, w("sugg_title"), suggs, function (g) {
        var span = el("span");
        span.appendChild(actorButton(g.a === s ? g.b : g.a));
        if (g.common.length) {
          span.appendChild(document.createTextNode(" \u2013 " + say(w("sugg_partners"), {
            n: g.common.length, items: g.common.map(label).join(", ")
          })));
        }
        return span;
      });
    }
  }
  function renderGroupList(body) {
    body.appendChild(el("p", say(w("overview_text"), { n: N })));
    var ul = el("ul");
    groups.list.forEach(function (g) {
      var li = el("li");
      var b = el("button", groupName(g), "qn-link");
      b.type = "button";
      b.addEventListener("click", function () { showPart(g.key); renderPanel(); $("qn-panel-title").focus(); });
      li.appendChild(b);
      li.appendChild(document.createTextNode(" \u2013 " + say(w("part_actors"), { n: g.members.length }) +
        ", " + say(w("part_ties"), { n: g.ties })));
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }

  function select(a, opts) {
    opts = opts || {};
    if (a !== null && !shown.has(a) && BIG) {
      showPart(groupOf(a) === null ? -1 : groupOf(a));
    }
    var before = state.selected;
    state.selected = a;
    if (a !== null && !actorVisible(a)) {
      // a hidden actor chosen in the search: show its sector and type again
      state.sectors.add(actorSector(a)); state.types.add(A.type[a]);
      syncFilters();
    }
    if (!groupView) {
      var list = [];
      if (before !== null && shown.has(before)) list.push(before);
      if (a !== null) list.push(a);
      if (state.whatif) refresh();
      else if (list.length) nodes.update(list.map(function (i) { return { id: i, label: nodeLabel(i) }; }));
      if (a !== null) {
        network.selectNodes([a]);
        if (opts.center) network.focus(a, { scale: Math.max(network.getScale(), 0.8), animation: false });
      } else {
        network.unselectAll();
      }
    }
    renderPanel();
    renderWhatif(state.whatif && a !== null ? cutOff(a) : null);
    if (opts.focusPanel) $("qn-panel-title").focus();
  }

  // ---------------------------------------------------------------- controls
  function checkbox(parent, text, checked, onChange, color) {
    var lab = el("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    lab.appendChild(box);
    lab.appendChild(document.createTextNode(" "));
    if (color) {
      var g = el("span", "\u25cf", "qn-glyph");
      g.style.color = color;
      g.setAttribute("aria-hidden", "true");
      lab.appendChild(g);
    }
    lab.appendChild(el("span", text));
    parent.appendChild(lab);
    return box;
  }
  function clearFieldset(id) {
    var fs = $(id);
    Array.from(fs.children).forEach(function (c) { if (c.tagName !== "LEGEND") c.remove(); });
    return fs;
  }
  function sectorColor(s) {
    for (var t = 0; t < D.types.length; t++) if (D.types[t].sector === s) return D.types[t].color;
    return GREY;
  }
  function buildFilters() {
    var fs = clearFieldset("qn-sectors");
    D.sectors.forEach(function (_, s) {
      var box = checkbox(fs, sectorName(s), state.sectors.has(s), function (on) {
        if (on) state.sectors.add(s); else state.sectors.delete(s);
        refresh();
      }, sectorColor(s));
      box.dataset.sector = D.sectors[s].key;
    });
    fs = clearFieldset("qn-types");
    D.types.forEach(function (t, k) {
      var box = checkbox(fs, typeName(k), state.types.has(k), function (on) {
        if (on) state.types.add(k); else state.types.delete(k);
        refresh();
      });
      box.dataset.type = String(k);
    });
    fs = clearFieldset("qn-relations");
    D.relations.forEach(function (r, k) {
      var box = checkbox(fs, r, state.relations.has(k), function (on) {
        if (on) state.relations.add(k); else state.relations.delete(k);
        refresh();
      });
      box.dataset.relation = r;
    });
    var range = $("qn-intensity");
    var out = $("qn-intensity-value");
    range.max = String(Math.max(intensities.length - 1, 0));
    range.disabled = intensities.length < 2;
    range.value = String(state.minIntensity === null ? 0 : Math.max(intensities.indexOf(state.minIntensity), 0));
    out.textContent = intensities.length ? "\u2265 " + fmt(intensities[Number(range.value)]) : "\u2013";
  }
  function syncFilters() { buildFilters(); refresh(); }
  function bindToggles() {
    [["competition", "qn-t-competition"], ["duplicates", "qn-t-duplicates"],
      ["suggestions", "qn-t-suggestions"], ["communities", "qn-t-communities"],
      ["whatif", "qn-t-whatif"]].forEach(function (p) {
      var box = $(p[1]);
      box.checked = state[p[0]];
      box.addEventListener("change", function () { state[p[0]] = box.checked; refresh(); });
    });
    if (!D.competition.length) $("qn-t-competition").disabled = true;
    if (!D.duplicates.length) $("qn-t-duplicates").disabled = true;
    if (!D.suggestions.length) $("qn-t-suggestions").disabled = true;
    if (!D.community_colors.length) $("qn-t-communities").disabled = true;
    var range = $("qn-intensity");
    range.addEventListener("input", function () {
      state.minIntensity = intensities.length ? intensities[Number(range.value)] : null;
      $("qn-intensity-value").textContent = intensities.length ? "\u2265 " + fmt(state.minIntensity) : "\u2013";
      refresh();
    });
  }
  function renderOverviewBox() {
    var box = $("qn-overview");
    box.hidden = !BIG;
    if (!BIG) return;
    $("qn-overview-text").textContent = say(w("overview_text"), { n: N });
    var sel = $("qn-group-by");
    sel.replaceChildren();
    [["community", w("col_community")], ["sector", w("sector")]].forEach(function (o) {
      var opt = el("option", o[1]);
      opt.value = o[0];
      opt.selected = state.groupBy === o[0];
      sel.appendChild(opt);
    });
    $("qn-back").textContent = w("back");
  }
  var GLYPH = {
    dot: "\u25cf", square: "\u25a0", triangle: "\u25b2", diamond: "\u25c6", triangleDown: "\u25bc",
    hexagon: "\u2b22", star: "\u2605", plus: "\u271a", cross: "\u2716", pentagon: "\u2b1f",
    triangleLeft: "\u25c0", triangleRight: "\u25b6"
  };
  function renderLegend() {
    var ul = $("qn-legend");
    ul.replaceChildren();
    var last = -1;
    D.types.forEach(function (t, k) {
      if (t.sector !== last) { ul.appendChild(el("li", sectorName(t.sector), "qn-sector")); last = t.sector; }
      var li = el("li");
      var g = el("span", GLYPH[t.shape] || "\u25cf", "qn-glyph");
      g.style.color = t.color;
      g.setAttribute("aria-hidden", "true");
      li.appendChild(g);
      li.appendChild(el("span", short(typeName(k), 30)));
      ul.appendChild(li);
    });
    [["legend_competition", "dashed"], ["legend_suggestion", "dashed blue"], ["legend_duplicate", ""]]
      .forEach(function (p) {
        var li = el("li");
        var s = el("span", null, "qn-swatch " + p[1]);
        s.setAttribute("aria-hidden", "true");
        li.appendChild(s);
        li.appendChild(document.createTextNode(" " + w(p[0])));
        ul.appendChild(li);
      });
  }
  function applyLanguage(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach(function (e) { e.textContent = w(e.dataset.t); });
    $("qn-lang-de").setAttribute("aria-pressed", lang === "de" ? "true" : "false");
    $("qn-lang-en").setAttribute("aria-pressed", lang === "en" ? "true" : "false");
    container.setAttribute("aria-label", w("map_label"));
    var frame = container.querySelector(".vis-network");
    if (frame) {
      // the map's own keys: arrows pan, + and - zoom (vis-network's keyboard navigation)
      frame.setAttribute("role", "application");
      frame.setAttribute("aria-label", w("map_label") + ". " + w("keyboard"));
    }
    buildFilters();
    renderLegend();
    renderOverviewBox();
    renderCount();
    renderPanel();
    renderWhatif(state.whatif && state.selected !== null ? cutOff(state.selected) : null);
    if (groupView) showOverview();
  }

  // --------------------------------------------------------------------- start
  function start() {
    var t0 = performance.now();
    network = new vis.Network(container, { nodes: nodes, edges: edges }, {
      autoResize: true,
      physics: false,
      layout: { improvedLayout: false, randomSeed: 0 },
      interaction: {
        keyboard: { enabled: true, bindToWindow: false },
        dragNodes: false, hover: false, tooltipDelay: 3600000, multiselect: false,
        hideEdgesOnDrag: N > 1000, hideEdgesOnZoom: N > 1000
      },
      nodes: { font: { size: 13 * UNIT, color: "#1a1a1a", strokeWidth: 3 * UNIT, strokeColor: "#ffffff" } },
      edges: { smooth: false, selectionWidth: 0, hoverWidth: 0 }
    });
    network.once("afterDrawing", function () {
      window.qnExplorer.firstRender = performance.now();
      window.qnExplorer.buildTime = performance.now() - t0;
    });
    network.on("click", function (p) {
      if (p.nodes.length) {
        var id = p.nodes[0];
        if (typeof id === "string" && id.charAt(0) === "g") {
          var g = groups.list[Number(id.slice(1))];
          showPart(g.key); renderPanel();
        } else {
          select(id, {});
        }
      } else if (!groupView) {
        select(null, {});
      }
    });
    var input = $("qn-search");
    input.addEventListener("input", function () {
      hits = search(input.value); active = hits.length ? 0 : -1; showHits();
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" && hits.length) { active = (active + 1) % hits.length; showHits(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp" && hits.length) { active = (active - 1 + hits.length) % hits.length; showHits(); ev.preventDefault(); }
      else if (ev.key === "Enter" && active >= 0) { choose(hits[active]); ev.preventDefault(); }
      else if (ev.key === "Escape") { hits = []; active = -1; showHits(); }
    });
    $("qn-lang-de").addEventListener("click", function () { applyLanguage("de"); });
    $("qn-lang-en").addEventListener("click", function () { applyLanguage("en"); });
    $("qn-group-by").addEventListener("change", function (ev) {
      state.groupBy = ev.target.value; groups = null; state.selected = null; showOverview(); renderPanel();
    });
    $("qn-back").addEventListener("click", function () {
      state.selected = null; showOverview(); renderPanel(); $("qn-panel-title").focus();
    });
    bindToggles();
    if (BIG) {
      groupView = true; // applyLanguage draws the overview
      buildGroups();
    } else {
      for (var i = 0; i < N; i++) shown.add(i);
      renderActors();
    }
    applyLanguage(state.lang);
    network.fit({ animation: false });
  }

  /* what the browser tests and the benchmark look at */
  window.qnExplorer = {
    state: state,
    select: function (a) { select(a, { focusPanel: true, center: true }); },
    visibleActors: function () {
      return nodes.get({ filter: function (n) { return !n.hidden && typeof n.id === "number"; } })
        .map(function (n) { return n.id; });
    },
    visibleEdges: function (prefix) {
      return edges.get({ filter: function (e) { return !e.hidden && String(e.id).charAt(0) === prefix; } })
        .map(function (e) { return [e.from, e.to]; });
    },
    nodeColor: function (id) { var n = nodes.get(id); return n ? n.color.background : null; },
    nodeBorder: function (id) { var n = nodes.get(id); return n ? n.borderWidth / UNIT : null; },
    domPosition: function (id) {
      var p = network.getPositions([id])[id];
      return p ? network.canvasToDOM(p) : null;
    },
    cutOff: function (a) { return Array.from(cutOff(a)); },
    groupView: function () { return groupView; },
    redraw: function () { network.redraw(); },
    network: function () { return network; },
    firstRender: null,
    buildTime: null
  };
  start();
})();
