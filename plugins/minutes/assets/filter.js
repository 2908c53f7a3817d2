// Filters of the decisions log and the actions page: show the records whose data- attributes match every chosen value.
// Works without a server; with Material's instant navigation it runs again on every page change.
// The count's words come from the page (data-format of the form's output), so that templates own them.
// A candidate (data-found="candidate": read from the text below the confidence the site shows) stays hidden,
// and out of the count's total, unless the Found filter chooses candidates.
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
      var candidates = chosen.found === "candidate";
      function counted(record) {
        return candidates || record.getAttribute("data-found") !== "candidate";
      }
      // An action item of two owners is listed under each: the count is of records, once each.
      var shown = {};
      records.forEach(function (record, index) {
        var visible = counted(record) && Object.keys(chosen).every(function (key) {
          var values = (record.getAttribute("data-" + key) || "").split(" ");
          return values.indexOf(chosen[key]) >= 0;
        });
        record.hidden = !visible;
        if (visible) shown[record.getAttribute("data-record") || index] = true;
      });
      // A year (or an owner's group of action items) with nothing left in it goes too.
      document.querySelectorAll(".minutes-year, .minutes-filter-group").forEach(function (year) {
        year.hidden = !year.querySelector(".minutes-record:not([hidden])");
      });
      if (count) {
        var format = count.getAttribute("data-format") || "{shown} / {total}";
        var total = {};
        records.forEach(function (record, index) {
          if (counted(record)) total[record.getAttribute("data-record") || index] = true;
        });
        count.textContent = format
          .replace("{shown}", Object.keys(shown).length)
          .replace("{total}", Object.keys(total).length);
      }
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }
  // Material's instant navigation announces each new page on document$; without it, set up once loaded.
  var pages = typeof document$ === "undefined" ? null : document$;
  if (pages) pages.subscribe(setUp);
  else if (document.readyState !== "loading") setUp();
  else document.addEventListener("DOMContentLoaded", setUp);
})();
