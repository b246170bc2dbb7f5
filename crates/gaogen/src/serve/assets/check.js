// 检查 page: drop files, check them without leaving the page, download the results.
"use strict";

(function () {
  const form = document.getElementById("check-form");
  const input = document.getElementById("check-files");
  const drop = document.getElementById("drop");
  const status = document.getElementById("check-status");
  const downloads = document.getElementById("downloads");
  let lastData = null;

  const names = { json: "gaogen-check.json", sarif: "gaogen-check.sarif", csv: "gaogen-check.csv" };

  const showChosen = () => {
    const n = input.files.length;
    drop.querySelector("span").textContent =
      n === 0 ? "点击选择文件，或把文件拖到这里" : "已选择 " + n + " 个文件：" +
        Array.from(input.files).map((f) => f.name).join("、");
  };
  input.addEventListener("change", showChosen);
  ["dragenter", "dragover"].forEach((t) =>
    drop.addEventListener(t, (e) => {
      e.preventDefault();
      drop.classList.add("over");
    }));
  ["dragleave", "drop"].forEach((t) =>
    drop.addEventListener(t, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      showChosen();
    }
  });

  gaogen.enhance(form, status, (ok, data) => {
    lastData = data;
    downloads.hidden = !ok;
  });

  downloads.addEventListener("click", async (event) => {
    const format = event.target.dataset && event.target.dataset.format;
    if (!format || !lastData) return;
    status.textContent = "正在生成 " + format.toUpperCase() + "…";
    const response = await fetch(gaogen.url("/api/check?format=" + format), { method: "POST", body: lastData });
    if (!response.ok) {
      status.textContent = await gaogen.errorOf(response);
      return;
    }
    gaogen.save(await response.blob(), names[format]);
    status.textContent = "已下载 " + names[format] + "。";
  });
})();
