// 编写 page: the form is written out as report.toml and sent to the server, which computes every
// total and runs every rule (the same library code as the command line). Nothing is computed here.
"use strict";

(function () {
  const form = document.getElementById("write-form");
  const status = document.getElementById("write-status");
  const list = document.getElementById("live-diagnostics");
  const counts = document.getElementById("live-counts");
  const DRAFT = "gaogen-draft-v1";
  const TABLES = ["active_disclosure", "applications", "reviews_and_litigation"];
  const TEXTS = ["preamble", "overview", "active_disclosure", "applications",
    "reviews_and_litigation", "problems", "other"];

  const field = (name) => form.elements.namedItem(name);
  const value = (name) => {
    const el = field(name);
    return el ? el.value : "";
  };

  // A TOML basic string (JSON's escapes are TOML's; DEL is the one control JSON leaves bare).
  const str = (s) => JSON.stringify(s).replace(/\u007f/g, "\\u007F");
  // A cell: digits are a number, anything else (a fee, a typo, blank) is a string for the
  // server to judge; blank is "" (not filled in), never 0.
  const cell = (s) => {
    const t = s.trim();
    return /^\d{1,15}$/.test(t) ? String(Number(t)) : str(t);
  };

  function toToml() {
    const out = ["[report]"];
    out.push("agency = " + str(value("report.agency").trim()));
    const year = value("report.year").trim();
    out.push("year = " + (/^\d{1,4}$/.test(year) ? year : str(year)));
    out.push('format = "2021"');
    for (const k of ["date", "contact"]) {
      const v = value("report." + k).trim();
      if (v) out.push(k + " = " + str(v));
    }
    out.push("", "[text]");
    for (const k of TEXTS) out.push(k + " = " + str(value("text." + k)));
    const rows = {};
    for (const el of form.querySelectorAll("input.num")) {
      const [table, row, index] = el.name.split("/");
      rows[table] = rows[table] || {};
      rows[table][row] = rows[table][row] || [];
      rows[table][row][Number(index)] = cell(el.value);
    }
    for (const t of TABLES) {
      out.push("", "[" + t + "]");
      for (const [row, values] of Object.entries(rows[t] || {})) {
        out.push(row + " = [" + Array.from(values, (v) => v || '""').join(", ") + "]");
      }
    }
    return out.join("\n") + "\n";
  }

  function fields() {
    const out = {};
    for (const el of form.elements) if (el.name) out[el.name] = el.value;
    return out;
  }

  function fill(values) {
    for (const el of form.elements) {
      if (!el.name) continue;
      if (el.name === "report.year") el.value = values[el.name] || "2025";
      else el.value = values[el.name] || "";
    }
  }

  function node(tag, cls, text) {
    const n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;
    return n;
  }

  function diagnostic(d) {
    const box = node("div", "diag " + d.severity);
    box.dataset.code = d.code;
    const head = node("div", "head");
    head.append(node("span", "sev", d.severity_text), " ", node("code", "", d.code), " " + d.message);
    box.append(head);
    if (d.equation) box.append(node("div", "eq", d.equation));
    if (d.culprit_text) box.append(node("div", "culprit", d.culprit_text));
    if (d.help) box.append(node("div", "help", "修改办法：" + d.help));
    return box;
  }

  function show(result) {
    for (const out of form.querySelectorAll("output[data-cell]")) {
      out.textContent = result.cells[out.dataset.cell] || "";
    }
    for (const el of form.querySelectorAll(".broken, .culprit, .invalid")) {
      el.classList.remove("broken", "culprit", "invalid");
    }
    const mark = (selector, cls) => form.querySelectorAll(selector).forEach((el) => el.classList.add(cls));
    const open = [];
    const assessable = [];
    for (const d of result.diagnostics) {
      (d.not_assessable ? assessable : open).push(d);
      if (d.not_assessable) continue;
      for (const c of d.cells) mark('[data-cell="' + CSS.escape(c) + '"]', "broken");
      if (d.culprit) mark('[data-cell="' + CSS.escape(d.culprit) + '"]', "culprit");
      if (d.field && d.field.includes("/")) mark('input[name^="' + CSS.escape(d.field + "/") + '"]', "invalid");
      else if (d.field) mark('[name="' + CSS.escape(d.field) + '"]', "invalid");
    }
    counts.textContent = "（" + result.errors + " 个错误，" + result.warnings + " 个警告）";
    const items = [];
    if (open.length === 0) items.push(node("p", "ok", "没有发现错误或警告。"));
    for (const d of open) items.push(diagnostic(d));
    if (assessable.length) {
      const more = node("details", "assessable");
      more.append(node("summary", "", "无法评估的规则 " + assessable.length + " 条（有空白的格子；不算通过）"));
      for (const d of assessable) more.append(diagnostic(d));
      items.push(more);
    }
    list.replaceChildren(...items);
  }

  let timer = null;
  let sequence = 0;
  async function compute() {
    const mine = ++sequence;
    try {
      const response = await fetch(gaogen.url("/write/compute"), {
        method: "POST",
        headers: { "content-type": "application/toml; charset=utf-8" },
        body: toToml(),
      });
      if (mine !== sequence) return;
      if (!response.ok) {
        status.textContent = await gaogen.errorOf(response);
        return;
      }
      show(await response.json());
      form.dataset.computed = String(mine);
    } catch (e) {
      status.textContent = "无法连接服务器：" + e.message;
    }
  }

  form.addEventListener("input", () => {
    try {
      localStorage.setItem(DRAFT, JSON.stringify(fields()));
    } catch (_) {
      /* storage full or disabled: report.toml is the save file */
    }
    clearTimeout(timer);
    timer = setTimeout(compute, 300);
  });

  async function load(input, mode) {
    const file = input.files[0];
    if (!file) return;
    const data = new FormData();
    data.append("mode", mode);
    data.append("file", file);
    status.textContent = "正在读取 " + file.name + "…";
    const response = await fetch(gaogen.url("/write/load"), { method: "POST", body: data });
    input.value = "";
    if (!response.ok) {
      status.textContent = await gaogen.errorOf(response);
      return;
    }
    const body = await response.json();
    fill(body.fields);
    localStorage.setItem(DRAFT, JSON.stringify(fields()));
    status.textContent = "已载入 " + file.name + "。" + (body.note || "");
    compute();
  }
  document.getElementById("load-next").addEventListener("change", (e) => load(e.target, "next"));
  document.getElementById("load-open").addEventListener("change", (e) => load(e.target, "open"));

  document.querySelector(".toolbar .downloads").addEventListener("click", async (event) => {
    const target = event.target;
    if (target.id === "dl-toml") {
      gaogen.save(new Blob([toToml()], { type: "application/toml" }), "report.toml");
      return;
    }
    const format = target.id === "dl-xlsx" ? "xlsx" : target.dataset && target.dataset.format;
    if (!format) return;
    status.textContent = "正在生成…";
    const url = format === "xlsx" ? "/write/xlsx" : "/api/render?format=" + format;
    const response = await fetch(gaogen.url(url), {
      method: "POST",
      headers: { "content-type": "application/toml; charset=utf-8" },
      body: toToml(),
    });
    if (!response.ok) {
      status.textContent = await gaogen.errorOf(response);
      return;
    }
    gaogen.save(await response.blob(), "report." + format);
    status.textContent = "已下载 report." + format + "。";
  });

  document.getElementById("clear-draft").addEventListener("click", () => {
    if (!confirm("清空草稿？浏览器中保存的内容将被删除（已下载的 report.toml 不受影响）。")) return;
    localStorage.removeItem(DRAFT);
    fill({});
    compute();
  });

  try {
    const saved = localStorage.getItem(DRAFT);
    if (saved) fill(JSON.parse(saved));
  } catch (_) {
    /* a damaged draft is ignored */
  }
  compute();
})();
