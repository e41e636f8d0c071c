namespace MusicMask.Reports;

/// <summary>
/// The report page's script: reads the JSON data, then sorts, filters and shows one page of rows at a time, so
/// 10,000 files cost no more to open than 100. Data reaches the page only as text (textContent, title, href of an
/// already encoded relative path, with the page's own query string when it has one), never as markup. When the
/// first page is shown it sets the performance mark "report-ready" and data-ready on the root element, for tests and
/// for anyone timing it.
/// </summary>
internal static class ReportPageScript
{
    public const string Text = """

        "use strict";
        (() => {
          const data = JSON.parse(document.getElementById("report-data").textContent);
          const collator = new Intl.Collator(undefined, { numeric: true });
          // Positions of a row's fields, as ReportJson writes them.
          const rows = data.rows.map(r => ({
            name: r[0], lower: r[0].toLowerCase(), folder: r[1], status: r[2], duration: r[3],
            share: r[3] > 0 && r[4] !== null ? r[4] / r[3] : null, segments: r[5], profile: r[6], problem: r[7],
          }));
          const byNumber = key => (a, b) => (a[key] ?? -1) - (b[key] ?? -1);
          const comparers = {
            name: (a, b) => collator.compare(a.name, b.name),
            status: (a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0),
            duration: byNumber("duration"),
            share: byNumber("share"),
            segments: byNumber("segments"),
          };
          // A page opened with a shared access signature (report.html?sv=...&sig=...) passes it on to the result
          // files it links to, which a private container refuses without one. Only to relative links: a link that
          // names a scheme or a host leads elsewhere and gets nothing.
          const carried = location.search;
          const linkTo = path => (carried && !/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(path) ? path + carried : path);
          const $ = id => document.getElementById(id);
          const body = document.querySelector("#rows tbody");
          const state = { sort: "name", descending: false, page: 0, size: 100 };
          const byName = rows.slice().sort(comparers.name);
          let sorted = byName;
          let visible = sorted;

          const hours = seconds => (seconds < 3600 ? `${(seconds / 60).toFixed(1)} min` : `${(seconds / 3600).toFixed(2)} h`);
          const number = n => n.toLocaleString("en");
          function clock(seconds) {
            const s = Math.round(seconds);
            const hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
            const two = n => String(n).padStart(2, "0");
            return hh > 0 ? `${hh}:${two(mm)}:${two(ss)}` : `${mm}:${two(ss)}`;
          }

          function showTotals() {
            const t = data.totals;
            $("source").textContent = `${data.source} \u2014 made ${data.generated}`;
            $("total-files").textContent = number(t.files);
            $("total-audio").textContent = hours(t.audio_seconds);
            $("total-music").textContent = hours(t.music_seconds);
            $("total-failures").textContent = number(t.failures);
            $("total-truncated").textContent = number(t.truncated);
          }

          function applyFilters() {
            const needle = $("name-filter").value.trim().toLowerCase();
            const status = $("status-filter").value;
            const min = Number($("share-min").value || 0), max = Number($("share-max").value || 100);
            const limited = min > 0 || max < 100;
            visible = sorted.filter(row => {
              if (needle && !row.lower.includes(needle)) return false;
              if (status && row.status !== status) return false;
              if (!limited) return true;
              if (row.share === null) return false;
              const percent = Math.round(row.share * 1000) / 10;
              return percent >= min && percent <= max;
            });
            state.page = 0;
            render();
          }

          function sortBy(key) {
            state.descending = state.sort === key ? !state.descending : key !== "name" && key !== "status";
            state.sort = key;
            const compare = comparers[key];
            // Array.prototype.sort is stable: rows that tie keep their order by name.
            sorted = byName.slice().sort(state.descending ? (a, b) => compare(b, a) : compare);
            for (const th of document.querySelectorAll("#rows th")) {
              const button = th.querySelector("button");
              if (button) th.setAttribute("aria-sort", button.dataset.sort === key ? (state.descending ? "descending" : "ascending") : "none");
            }
            applyFilters();
          }

          function cell(tr, text, className) {
            const td = tr.insertCell();
            td.textContent = text;
            if (className) td.className = className;
            return td;
          }

          function strip(profile) {
            const canvas = document.createElement("canvas");
            canvas.className = "profile";
            canvas.width = profile.length;
            canvas.height = 1;
            canvas.setAttribute("role", "img");
            canvas.setAttribute("aria-label", "music over time");
            const g = canvas.getContext("2d");
            g.fillStyle = "#eeeeee";
            g.fillRect(0, 0, profile.length, 1);
            for (let i = 0; i < profile.length;) {
              let j = i + 1;
              while (j < profile.length && profile[j] === profile[i]) j++;
              const level = profile.charCodeAt(i) - 48;
              if (level > 0) {
                g.fillStyle = `rgba(214, 92, 0, ${level / 9})`;
                g.fillRect(i, 0, j - i, 1);
              }
              i = j;
            }
            return canvas;
          }

          function rowElement(row) {
            const tr = document.createElement("tr");
            tr.className = row.status;
            cell(tr, row.name, "name");
            cell(tr, row.status, "status");
            cell(tr, row.duration === null ? "" : clock(row.duration), "number");
            cell(tr, row.share === null ? "" : `${(row.share * 100).toFixed(1)} %`, "number share");
            cell(tr, row.segments === null ? "" : String(row.segments), "number");
            const mask = tr.insertCell();
            if (row.profile) mask.appendChild(strip(row.profile));
            const overlay = tr.insertCell();
            if (row.folder !== null) {
              const a = document.createElement("a");
              a.href = linkTo(`${data.link_base}${row.folder}/overlay.png`);
              a.textContent = "overlay";
              a.className = "overlay";
              overlay.appendChild(a);
            }
            const problem = cell(tr, row.problem ?? "", "problem");
            if (row.problem) problem.title = row.problem;
            return tr;
          }

          function render() {
            const pages = Math.max(1, Math.ceil(visible.length / state.size));
            state.page = Math.min(state.page, pages - 1);
            const start = state.page * state.size;
            const shown = visible.slice(start, start + state.size);
            const fragment = document.createDocumentFragment();
            for (const row of shown) fragment.appendChild(rowElement(row));
            body.replaceChildren(fragment);
            const count = $("count");
            count.dataset.matching = String(visible.length);
            count.textContent = visible.length === 0
              ? `No file matches (${number(rows.length)} in all).`
              : `Files ${number(start + 1)}\u2013${number(start + shown.length)} of ${number(visible.length)} matching (${number(rows.length)} in all).`;
            $("page").textContent = `page ${number(state.page + 1)} of ${number(pages)}`;
            $("first").disabled = $("previous").disabled = state.page === 0;
            $("next").disabled = $("last").disabled = state.page >= pages - 1;
          }

          const go = page => { state.page = page; render(); };
          $("first").addEventListener("click", () => go(0));
          $("previous").addEventListener("click", () => go(state.page - 1));
          $("next").addEventListener("click", () => go(state.page + 1));
          $("last").addEventListener("click", () => go(Number.MAX_SAFE_INTEGER));
          $("page-size").addEventListener("change", e => { state.size = Number(e.target.value); applyFilters(); });
          for (const id of ["name-filter", "share-min", "share-max"]) $(id).addEventListener("input", applyFilters);
          $("status-filter").addEventListener("change", applyFilters);
          $("filters").addEventListener("submit", e => e.preventDefault());
          for (const button of document.querySelectorAll("#rows th button")) button.addEventListener("click", () => sortBy(button.dataset.sort));

          showTotals();
          render();
          performance.mark("report-ready");
          document.documentElement.dataset.ready = "true";
        })();

        """;
}
