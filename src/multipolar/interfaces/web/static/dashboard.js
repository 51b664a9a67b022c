// The dashboard: "the world on a day". Every view reads a JSON twin (/world/DAY.json, /api/...),
// the page's state lives in the URL (/world/2008-09-07?measure=gdp), charts are Vega-Lite.
"use strict";

const state = JSON.parse(document.body.dataset.state);
const DAY_MS = 86400000;
const FIRST = Date.UTC(1816, 0, 1);
const MEASURE_NAMES = {
  cinc: "CINC", gdp: "GDP", milex: "military spending",
  gdp_longrun: "GDP (long run)", milex_nmc: "military spending (COW)",
};
// the brief may answer a chosen measure with its long-run twin (gdp -> gdp_longrun before 1960)
const isMeasure = (name, chosen) => name === chosen || name.startsWith(`${chosen}_`);
const BLOC_COLOURS = {
  NATO: "#2c6fbb", EU: "#f2b134", EEC: "#f2b134", WARSAW_PACT: "#c8312f", COMECON: "#e57368",
  SEATO: "#7fb2de", CENTO: "#8f7cc4", SCO: "#e07b24", CSTO: "#9b2226", BRICS: "#3f8f4e",
};
const EMBED = { actions: { export: true, source: false, compiled: false, editor: false } };
const views = {};  // chart id -> Vega view, to move cursors without re-drawing
let world = null;

const $ = (id) => document.getElementById(id);
const dayIndex = (day) => Math.round((Date.parse(day) - FIRST) / DAY_MS);
const indexDay = (i) => new Date(FIRST + i * DAY_MS).toISOString().slice(0, 10);
const pct = (x) => (x === null || x === undefined ? "NA" : `${(100 * x).toFixed(1)}%`);
const longDay = (day) => new Date(day + "T00:00:00Z").toLocaleDateString("en-GB",
  { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const escapeHtml = (text) => String(text).replace(/[&<>"']/g,
  (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

async function getJSON(url, options) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function say(text, isError) {
  const status = $("status");
  status.textContent = text || "";
  status.className = isError ? "error" : "";
}

function sourcesText(sources, year) {
  const named = (sources || []).map((s) => `${s.dataset} ${s.version}`).join(" · ");
  return `${year ? `Data year ${year}. ` : ""}Source: ${named || "n/a"}.`;
}

async function draw(id, spec, renderer) {
  if (typeof spec.height === "object") spec.autosize = { type: "fit-x", contains: "padding" };  // a row per item
  const embedded = await vegaEmbed(`#${id}`, spec, { ...EMBED, renderer: renderer || "svg" });
  if (views[id]) views[id].finalize();
  views[id] = embedded.view;
  return embedded.view;
}

// --- the URL -----------------------------------------------------------------------------------
function twins() {
  const { date, measure } = state;
  return {
    world: `/world/${date}.json`,
    polarity: `/api/polarity?from=1816&measure=${measure}`,
    shares: `/views/blocs.json?measure=${measure}`,
    history: `/api/history?org=${encodeURIComponent($("org").value || "NATO")}`,
    compare: scenarioUrl(),
    read: "/views/read",
  };
}

function showState(push) {
  const url = `/world/${state.date}?measure=${state.measure}`;
  if (push) history.pushState(state, "", url); else history.replaceState(state, "", url);
  document.title = `The world on ${longDay(state.date)} · multipolar`;
  $("title").textContent = `The world on ${longDay(state.date)}`;
  $("date").value = state.date;
  $("slider").value = dayIndex(state.date);
  $("measure").value = state.measure;
  $("twin").href = twins().world;
  for (const link of document.querySelectorAll("a.twin")) link.href = twins()[link.dataset.twin];
}

// --- the day's views ---------------------------------------------------------------------------
async function loadDay(push) {
  showState(push);
  const asked = state.date;
  say("Loading…");
  try {
    const answer = await getJSON(`/world/${asked}.json`);
    if (asked !== state.date) return;  // a later day was chosen meanwhile
    world = answer;
    await Promise.all([drawVerdicts(), drawMap(), drawPowers(), drawBlocs()]);
    moveCursors();
    say("");
  } catch (error) {
    say(error.message, true);
  }
}

function measureUsed(measure) {
  return (world.brief.measures_used || []).find((m) => isMeasure(m.measure, measure)) || {};
}

// The year whose figures describe the day: the brief's (the last complete year before it with
// data, as the analysis layer decides), never the day's own calendar year.
const dataYear = () => (world ? measureUsed(state.measure).year ?? null : null);
const cursorNote = () => (dataYear() === null ? `no ${MEASURE_NAMES[state.measure]} data for the chosen day.` :
  `the dashed line is ${dataYear()}, the data year of ${world.date} (the brief's).`);

function drawVerdicts() {
  const cards = (world.brief.polarity || []).map((p) => {
    const used = measureUsed(p.measure);
    const chosen = isMeasure(p.measure, state.measure) ? " chosen" : "";
    if (!p.verdict) {
      return `<div class="verdict${chosen}"><div class="measure">${escapeHtml(MEASURE_NAMES[p.measure] || p.measure)}</div>
        <div class="word na">no data</div><div class="detail">${escapeHtml(used.description || "")}</div></div>`;
    }
    return `<div class="verdict${chosen}" data-measure="${p.measure}">
      <div class="measure">${escapeHtml(MEASURE_NAMES[p.measure] || p.measure)} · ${p.year}</div>
      <div class="word ${p.verdict}">${escapeHtml(p.verdict)}</div>
      <div class="detail">leader <b>${escapeHtml(p.leader)}</b> ${pct(p.leader_share)} of the majors ·
        ${p.poles} pole${p.poles === 1 ? "" : "s"} · ENP ${p.enp.toFixed(2)}</div></div>`;
  });
  $("verdicts").innerHTML = cards.join("");
  const years = (world.brief.polarity || []).map((p) => `${MEASURE_NAMES[p.measure] || p.measure} ${p.year}`).join(", ");
  const sources = (world.brief.measures_used || []).flatMap((m) => m.sources);
  $("verdict-source").textContent = `Among the major powers, as of ${world.date}; data years: ${years}. ` +
    sourcesText(sources);
}

function blocColours(blocs) {
  const domain = [...blocs, "in no bloc shown"];
  const others = ["#6a8d3a", "#b5832a", "#4f8f95", "#8a5a3c", "#7d6bb0", "#c0605a", "#3d7d5c", "#4d74a8"];
  const range = domain.map((b, i) => BLOC_COLOURS[b] || others[i % others.length]);
  range[range.length - 1] = "#d9d4c7";
  return { domain, range };
}

async function drawMap() {
  const shapes = world.map.states.map((s) => ({
    ...s, bloc: s.bloc === "none" ? "in no bloc shown" : s.bloc,
    blocs_text: s.blocs.join(", ") || "none",
  }));
  const { domain, range } = blocColours(world.map.blocs);
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: "container", height: 340, autosize: { type: "fit", contains: "padding" },
    projection: { type: "equalEarth" },
    data: { url: "/static/vendor/world-atlas/countries-110m.json", format: { type: "topojson", feature: "countries" } },
    transform: [
      { lookup: "id", from: { data: { values: shapes }, key: "id", fields: ["iso3", "cow", "name", "bloc", "blocs_text", "major"] } },
      { calculate: "datum.bloc || 'not a state that day'", as: "bloc" },
    ],
    mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.5, cursor: "pointer" },
    encoding: {
      color: {
        field: "bloc", type: "nominal", title: null,
        scale: { domain: [...domain, "not a state that day"], range: [...range, "#f1efe9"] },
        legend: { orient: "bottom", columns: 4, symbolType: "square", labelFontSize: 11 },
      },
      tooltip: [
        { field: "name", title: "state" }, { field: "iso3", title: "ISO3" },
        { field: "blocs_text", title: "blocs" }, { field: "major", title: "major power" },
      ],
    },
    config: { view: { stroke: null } },
  };
  const view = await draw("map", spec);
  view.addEventListener("click", (event, item) => {
    if (item && item.datum && item.datum.cow) showCountry(`cow:${item.datum.cow}`, item.datum.name);
  });
  $("map-source").textContent = `${world.map.notes.join(" ")} Blocs as on ${world.date}; a state in several is coloured ` +
    `by the first listed. Source: multipolar curated memberships (orgs/data/memberships.csv), COW state system.`;
}

async function showCountry(code, name) {
  const panel = $("state-panel");
  panel.innerHTML = `<h3>${escapeHtml(name)}</h3><p class="hint">Loading…</p>`;
  try {
    const answer = await getJSON(`/api/memberships?country=${code}&date=${state.date}`);
    const rows = answer.memberships.map((m) => {
      const obligations = ["defense", "offense", "neutral", "nonagg", "consul"].filter((o) => m[o]).join(", ");
      const label = m.kind === "organisation" ? m.name || m.id : `ATOP ${m.id}${m.name ? ` (${m.name})` : ""}`;
      return `<li><b>${escapeHtml(label)}</b> ${escapeHtml(m.status || "")}
        <span class="since">since ${escapeHtml(m.since || "?")}</span>${obligations ? ` · ${escapeHtml(obligations)}` : ""}</li>`;
    });
    panel.innerHTML = `<h3>${escapeHtml(name)} on ${escapeHtml(answer.date)}</h3>
      <p>${answer.memberships.length} memberships and alliances
        <a href="/api/memberships?country=${code}&date=${state.date}">JSON</a></p>
      <ul>${rows.join("")}</ul><p class="source">${escapeHtml(sourcesText(answer.sources))}</p>`;
  } catch (error) {
    panel.innerHTML = `<h3>${escapeHtml(name)}</h3><p class="error">${escapeHtml(error.message)}</p>`;
  }
}

async function drawPowers() {
  const measure = state.measure;
  const rows = (world.brief.top_powers || [])
    .map((p) => ({ name: p.name, iso3: p.iso3, share: p.share[Object.keys(p.share).find((k) => isMeasure(k, measure))] }))
    .filter((p) => p.share !== null && p.share !== undefined);
  const used = measureUsed(measure);
  await draw("powers", {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: "container", height: 260, data: { values: rows },
    mark: { type: "bar", color: "#35618f", cornerRadiusEnd: 2 },
    encoding: {
      y: { field: "name", type: "nominal", sort: "-x", title: null },
      x: { field: "share", type: "quantitative", axis: { format: "%" }, title: `share of world ${MEASURE_NAMES[measure]}` },
      tooltip: [{ field: "name" }, { field: "share", format: ".1%" }],
    },
  });
  $("powers-source").textContent = `The ten largest by CINC on ${world.date}, shares of world ${MEASURE_NAMES[measure]}. ` +
    sourcesText(used.sources, used.year);
}

async function drawBlocs() {
  const rows = [];
  for (const bloc of [...(world.brief.blocs || []), ...(world.brief.scenarios || [])]) {
    const label = bloc.label || bloc.org;
    for (const [measure, share] of Object.entries(bloc.share)) {
      if (share !== null) rows.push({ bloc: `${label} (${bloc.members_n})`, measure: MEASURE_NAMES[measure], share });
    }
  }
  if (!rows.length) {
    $("blocs").innerHTML = `<p class="hint">None of the blocs the brief compares existed on ${world.date}.</p>`;
  } else {
    await draw("blocs", {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: "container", height: { step: 9 }, data: { values: rows },
      mark: { type: "bar", cornerRadiusEnd: 2 },
      encoding: {
        y: { field: "bloc", type: "nominal", sort: null, title: null },
        yOffset: { field: "measure" },
        x: { field: "share", type: "quantitative", axis: { format: "%" }, title: "share of the world" },
        color: { field: "measure", type: "nominal", title: null, scale: { range: ["#35618f", "#7aa974", "#c9803e"] },
          legend: { orient: "top" } },
        tooltip: [{ field: "bloc" }, { field: "measure" }, { field: "share", format: ".1%" }],
      },
    });
  }
  const years = (world.brief.measures_used || []).map((m) => `${MEASURE_NAMES[m.measure] || m.measure} ${m.year}`).join(", ");
  $("blocs-source").textContent = `Members as on ${world.date} (counts in brackets; what-ifs as the brief frames them); ` +
    `data years ${years}. ` + sourcesText(world.brief.sources.filter((s) => !s.dataset.startsWith("atop")));
}

function lineColours(blocs) {
  const domain = blocs.filter((b) => BLOC_COLOURS[b]);
  return { domain, range: domain.map((b) => BLOC_COLOURS[b]) };
}

// --- over time ---------------------------------------------------------------------------------
const cursorLayer = () => ({
  data: { values: [{}] },
  transform: [{ calculate: "cursor", as: "year" }],
  mark: { type: "rule", color: "#b03a2e", strokeWidth: 1.5, strokeDash: [4, 2] },
  encoding: { x: { field: "year", type: "quantitative" } },
});

async function drawOverTime() {
  const measure = state.measure;
  const year = dataYear();
  try {
    const polarity = await getJSON(`/api/polarity?from=1816&measure=${measure}`);
    const rows = polarity.polarity.flatMap((r) => [
      { year: r.year, index: "effective number of poles", value: r.enp },
      { year: r.year, index: "concentration (CON)", value: r.con },
    ]).filter((r) => r.value !== null);
    await draw("polarity-chart", {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: "container", height: 220, params: [{ name: "cursor", value: year }],
      layer: [{
        data: { values: rows }, mark: { type: "line", strokeWidth: 1.5 },
        encoding: {
          x: { field: "year", type: "quantitative", axis: { format: "d" }, title: null, scale: { nice: false } },
          y: { field: "value", type: "quantitative", title: null },
          color: { field: "index", type: "nominal", title: null, legend: { orient: "top" } },
          tooltip: [{ field: "year" }, { field: "index" }, { field: "value", format: ".2f" }],
        },
      }, cursorLayer()],
    });
    overTimeSources["polarity-source"] = [`Among the ${polarity.among}, by ${MEASURE_NAMES[measure]}, ` +
      `${polarity.from}-${polarity.to};`, sourcesText(polarity.sources)];
  } catch (error) {
    $("polarity-chart").innerHTML = `<p class="error">${escapeHtml(error.message)}</p>`;
  }
  try {
    const shares = await getJSON(`/views/blocs.json?measure=${measure}`);
    if (measure !== state.measure) return;
    await draw("shares-chart", {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: "container", height: 220, params: [{ name: "cursor", value: year }],
      layer: [{
        data: { values: shares.shares.filter((r) => r.share !== null) }, mark: { type: "line", strokeWidth: 1.5 },
        encoding: {
          x: { field: "year", type: "quantitative", axis: { format: "d" }, title: null, scale: { nice: false } },
          y: { field: "share", type: "quantitative", axis: { format: "%" }, title: null },
          color: { field: "bloc", type: "nominal", title: null, scale: lineColours(shares.blocs), legend: { orient: "top", columns: 5 } },
          tooltip: [{ field: "year" }, { field: "bloc" }, { field: "members_n", title: "members" }, { field: "share", format: ".1%" }],
        },
      }, cursorLayer()],
    });
    overTimeSources["shares-source"] = [`Share of world ${MEASURE_NAMES[measure]}, members at each year's end, ` +
      `${shares.from}-${shares.to};`, sourcesText(shares.sources)];
  } catch (error) {
    $("shares-chart").innerHTML = `<p class="error">${escapeHtml(error.message)}</p>`;
  }
  moveCursors();
}

const overTimeSources = {};  // element id -> [what the chart shows, its sources]: the cursor's year goes between

function moveCursors() {
  const year = dataYear();
  for (const id of ["polarity-chart", "shares-chart"]) {
    if (views[id]) views[id].signal("cursor", year).runAsync();
  }
  for (const [id, [what, sources]] of Object.entries(overTimeSources)) {
    $(id).textContent = `${what} ${cursorNote()} ${sources}`;
  }
  if (views["org-chart"]) views["org-chart"].signal("cursor", Date.parse(state.date)).runAsync();
}

// --- an organisation's membership over time ----------------------------------------------------
async function loadOrgs() {
  const answer = await getJSON("/api/orgs");
  $("org").innerHTML = answer.orgs.map((o) => `<option value="${escapeHtml(o.id)}">${escapeHtml(o.name)} (${escapeHtml(o.id)})</option>`).join("");
  $("org").value = "NATO";
  await drawOrg();
}

function spansOf(events) {
  const open = {};
  const spans = [];
  const close = (iso3, day) => {
    if (open[iso3]) spans.push({ ...open[iso3], end: day });
    delete open[iso3];
  };
  for (const e of events) {
    if (e.event === "joined" || e.event === "status changed") {
      close(e.iso3, e.date);
      open[e.iso3] = { iso3: e.iso3, name: e.name, status: e.status, start: e.date };
    } else {
      close(e.iso3, e.date);
    }
  }
  for (const iso3 of Object.keys(open)) close(iso3, state.today);
  return spans;
}

async function drawOrg() {
  const org = $("org").value;
  try {
    const answer = await getJSON(`/api/history?org=${encodeURIComponent(org)}`);
    const spans = spansOf(answer.events);
    const order = [...new Set(answer.events.map((e) => e.name))];
    await draw("org-chart", {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: "container", height: { step: 11 }, params: [{ name: "cursor", value: Date.parse(state.date) }],
      layer: [{
        data: { values: spans }, mark: { type: "bar", height: 8 },
        encoding: {
          y: { field: "name", type: "nominal", sort: order, title: null, axis: { labelFontSize: 10 } },
          x: { field: "start", type: "temporal", title: null, axis: { orient: "top" } },
          x2: { field: "end" },
          color: { field: "status", type: "nominal", title: "status", legend: { orient: "top" } },
          tooltip: [{ field: "name" }, { field: "status" }, { field: "start" }, { field: "end" }],
        },
      }, {
        data: { values: [{}] }, transform: [{ calculate: "cursor", as: "day" }],
        mark: { type: "rule", color: "#b03a2e", strokeDash: [4, 2] },
        encoding: { x: { field: "day", type: "temporal" } },
      }],
    });
    $("org-source").textContent = `${answer.org_name}: each row a state, each bar a spell with its status; ` +
      `the dashed line is the chosen day. ${answer.notes[0] || ""} ` + sourcesText(answer.sources);
    for (const link of document.querySelectorAll("a.twin")) link.href = twins()[link.dataset.twin];
  } catch (error) {
    $("org-chart").innerHTML = `<p class="error">${escapeHtml(error.message)}</p>`;
  }
}

// --- the scenario builder ----------------------------------------------------------------------
function scenarioUrl() {
  const query = new URLSearchParams({ date: state.date, measure: state.measure });
  for (const bloc of $("sc-blocs").value.split(/\s+/).filter(Boolean)) query.append("blocs", bloc);
  for (const add of $("sc-add").value.split(/\s+/).filter(Boolean)) query.append("add", add);
  for (const remove of $("sc-remove").value.split(/\s+/).filter(Boolean)) query.append("remove", remove);
  return `/api/compare?${query}`;
}

async function runScenario(event) {
  if (event) event.preventDefault();
  const url = scenarioUrl();
  $("scenario-card").querySelector("a.twin").href = url;
  try {
    const answer = await getJSON(url);
    // without a change compare gives no share_before; with one, null means the bloc had no share
    const before = (b) => ("share_before" in b ? b.share_before : b.share);
    const rows = answer.blocs.flatMap((b) => [
      { bloc: b.bloc, when: "as it was", share: before(b) },
      { bloc: b.bloc, when: "with the changes", share: b.share },
    ]);
    await draw("scenario-chart", {
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      width: "container", height: { step: 14 }, data: { values: rows },
      mark: { type: "bar", cornerRadiusEnd: 2 },
      encoding: {
        y: { field: "bloc", type: "nominal", sort: null, title: null }, yOffset: { field: "when" },
        x: { field: "share", type: "quantitative", axis: { format: "%" }, title: `share of world ${MEASURE_NAMES[state.measure]}` },
        color: { field: "when", type: "nominal", title: null, scale: { range: ["#9fb3c8", "#35618f"] }, legend: { orient: "top" } },
        tooltip: [{ field: "bloc" }, { field: "when" }, { field: "share", format: ".1%" }],
      },
    });
    const polarity = answer.polarity.map((p) => `<li>${escapeHtml({ states: "each state an actor", blocs: "blocs as actors", scenario: "after the changes" }[p.actors] || p.actors)}:
      <b class="word ${p.verdict || ""}">${escapeHtml(p.verdict || "NA")}</b>${p.leader ? `, leader ${escapeHtml(p.leader)} ${pct(p.leader_share)}, ENP ${p.enp.toFixed(2)}` : ""}</li>`);
    $("scenario-table").innerHTML = `<table><thead><tr><th>bloc</th><th>members</th><th>share before</th><th>share</th><th>change</th></tr></thead><tbody>` +
      answer.blocs.map((b) => `<tr><td title="${escapeHtml(b.origin || "")}">${escapeHtml(b.bloc)}</td><td>${b.members_n}</td>
        <td>${pct(before(b))}</td><td>${pct(b.share)}</td><td class="${(b.change || 0) > 0 ? "up" : (b.change || 0) < 0 ? "down" : ""}">${b.change === undefined ? "" : pct(b.change)}</td></tr>`).join("") +
      `</tbody></table><h3>Polarity of world shares</h3><ul class="polarity">${polarity.join("")}</ul>`;
    $("scenario-source").textContent = `${MEASURE_NAMES[answer.measure]} ${answer.year}, blocs as on ${answer.date}. ` +
      `${answer.notes.join(" ")} ` + sourcesText(answer.sources, answer.year);
  } catch (error) {
    $("scenario-table").innerHTML = `<p class="error">${escapeHtml(error.message)}</p>`;
  }
}

// --- the article checker -----------------------------------------------------------------------
const VERDICT_CLASS = {
  correct: "good", supported: "good", linked: "good", "came true": "good",
  wrong: "bad", contradicted: "bad", "did not come true": "bad",
  incomplete: "warn", "partly supported": "warn", outdated: "warn", premature: "warn",
};

function highlighted(text, report) {
  const spans = [
    ...report.claims.map((c) => ({ ...c, label: `${c.org} ${c.what || c.status}: ${c.verdict}` })),
    ...report.nature_claims.map((c) => ({ ...c, label: `${c.org} ${c.claim}: ${c.verdict}` })),
    ...report.conflicts.map((c) => ({ ...c, label: `conflict: ${c.verdict}` })),
    ...report.inconsistencies.flatMap((i) => i.mentions.map((m) => ({ ...m, verdict: "inconsistent", label: i.message }))),
  ].filter((s) => Number.isInteger(s.start)).sort((a, b) => a.start - b.start);
  let html = "";
  let at = 0;
  spans.forEach((s, i) => {
    if (s.start < at) return;  // overlapping: the first one shown
    html += escapeHtml(text.slice(at, s.start));
    html += `<mark class="${VERDICT_CLASS[s.verdict] || "warn"}" title="${escapeHtml(s.label)}" data-claim="${i}">${escapeHtml(text.slice(s.start, s.end))}</mark>`;
    at = s.end;
  });
  return html + escapeHtml(text.slice(at));
}

function membershipEvidence(c) {
  const missing = c.missing || [];
  const notHolding = c.not_holding || [];
  const files = [...new Set((c.rows || []).map((row) => row.file).filter(Boolean))];
  const evidence = c.evidence || {};
  return [
    missing.length ? `left out: ${missing.map((m) => `${m.name || m.iso3} (since ${m.since})`).join(", ")}` : "",
    notHolding.length ? `not so that day: ${notHolding.map((m) => `${m.name || m.iso3} (${m.status_that_day || m.status || "none"})`).join(", ")}` : "",
    c.reason || evidence.reason || "",
    `evidence: ${files.join(", ") || evidence.dataset || "the membership data"} as of ${evidence.date || claimTime(c)}`,
  ].filter(Boolean).map(escapeHtml).join("<br>");
}

const claimTime = (c) => (c.time && c.time.value) || "the article's date";

function claimItem(kind, c, detail) {
  return `<li><span class="chip ${VERDICT_CLASS[c.verdict] || "warn"}">${escapeHtml(c.verdict)}</span>
    <b>${escapeHtml(kind)}</b> “${escapeHtml(c.text)}”${c.reported || c.attributed ? " <i>(reported)</i>" : ""}
    <div class="evidence">${detail}</div></li>`;
}

async function checkArticle(event) {
  if (event) event.preventDefault();
  const text = $("article").value;
  if (!text.trim()) { $("article-status").textContent = "Paste an article first."; return; }
  const date = $("article-date").value;
  $("article-status").textContent = "Checking…";
  try {
    const answer = await getJSON(`/views/read${date ? `?date=${date}` : ""}`, {
      method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: text,
    });
    const r = answer.report;
    $("article-status").textContent = r.date ? `Checked as of ${r.date} (date from ${r.date_source}).` : "No date found: claims are left unchecked.";
    $("article-text").innerHTML = highlighted(answer.text, r);
    const items = [
      ...r.claims.map((c) => claimItem(`${c.org} ${c.what || c.status}`, c, membershipEvidence(c))),
      ...r.nature_claims.map((c) => claimItem(`${c.org} ${c.claim}`, c, escapeHtml(`${c.evidence.reason || ""} (${c.evidence.dataset || ""})`))),
      ...r.conflicts.map((c) => claimItem("conflict", c, escapeHtml(
        `${c.participants.join(", ") || "no parties"}, ${c.year}: ${c.records.map((x) => `${x.dataset} ${x.id}`).join(", ") || "no record"}`))),
      ...r.inconsistencies.map((i) => `<li><span class="chip warn">inconsistent</span> ${escapeHtml(i.message)}</li>`),
    ];
    $("article-claims").innerHTML = `<h3>${escapeHtml(r.title || "The article")}</h3>` +
      (items.length ? `<ul class="claims">${items.join("")}</ul>` : `<p class="hint">No claims found to check.</p>`) +
      (r.notes.length ? `<p class="note">${r.notes.map(escapeHtml).join("<br>")}</p>` : "");
    $("article-source").textContent = sourcesText(r.sources);
  } catch (error) {
    $("article-status").textContent = error.message;
    $("article-status").className = "error";
  }
}

function acceptDrops() {
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", async (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const file = e.dataTransfer.files[0];
    if (file) { $("article").value = await file.text(); checkArticle(); }
  });
}

// --- the time bar ------------------------------------------------------------------------------
async function drawMarks() {
  const answer = await getJSON("/views/changes.json");
  const last = Number($("slider").max);
  const svg = $("marks");
  svg.innerHTML = answer.changes.map((c) => {
    const x = (100 * dayIndex(c.date)) / last;
    return `<line x1="${x}%" x2="${x}%" y1="0" y2="10"><title>${escapeHtml(c.date)}: ${escapeHtml(c.events.slice(0, 6).join("; "))}${c.events.length > 6 ? "…" : ""}</title></line>`;
  }).join("");
}

let playing = null;
async function play() {
  if (playing) { clearTimeout(playing); playing = null; $("play").textContent = "▶ Play"; return; }
  $("play").textContent = "❚❚ Pause";
  const step = async () => {
    const next = new Date(Date.parse(state.date) + 365.25 * DAY_MS).toISOString().slice(0, 10);
    if (next > state.today) { play(); return; }
    state.date = next;
    await loadDay(false);
    if (playing) playing = setTimeout(step, 400);
  };
  playing = setTimeout(step, 0);
}

function choose(day, push) {
  if (!day || day < "1816-01-01" || day > state.today || day === state.date) return;
  state.date = day;
  loadDay(push);
  runScenario();
}

function wire() {
  $("slider").max = dayIndex(state.today);
  $("slider").addEventListener("input", () => { $("date").value = indexDay(Number($("slider").value)); });
  $("slider").addEventListener("change", () => choose(indexDay(Number($("slider").value)), true));
  $("date").addEventListener("change", () => choose($("date").value, true));
  $("measure").addEventListener("change", () => {
    state.measure = $("measure").value;
    loadDay(true);
    drawOverTime();
    runScenario();
  });
  $("play").addEventListener("click", play);
  $("org").addEventListener("change", drawOrg);
  $("scenario").addEventListener("submit", runScenario);
  $("article-form").addEventListener("submit", checkArticle);
  acceptDrops();
  window.addEventListener("popstate", (e) => {
    if (e.state) { Object.assign(state, e.state); loadDay(false); }
  });
}

wire();
loadDay(false).then(() => {
  drawMarks();
  drawOverTime();
  loadOrgs();
  runScenario();
});
