// End-to-end tests of `gaogen serve` in a real browser: Playwright (playwright-core) driving
// Debian's chromium. Run by .ci/run:  node tests/browser/run.mjs GAOGEN_BINARY SCREENSHOT_DIR
// The server runs under the path prefix /gaogen, as behind a reverse proxy.
import { chromium } from "playwright-core";
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const gaogen = resolve(process.argv[2] || join(root, "target/debug/gaogen"));
const shots = resolve(process.argv[3] || join(root, "target/browser"));
mkdirSync(shots, { recursive: true });
const shared = resolve(root, "../shared");
const BASE = "/gaogen";

function startServer() {
  return new Promise((ok, fail) => {
    const child = spawn(gaogen, ["serve", "--addr", "127.0.0.1:0", "--base-path", BASE], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/gaogen\//);
      if (m) ok({ child, url: m[0] });
    });
    child.on("exit", (code) => fail(new Error("server exited " + code + ": " + out)));
    setTimeout(() => fail(new Error("server did not start: " + out)), 15000);
  });
}

const { child, url } = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
const page = await context.newPage();
const problems = [];
page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
page.on("pageerror", (e) => problems.push(String(e)));
page.on("request", (r) => { if (!r.url().startsWith(url.replace(/\/gaogen\/$/, "")) && !r.url().startsWith("blob:")) problems.push("external request: " + r.url()); });
let failed = 0;

async function step(name, body) {
  try {
    await body();
    assert.deepEqual(problems, [], "console errors, CSP violations or external requests");
    console.log("ok   " + name);
  } catch (e) {
    failed++;
    console.log("FAIL " + name + "\n     " + String(e.stack || e).split("\n").slice(0, 6).join("\n     "));
    await page.screenshot({ path: join(shots, "failed-" + name.replace(/\W+/g, "_") + ".png"), fullPage: true }).catch(() => {});
    problems.length = 0;
  }
}

await step("检查: the broken sum is shown at its line", async () => {
  await page.goto(url);
  await page.setInputFiles("#check-files", join(root, "tests/browser/fixtures/township_2024_broken.txt"));
  await page.click("#check-submit");
  const diag = page.locator('#f1-l37 .diag.error[data-code="T3-1"]').first();
  await diag.waitFor({ timeout: 20000 });
  assert.match(await diag.textContent(), /左边 9 \+ 1 = 10，右边 9 \+ 0 = 9，相差 1/);
  assert.equal(await page.locator("#summary tbody tr td.n-error").first().textContent(), "2");
  assert.ok(await page.locator("table.grid td.cell.broken").count() > 0, "cells in the broken sum are marked");
  await page.screenshot({ path: join(shots, "check.png"), fullPage: false });
  await page.locator("#f1-l37").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await page.screenshot({ path: join(shots, "check-line.png"), fullPage: false });
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('#downloads button[data-format="json"]')]);
  const json = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(json.totals.errors, 2);
  assert.equal(json.files[0].diagnostics[0].span.line, 37);
});

// Waits until a locator's text is `text` (polling from here: the page's CSP forbids eval).
async function waitText(locator, text, ms = 15000) {
  const end = Date.now() + ms;
  let seen;
  while (Date.now() < end) {
    seen = await locator.textContent();
    if (seen === text) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(seen, text);
}

// Waits until a locator's text matches `pattern`.
async function waitMatch(locator, pattern, ms = 15000) {
  const end = Date.now() + ms;
  let seen;
  while (Date.now() < end) {
    seen = await locator.textContent();
    if (pattern.test(seen)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.match(seen, pattern);
}

async function fillAll(value) {
  await page.$$eval("#write-form input.num", (els, v) => els.forEach((e) => { e.value = v; }), value);
}

await step("编写: totals and T3-1 computed by the server as one types; the .docx reads back", async () => {
  await page.goto(url + "write");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.fill('input[name="report.agency"]', "青禾县白石镇人民政府");
  await page.fill('input[name="report.year"]', "2025");
  for (const k of ["preamble", "overview", "problems", "other"]) {
    await page.fill(`textarea[name="text.${k}"]`, "本年度按照条例要求做好政府信息公开工作，未收取信息处理费。");
  }
  await fillAll("0");
  await page.fill('input[name="applications/disclosed/0"]', "3");
  await page.fill('input[name="applications/new_requests/0"]', "3");
  const total = page.locator('output[data-cell="applications/new_requests/total"]');
  await waitText(total, "3");
  await waitMatch(page.locator("#live-counts"), /^（0 个错误，/);
  // One more request than were handled: T3-1 breaks, the cells are marked, then it heals.
  await page.fill('input[name="applications/new_requests/0"]', "5");
  const t31 = page.locator('#live-diagnostics .diag.error[data-code="T3-1"]');
  await t31.first().waitFor();
  assert.match(await t31.first().textContent(), /左边 5 \+ 0 = 5，右边 3 \+ 0 = 3，相差 2/);
  assert.equal(await total.textContent(), "5");
  assert.ok(await page.locator('input[name="applications/new_requests/0"].broken').count() === 1);
  await page.locator("table.t3").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "write.png"), fullPage: false });
  await page.fill('input[name="applications/disclosed/0"]', "5");
  await t31.first().waitFor({ state: "detached" });
  await waitMatch(page.locator("#live-counts"), /^（0 个错误，/);
  await waitText(page.locator('output[data-cell="applications/results_total/natural_person"]'), "5");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#dl-docx")]);
  const docx = await download.path();
  const model = JSON.parse(execFileSync(gaogen, ["parse", docx], { encoding: "utf8" }));
  const t3 = model.tables.applications.rows;
  const value = (row, col) => t3.find((r) => r.id === row).cells.find((c) => c.column === col).value.value;
  assert.equal(value("new_requests", "natural_person"), 5);
  assert.equal(value("disclosed", "natural_person"), 5);
  assert.equal(value("results_total", "total"), 5);
  assert.equal(model.agency, "青禾县白石镇人民政府");
  // The same draft as an Excel workbook, checked back by gaogen with the same numbers.
  const [book] = await Promise.all([page.waitForEvent("download"), page.click("#dl-xlsx")]);
  const xlsx = join(shots, "report.xlsx");
  await book.saveAs(xlsx);
  const checked = JSON.parse(execFileSync(gaogen, ["check", "--format", "json", xlsx], { encoding: "utf8" }));
  assert.equal(checked.totals.errors, 0);
  assert.equal(checked.files[0].summary.cells_read, 200);
});

await step("编写: the draft survives a reload; next year starts from last year's report", async () => {
  await page.reload();
  await waitText(page.locator('output[data-cell="applications/new_requests/total"]'), "5");
  assert.equal(await page.inputValue('input[name="applications/new_requests/0"]'), "5");
  await page.setInputFiles("#load-next", join(root, "examples/published/township_2023.txt"));
  await waitText(page.locator("#write-status"), "已载入 township_2023.txt。");
  assert.equal(await page.inputValue('input[name="report.year"]'), "2024");
  assert.equal(await page.inputValue('input[name="report.agency"]'), "青禾县白石镇人民政府");
  // 上年结转 = last year's 结转下年度; 现行有效件数 carried.
  assert.equal(await page.inputValue('input[name="applications/carried_over/0"]'), "1");
  assert.equal(await page.inputValue('input[name="active_disclosure/normative_documents/2"]'), "15");
  await waitText(page.locator('output[data-cell="applications/carried_over/total"]'), "1");
});

await step("对比: the changed cells, the chain and the copied text", async () => {
  await page.goto(url + "compare");
  const pdf = join(shared, "corpus/pdf");
  const pair = existsSync(join(pdf, "hongze_district_2024.pdf"))
    ? [join(pdf, "hongze_district_2023.pdf"), join(pdf, "hongze_district_2024.pdf"), ["行政许可", "550", "9487"]]
    : [join(root, "examples/published/township_2023.txt"), join(root, "examples/published/township_2024.txt"), ["行政许可", "126", "141"]];
  await page.setInputFiles("#compare-old", pair[0]);
  await page.setInputFiles("#compare-new", pair[1]);
  await page.click("#compare-submit");
  const [label, before, after] = pair[2];
  const row = page.locator("table.changes tr", { hasText: label }).first();
  await row.waitFor({ timeout: 30000 });
  assert.equal(await row.locator("td.old").textContent(), before);
  assert.equal(await row.locator("td.new").textContent(), after);
  assert.ok(await page.locator("table.chain tr").count() > 1, "the year chain is shown");
  assert.ok(await page.locator("section.reuse span.copied").count() > 0, "copied text is highlighted");
  await page.screenshot({ path: join(shots, "compare.png"), fullPage: false });
  await page.locator("section.reuse").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, "compare-reuse.png"), fullPage: false });
});

await browser.close();
child.kill();
console.log(failed ? failed + " browser test(s) failed; screenshots in " + shots : "browser tests passed; screenshots in " + shots);
process.exit(failed ? 1 : 0);
