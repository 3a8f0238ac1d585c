// vnfa explorer: run SPARQL against /sparql, show rows, links to download them, and the network view.
"use strict";

const $ = (id) => document.getElementById(id);
const ENDPOINT = "/sparql";
const ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";
let examples = [];

function show(id, text) {
  const node = $(id);
  node.textContent = text || "";
  node.hidden = !text;
}

function cell(term) {
  const td = document.createElement("td");
  if (term && term.type === "uri") {
    const link = document.createElement("a");
    link.href = "#";
    link.textContent = term.value;
    link.title = "DESCRIBE";
    link.addEventListener("click", (event) => {
      event.preventDefault();
      describe(term.value);
    });
    td.appendChild(link);
  } else {
    td.textContent = term ? term.value : "";
    if (term && term["xml:lang"]) td.lang = term["xml:lang"];
  }
  return td;
}

function renderTable(data) {
  const table = document.createElement("table");
  table.id = "results-table";
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const name of data.head.vars) row.appendChild(cell(binding[name]));
  }
  return table;
}

function renderResults(data, text, type) {
  const box = $("results");
  box.replaceChildren();
  if (!type.includes("json")) {
    const pre = document.createElement("pre");
    pre.textContent = text;
    box.appendChild(pre);
    return "graph";
  }
  if ("boolean" in data) {
    const p = document.createElement("p");
    p.id = "ask-answer";
    p.textContent = data.boolean ? "Có · true" : "Không · false";
    box.appendChild(p);
    return "boolean";
  }
  box.appendChild(renderTable(data));
  return "solutions";
}

function setDownloads(query, kind) {
  const q = encodeURIComponent(query);
  $("download-csv").href = `${ENDPOINT}?format=csv&query=${q}`;
  $("download-json").href = `${ENDPOINT}?format=json&query=${q}`;
  $("downloads").hidden = kind !== "solutions";
}

async function drawNetwork(query) {
  const box = $("network");
  box.textContent = "Đang vẽ… · Drawing…";
  const response = await fetch("/api/draw", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ query }),
  });
  const text = await response.text();
  if (!response.ok) {
    box.textContent = text;
    return;
  }
  box.innerHTML = text.slice(text.indexOf("<svg"));
}

async function run() {
  const query = $("query").value;
  show("error", "");
  show("notice", "");
  $("status").textContent = "Đang chạy… · Running…";
  const started = performance.now();
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: ACCEPT },
      body: new URLSearchParams({ query }),
    });
  } catch (error) {
    $("status").textContent = "";
    show("error", `Không kết nối được · Cannot reach the server: ${error}`);
    return;
  }
  const text = await response.text();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    $("status").textContent = `Lỗi · Error ${response.status}`;
    show("error", text);
    $("results").replaceChildren();
    $("downloads").hidden = true;
    return;
  }
  const type = response.headers.get("Content-Type") || "";
  const kind = renderResults(type.includes("json") ? JSON.parse(text) : null, text, type);
  const rows = response.headers.get("Vnfa-Rows") || "0";
  $("status").textContent = `${rows} dòng · rows, ${seconds} s`;
  if (response.headers.get("Vnfa-Truncated") === "true") {
    const limit = response.headers.get("Vnfa-Row-Limit");
    show("notice", `Kết quả dừng ở giới hạn ${limit} dòng · Results stopped at the ${limit}-row limit: thêm LIMIT/OFFSET · add LIMIT/OFFSET`);
  }
  setDownloads(query, kind);
  if (kind !== "boolean") await drawNetwork(query);
}

async function loadExamples() {
  const response = await fetch("/api/queries");
  examples = await response.json();
  const select = $("examples");
  for (const example of examples) {
    const option = document.createElement("option");
    option.value = example.name;
    option.textContent = `${example.name} — ${example.description}`;
    select.appendChild(option);
  }
  select.addEventListener("change", () => {
    const chosen = examples.find((e) => e.name === select.value);
    if (chosen) {
      $("query").value = chosen.query;
      $("example-description").textContent = chosen.description;
    }
  });
}

function describe(iri) {
  $("query").value = `DESCRIBE <${iri}>`;
  run();
}

$("run").addEventListener("click", run);
$("network").addEventListener("click", (event) => {
  const link = event.target.closest("a");
  if (!link) return;
  event.preventDefault();
  describe(link.getAttribute("xlink:href") || link.getAttribute("href"));
});
$("query").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run();
});
$("endpoint").textContent = new URL(ENDPOINT, window.location.href).href;
loadExamples();
