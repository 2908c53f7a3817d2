// Filters of the decisions log: show the decisions whose data- attributes match every chosen value.
// Works without a server; with Material's instant navigation it runs again on every page change.
(function () {
  function setUp() {
    var form = document.querySelector("form.minutes-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var records = Array.prototype.slice.call(document.querySelectorAll(".minutes-record"));
    var count = form.querySelector(".minutes-filter-count");
    function apply() {
      var chosen = {};
      form.querySelectorAll("select").forEach(function (select) {
        if (select.value) chosen[select.name] = select.value;
      });
      var shown = 0;
      records.forEach(function (record) {
        var visible = Object.keys(chosen).every(function (key) {
          var values = (record.getAttribute("data-" + key) || "").split(" ");
          return values.indexOf(chosen[key]) >= 0;
        });
        record.hidden = !visible;
        if (visible) shown += 1;
      });
      // A year heading with nothing left under it goes too.
      document.querySelectorAll(".md-content h2[id^='year-']").forEach(function (heading) {
        var next = heading.nextElementSibling, any = false;
        while (next && next.tagName !== "H2") {
          if (next.classList.contains("minutes-record") && !next.hidden) any = true;
          next = next.nextElementSibling;
        }
        heading.hidden = !any;
      });
      if (count) count.textContent = shown + " of " + records.length + " decisions";
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
