// 对比 page: compare without leaving the page (the form also works without JavaScript).
"use strict";

(function () {
  const form = document.getElementById("compare-form");
  gaogen.enhance(form, document.getElementById("compare-status"));
})();
