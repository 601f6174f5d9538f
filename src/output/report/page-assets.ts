/**
 * The report page's style and script, inlined into report.html (the page loads nothing). The
 * script is plain browser JavaScript kept as text: it filters the rows (words and status) and
 * shows a record's original HTML next to its Markdown.
 */
export const REPORT_STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; font-size: 15px; }
body { margin: 0; }
header { position: sticky; top: 0; padding: .8rem 1.2rem; background: Canvas; border-bottom: 1px solid #8884; z-index: 1; }
h1 { margin: 0 0 .4rem; font-size: 1.3rem; }
.totals { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; margin: 0 0 .6rem; }
.filters { display: flex; flex-wrap: wrap; gap: .6rem 1.2rem; align-items: center; }
.filters input { min-width: 18rem; }
main { padding: 0 1.2rem 2rem; }
table { border-collapse: collapse; width: 100%; margin-top: .8rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #8883; }
td ul { margin: 0; padding-left: 1rem; }
tr.failed td:first-child { color: #c0392b; font-weight: bold; }
tr.skipped td:first-child { color: #888; }
tr.warned td:first-child { color: #b9770e; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
pre { white-space: pre-wrap; word-break: break-word; background: #8881; padding: .6rem; max-height: 70vh; overflow: auto; }
.note { color: #888; }
#compare { scroll-margin-top: 9rem; }
`;

export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('#records tbody tr'));
  var filter = document.getElementById('filter');
  var status = document.getElementById('status');
  var shown = document.getElementById('shown');
  var bodies = JSON.parse(document.getElementById('bodies').textContent || '{}');

  function apply() {
    var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var wanted = status.value;
    var count = 0;
    rows.forEach(function (row) {
      var statusOk = !wanted || row.dataset.status === wanted || (wanted === 'warnings' && row.dataset.warnings !== '0');
      var search = row.dataset.search || '';
      var textOk = words.every(function (word) { return search.indexOf(word) >= 0; });
      row.hidden = !(statusOk && textOk);
      if (!row.hidden) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' shown';
  }

  function compare(button) {
    var pair = bodies[button.dataset.body];
    if (!pair) return;
    var row = button.closest('tr');
    document.getElementById('compare-title').textContent = row.children[1].textContent + ' (' + row.children[3].textContent + ')';
    document.getElementById('compare-original').textContent = pair.original;
    document.getElementById('compare-markdown').textContent = pair.markdown;
    var section = document.getElementById('compare');
    section.hidden = false;
    section.scrollIntoView({ block: 'start' });
  }

  filter.addEventListener('input', apply);
  status.addEventListener('change', apply);
  document.getElementById('records').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-body]');
    if (button) compare(button);
  });
  apply();
})();
`;
