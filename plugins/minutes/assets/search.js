// Search with Pagefind: in Material's header box, and on the search page (search/) with its filters.
//
// Material's own script drives its header box through a lunr worker. The plugin's partials/search.html
// keeps the box's markup and classes, so that it looks and opens as Material's does (light and dark, the
// overlay at a phone's width), without the hooks through which Material's script would take it over
// (data-md-component="search", a form named "search"). This script answers it: results as you type in
// Material's result markup, "/", "s" or "f" to focus, arrows to move, Enter to follow, Escape to close.
// The Pagefind bundle (pagefind/ at the site root) loads on first use, and then only the chunks a query
// needs. Every result lands on its paragraph: a decision or an action item is a result of its own, and a
// hit in a meeting's notes links to the nearest element with an id above it (an entry, a heading).
(function () {
  "use strict";

  var HEADER_RESULTS = 10; // results rendered in the header box; the search page has them all
  var PAGE_RESULTS = 20; // results per "More results" on the search page
  // A query runs once typing pauses. Pagefind matches the last word as a prefix and fetches the chunks of
  // the index that hold it: one or two letters span many chunks, so a query whose last word is that short
  // waits for a longer pause (the reader may mean "CI"), and one keystroke never fetches for its own sake.
  var DEBOUNCE = 60; // ms without a keystroke before a query runs
  var SHORT_DEBOUNCE = 400; // the same, for a query whose last word has fewer than three letters

  var config = readConfig();
  var root = new URL(config.base || ".", location.href); // the site root: "/" or "/project/"
  var translations = config.translations || {};
  // Material's search.highlight: a result's address says what was searched (?h=), and the page it opens
  // marks those words, as Material's own search does.
  var HIGHLIGHT = (config.features || []).indexOf("search.highlight") >= 0;
  var pagefind = null;

  function readConfig() {
    var element = document.getElementById("__config");
    try {
      return element ? JSON.parse(element.textContent) : {};
    } catch (error) {
      return {};
    }
  }

  // Calls ``then`` once ``value`` has stayed the same for a while; a later call for the same timer wins.
  function debounced(timer, value, then) {
    clearTimeout(timer.id);
    var words = value.trim().split(/\s+/);
    var wait = words[words.length - 1].length < 3 ? SHORT_DEBOUNCE : DEBOUNCE;
    timer.id = setTimeout(then, wait);
  }

  function t(key, fallback, count) {
    var text = translations[key] || fallback;
    return count === undefined ? text : text.replace("#", String(count));
  }

  // Pagefind, loaded once; a failed load (the bundle is being rewritten under `mkdocs serve`) is retried.
  // It searches in the page rather than in its web worker: a query takes milliseconds either way, and the
  // worker would be one more script to fetch and start before the first result.
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        var options = { excerptLength: 24, noWorker: true };
        if (HIGHLIGHT) options.highlightParam = "h";
        return module
          .options(options)
          .then(function () {
            return module.init();
          })
          .then(function () {
            return module;
          });
      });
      pagefind.catch(function () {
        pagefind = null;
      });
    }
    return pagefind;
  }

  // Text, and the <mark> Pagefind puts around the words found; nothing else of an excerpt is kept.
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html || "";
    var fragment = document.createDocumentFragment();
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent));
      }
    });
    return fragment;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Where a hit lands: the last element with an id at or above its first word (a decision, an action
  // item, an entry or a heading), else what Pagefind says (its heading, or the page).
  function landing(data, section) {
    var locations = section.locations || [];
    if (!locations.length || !data.anchors) return section.url;
    var first = Math.min.apply(null, locations);
    var best = null;
    data.anchors.forEach(function (anchor) {
      if (anchor.location <= first && (!best || anchor.location >= best.location)) best = anchor;
    });
    return best ? data.url.split("#")[0] + "#" + best.id : section.url;
  }

  // The sections of a page result worth showing: Pagefind's sub-results, each landing on its paragraph.
  function sections(data) {
    var page = data.url.split("#")[0];
    var found = (data.sub_results || []).filter(function (section) {
      return section.url !== page || data.sub_results.length === 1;
    });
    return found.map(function (section) {
      return { title: section.title, url: landing(data, section), excerpt: withoutTitle(section) };
    });
  }

  // Pagefind starts a section's excerpt with its heading, which the result shows already.
  function withoutTitle(section) {
    var text = section.excerpt || "";
    var title = escapeHtml(section.title || "");
    return title && text.indexOf(title + ". ") === 0 ? text.slice(title.length + 2) : text;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // What a result says besides its title: its kind, date, series, owners; a person's or topic's meetings.
  function facts(data) {
    var meta = data.meta || {};
    var kind = kindOf(data);
    var when = kind === "person" || kind === "topic" ? "" : meta.when;
    return [meta.kind, when, meta.series, meta.owners, meta.affiliation, meta.meetings].filter(Boolean);
  }

  function isPage(data) {
    var kind = kindOf(data);
    return data.url.indexOf("#") < 0 && (kind === "meeting" || kind === "page");
  }

  // ---- Material's header box -------------------------------------------------------------------------

  function setUpHeader() {
    var box = document.querySelector("[data-minutes-search]");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var toggle = document.getElementById("__search");
    var form = box.querySelector("form");
    var query = box.querySelector(".md-search__input");
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var all = box.querySelector(".minutes-search-all");
    var allLink = all && all.querySelector("a");
    var searchPage = form.getAttribute("action");
    var latest = 0;
    var timer = {};
    var drawn = null; // the query whose results the list shows (the list keeps them until the next ones are drawn)

    function open(value) {
      if (toggle && toggle.checked !== value) toggle.click(); // as Material does: its listeners follow
    }

    function ready() {
      return loadPagefind().then(
        function (module) {
          if (!query.value) meta.textContent = t("search.result.placeholder", "Type to start searching");
          return module;
        },
        function () {
          meta.textContent = "The search index is not there yet (it is written after each build): try again soon.";
          return null;
        }
      );
    }

    function render(value, search, datas) {
      var focused = list.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
      list.innerHTML = "";
      var count = search.results.length;
      meta.textContent =
        count === 0
          ? t("search.result.none", "No matching documents")
          : count === 1
            ? t("search.result.one", "1 matching document")
            : t("search.result.other", "# matching documents", count);
      groups(datas, search.results).forEach(function (group) {
        list.appendChild(headerResult(group));
      });
      if (all) {
        all.hidden = !value;
        allLink.href = searchPage + "?q=" + encodeURIComponent(value);
      }
      if (focused) {
        var again = list.querySelector('a[href="' + CSS.escape(focused) + '"]');
        if (again) again.focus();
      }
      drawn = value;
    }

    // The list is busy from a keystroke until the results of what was typed are all drawn: until then it
    // shows an earlier query's (those of "sprint" while "sprint paris" runs), or only the best result.
    function busy(value) {
      list.setAttribute("aria-busy", value ? "true" : "false");
    }

    function run() {
      var value = query.value.trim();
      var ticket = ++latest;
      if (!value) {
        list.innerHTML = "";
        drawn = null;
        busy(false);
        if (all) all.hidden = true;
        meta.textContent = t("search.result.placeholder", "Type to start searching");
        return;
      }
      busy(true);
      ready();
      debounced(timer, value, function () {
        ready()
          .then(function (module) {
            if (ticket !== latest) return null;
            if (!module) return busy(false); // the index is not there: ready() says so
            return module.search(value, {}).then(show);
          })
          .catch(function (error) {
            if (ticket === latest) busy(false);
            throw error;
          });
      });

      function show(search) {
        if (!search || ticket !== latest) return;
        var top = search.results.slice(0, HEADER_RESULTS);
        var loads = top.map(function (result) {
          return result.data();
        });
        var done = false;
        // The best result as soon as it is there, then all of them; the list is busy until they are.
        if (loads.length > 1) {
          loads[0].then(function (data) {
            if (ticket === latest && !done) render(value, search, [data]);
          });
        }
        return Promise.all(loads).then(function (datas) {
          done = true;
          if (ticket !== latest) return;
          render(value, search, datas);
          busy(false);
        });
      }
    }

    // A pointer on its way to the box: start loading Pagefind before the click.
    box.addEventListener("pointerenter", function () {
      loadPagefind().catch(function () {});
    });
    var opening = null; // the box's opening after a focus, until it runs: a key that closes the box cancels it
    query.addEventListener("focus", function () {
      // After the click that focused it has done its part: a click on the magnifier's label checks the
      // toggle itself, and would uncheck it again after this.
      clearTimeout(opening);
      opening = setTimeout(function () {
        opening = null;
        open(true);
      }, 0);
      ready();
    });
    query.addEventListener("input", run);
    form.addEventListener("reset", function () {
      setTimeout(function () {
        run();
        query.focus();
      }, 0);
    });
    box.addEventListener("click", function (event) {
      if (event.target instanceof Element && event.target.closest("a")) open(false);
    });
    // At a phone's width the header's magnifier opens the box: bring up the keyboard at once.
    document.querySelectorAll("header [for=__search]").forEach(function (label) {
      label.addEventListener("click", function () {
        query.focus();
      });
    });

    window.addEventListener(
      "keydown",
      function (event) {
        if (event.metaKey || event.ctrlKey || event.altKey) return;
        var active = document.activeElement;
        if (toggle && toggle.checked) {
          searchKey(event, active);
        } else if (!typing(active) && (event.key === "/" || event.key === "s" || event.key === "f")) {
          query.focus();
          query.select();
          claim(event);
        }
      },
      true
    );

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll("a[href]")).concat(all && !all.hidden ? [allLink] : []);
    }

    // As Material does: the link of the first item that scored best.
    function bestLink() {
      var best = null;
      var top = -1;
      var item = list.querySelector(".md-search-result__item");
      (item ? item.querySelectorAll("a[href]") : []).forEach(function (link) {
        var score = parseFloat(link.firstElementChild.getAttribute("data-md-score"));
        if (score > top) {
          best = link;
          top = score;
        }
      });
      return best;
    }

    function searchKey(event, active) {
      switch (event.key) {
        case "Enter":
          if (active === query) {
            var typed = query.value.trim();
            if (typed && drawn !== typed) {
              // The list holds an earlier query's results (Enter right after the last keystroke, on a slow
              // phone): its best result is no answer to what was typed; the search page is.
              claim(event);
              form.requestSubmit();
              break;
            }
            var best = bestLink();
            if (best) {
              best.click();
              claim(event);
            } // else the form goes to the search page with the query
          }
          break;
        case "Escape":
        case "Tab":
          clearTimeout(opening); // a focus just before (an arrow back to the box) would open it again
          opening = null;
          open(false);
          query.blur();
          break;
        case "ArrowUp":
        case "ArrowDown":
          var targets = [query].concat(links());
          var at = Math.max(0, targets.indexOf(active));
          targets[(at + targets.length + (event.key === "ArrowUp" ? -1 : 1)) % targets.length].focus();
          claim(event);
          break;
        default:
          if (active !== query && event.key.length === 1) query.focus();
      }
    }

    var initial = new URLSearchParams(location.search).get("q");
    if (initial && !document.querySelector("[data-minutes-search-page]")) {
      query.value = initial;
      open(true);
      run();
    }
  }

  function typing(node) {
    if (!node) return false;
    var tag = node.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || node.isContentEditable;
  }

  function claim(event) {
    event.preventDefault();
    event.stopPropagation();
  }

  // The results of a query, grouped by page as Material groups them: a meeting's own hit and the
  // decisions and action items found in it make one item, its records first.
  function groups(datas, results) {
    var byPage = {};
    var order = [];
    datas.forEach(function (data, position) {
      var page = data.url.split("#")[0];
      var group = byPage[page];
      if (!group) {
        group = byPage[page] = { url: page, page: null, records: [] };
        order.push(group);
      }
      data.score = results[position].score;
      if (data.url === page && isPage(data)) group.page = data;
      else group.records.push(data);
    });
    return order;
  }

  function kindOf(data) {
    return (data.filters.kind || [])[0] || "page";
  }

  // One item in Material's own markup: the page as an <h1> article, what was found in it as <h2> ones.
  function headerResult(group) {
    var item = element("li", "md-search-result__item");
    var first = group.page || group.records[0];
    var meta = first.meta || {};
    var alone = !group.page && group.records.length === 1 && first.url === group.url;
    if (alone) {
      // a person, a topic, a page: found by itself
      var text = first.excerpt && stripped(first.excerpt) !== meta.title ? first.excerpt : "";
      item.appendChild(article(first.url, meta.title, text, first.score, true, facts(first)));
      return item;
    }
    var parts = group.page ? sections(group.page) : [];
    var teaser = parts.length && parts[0].url === group.url ? parts.shift() : null;
    var tags = [meta.when, meta.series].filter(Boolean);
    var score = group.page ? group.page.score : 0;
    item.appendChild(article(group.url, meta.title, teaser ? teaser.excerpt : "", score, true, tags));
    group.records.forEach(function (record) {
      var what = [record.meta.kind, record.meta.owners].filter(Boolean).join(" · ");
      item.appendChild(article(record.url, what, record.excerpt, record.score, false));
    });
    var shown = group.records.map(function (record) {
      return record.url;
    });
    parts.forEach(function (part) {
      if (shown.indexOf(part.url) < 0) item.appendChild(article(part.url, part.title, part.excerpt, score, false));
    });
    return item;
  }

  function stripped(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content.textContent;
  }

  function article(url, title, text, score, parent, tags) {
    var link = element("a", "md-search-result__link");
    link.href = url;
    link.tabIndex = -1;
    var body = element("article", "md-search-result__article md-typeset");
    body.setAttribute("data-md-score", (score || 0).toFixed(2));
    if (parent) body.appendChild(element("div", "md-search-result__icon md-icon"));
    body.appendChild(element(parent ? "h1" : "h2", "", title || ""));
    if (text) {
      var paragraph = element("p");
      paragraph.appendChild(excerpt(text));
      body.appendChild(paragraph);
    }
    if (tags && tags.length) {
      var nav = element("nav", "md-tags");
      tags.forEach(function (tag) {
        nav.appendChild(element("span", "md-tag", tag));
      });
      body.appendChild(nav);
    }
    link.appendChild(body);
    return link;
  }

  // ---- The search page -------------------------------------------------------------------------------

  function setUpPage() {
    var form = document.querySelector("form[data-minutes-search-page]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var query = form.querySelector("input[name=q]");
    var status = document.querySelector(".minutes-search-status");
    var list = document.querySelector(".minutes-search-results");
    var more = document.querySelector(".minutes-search-more");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var latest = 0;
    var timer = {};
    var shown = [];
    var results = [];

    // The query and filters from the page's URL, so that a search can be linked to and reloaded.
    var params = new URLSearchParams(location.search);
    query.value = params.get("q") || "";
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value !== null && select.querySelector("option[value='" + CSS.escape(value) + "']")) select.value = value;
    });

    function state() {
      var filters = {};
      var sort = {};
      selects.forEach(function (select) {
        if (!select.value) return;
        if (select.name === "sort") {
          var pair = select.value.split(":");
          sort[pair[0]] = pair[1];
        } else {
          filters[select.name] = select.value;
        }
      });
      return { term: query.value.trim(), filters: filters, sort: sort };
    }

    function remember() {
      var url = new URL(location.href);
      url.search = "";
      if (query.value.trim()) url.searchParams.set("q", query.value.trim());
      selects.forEach(function (select) {
        if (select.value) url.searchParams.set(select.name, select.value);
      });
      history.replaceState(history.state, "", url.href);
    }

    function run(debounce) {
      remember();
      var current = state();
      var ticket = ++latest;
      if (!current.term && !Object.keys(current.filters).length) {
        list.innerHTML = "";
        more.hidden = true;
        status.textContent = "Type a query, or choose a person, a topic, a series, a year or a kind.";
        return;
      }
      status.textContent = "Searching…";
      if (debounce) {
        debounced(timer, current.term, function () {
          search(current, ticket);
        });
      } else {
        clearTimeout(timer.id);
        search(current, ticket);
      }
    }

    function search(current, ticket) {
      loadPagefind().then(
        function (module) {
          if (ticket !== latest) return null;
          var options = { filters: current.filters, sort: current.sort };
          return module.search(current.term || null, options).then(function (found) {
            if (!found || ticket !== latest) return;
            results = found.results;
            shown = [];
            list.innerHTML = "";
            var count = results.length;
            status.textContent = count === 0 ? "No results." : count === 1 ? "1 result." : count + " results.";
            return showMore(ticket);
          });
        },
        function () {
          status.textContent = "The search index is not there yet (it is written after each build): reload soon.";
        }
      );
    }

    function showMore(ticket) {
      var next = results.slice(shown.length, shown.length + PAGE_RESULTS);
      shown = shown.concat(next);
      more.hidden = true;
      return Promise.all(
        next.map(function (result) {
          return result.data();
        })
      ).then(function (datas) {
        if (ticket !== latest) return;
        datas.forEach(function (data) {
          list.appendChild(pageResult(data));
        });
        more.hidden = shown.length >= results.length;
      });
    }

    query.addEventListener("input", function () {
      run(true);
    });
    selects.forEach(function (select) {
      select.addEventListener("change", function () {
        run(false);
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(false);
    });
    form.addEventListener("reset", function () {
      setTimeout(function () {
        run(false);
      }, 0);
    });
    more.addEventListener("click", function () {
      showMore(latest);
    });
    run(false);
  }

  function pageResult(data) {
    var item = element("li", "minutes-hit minutes-hit--" + kindOf(data));
    var heading = element("p", "minutes-hit__title");
    var link = element("a", "", data.meta.title || data.url);
    link.href = data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(element("p", "minutes-hit__facts", facts(data).join(" · ")));
    var parts = isPage(data) ? sections(data) : [];
    if (!parts.length) {
      var text = element("p", "minutes-hit__excerpt");
      text.appendChild(excerpt(data.excerpt));
      item.appendChild(text);
    } else {
      var sub = element("ul", "minutes-hit__sections");
      parts.slice(0, 3).forEach(function (part) {
        var line = element("li");
        var where = element("a", "", part.title || data.meta.title);
        where.href = part.url;
        line.appendChild(where);
        line.appendChild(document.createTextNode(": "));
        line.appendChild(excerpt(part.excerpt));
        sub.appendChild(line);
      });
      item.appendChild(sub);
    }
    return item;
  }

  // Pagefind's highlighter, fetched only on a page opened from a search result.
  function highlight() {
    if (!HIGHLIGHT || !new URLSearchParams(location.search).has("h")) return;
    import(new URL("pagefind/pagefind-highlight.js", root).href).then(
      function (module) {
        new module.default({ highlightParam: "h", markContext: "article.md-content__inner", addStyles: false });
      },
      function () {}
    );
  }

  function setUp() {
    setUpHeader();
    setUpPage();
    highlight();
  }

  // With Material's instant navigation the page changes without a load: set up again on every change.
  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
