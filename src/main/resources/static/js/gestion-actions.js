// The dossier page's action forms, as the officer types: the sum of the budget lines against the amount to split, and
// the report as the extract will lay it out. Without JavaScript the forms work the same; the server checks everything.
(function () {
  'use strict';

  var euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

  // As the server reads an amount (Money.parse): spaces of any kind and € dropped, a comma or a point
  function amount(text) {
    var cleaned = String(text || '').replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
    if (cleaned === '' || !/^[0-9]+(\.[0-9]+)?$/.test(cleaned)) {
      return null;
    }
    return Number(cleaned);
  }

  document.querySelectorAll('table.lignes').forEach(function (table) {
    var form = table.closest('form');
    var summary = form.querySelector('.somme');
    var value = summary.querySelector('.somme-valeur');
    var totalField = table.dataset.total ? document.getElementById(table.dataset.total) : null;
    var fixedTotal = totalField ? null : amount(table.dataset.total);
    summary.hidden = false;

    function update() {
      var sum = 0;
      var unreadable = false;
      table.querySelectorAll('input.montant-ligne').forEach(function (input) {
        if (input.value.trim() === '') {
          return;
        }
        var a = amount(input.value);
        if (a === null) {
          unreadable = true;
        } else {
          sum += a;
        }
      });
      var total = totalField ? amount(totalField.value) : fixedTotal;
      var text = euros.format(sum);
      if (unreadable) {
        text += ' (un montant est illisible)';
      } else if (total !== null) {
        text += Math.abs(sum - total) < 0.005 ? ', égale au montant de ' + euros.format(total)
          : ', différente du montant de ' + euros.format(total) + ' (écart : ' + euros.format(total - sum) + ')';
      }
      value.textContent = text;
    }

    form.addEventListener('input', update);
    update();
  });

  var report = document.getElementById('report');
  var paragraphs = document.getElementById('apercu-paragraphes');
  var empty = document.getElementById('apercu-vide');
  if (report && paragraphs) {
    // One paragraph per non-blank line, stripped: the extract's layout (DocumentGenerator.paragraphs)
    report.addEventListener('input', function () {
      paragraphs.textContent = '';
      report.value.split(/\r\n|\r|\n/).map(function (line) { return line.trim(); })
        .filter(function (line) { return line !== ''; })
        .forEach(function (line) {
          var p = document.createElement('p');
          p.textContent = line;
          paragraphs.appendChild(p);
        });
      empty.hidden = paragraphs.childElementCount > 0;
    });
  }

  // A refused form opens on its error summary; each of its links puts the focus in its field
  var summary = document.getElementById('action-erreurs');
  if (summary) {
    summary.addEventListener('click', function (e) {
      var link = e.target.closest('a[href^="#"]');
      var field = link && document.getElementById(link.getAttribute('href').substring(1));
      if (!field) { return; }
      e.preventDefault();
      field.focus();
      field.scrollIntoView({ block: 'center' });
    });
    summary.focus();
  }
}());
