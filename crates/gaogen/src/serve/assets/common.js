// gaogen serve: helpers shared by the three pages. Written for this project; no framework.
"use strict";

const gaogen = {
  base: document.body.dataset.base || "",

  url(path) {
    return this.base + path;
  },

  // Offers bytes as a file to save.
  save(blob, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 1000);
  },

  // The Chinese sentence of an error answer ({"error": "…"}), or a generic one.
  async errorOf(response) {
    try {
      const body = await response.json();
      if (body && body.error) return body.error;
    } catch (_) {
      /* not JSON */
    }
    return "服务器返回错误（HTTP " + response.status + "）";
  },

  // Sends a form as multipart and puts the #results of the page answered in place of ours.
  enhance(form, status, done) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      status.textContent = "正在处理，请稍候…";
      form.classList.add("busy");
      try {
        const response = await fetch(form.action, { method: "POST", body: data });
        const html = await response.text();
        const page = new DOMParser().parseFromString(html, "text/html");
        const fresh = page.getElementById("results");
        const results = document.getElementById("results");
        if (fresh) {
          results.replaceChildren(...Array.from(fresh.childNodes).map((n) => document.importNode(n, true)));
        } else {
          results.textContent = "服务器返回错误（HTTP " + response.status + "）";
        }
        status.textContent = response.ok ? "完成。" : "未能完成，见下方说明。";
        if (done) done(response.ok, data);
      } catch (e) {
        status.textContent = "无法连接服务器：" + e.message;
      } finally {
        form.classList.remove("busy");
      }
    });
  },
};
