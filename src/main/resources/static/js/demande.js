// Live checks of the submission form; the server checks everything again.
(function () {
  var form = document.getElementById('demande');
  if (!form) { return; }
  function amount(text) {
    var v = parseFloat(String(text || '').replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.'));
    return isNaN(v) ? 0 : v;
  }
  function euros(v) {
    return v.toLocaleString('fr-FR', { minimumFractionDigits: v % 1 ? 2 : 0, maximumFractionDigits: 2 }) + '\u00a0€';
  }
  function totals() {
    var sum = amount(document.getElementById('requestedAmount').value);
    form.querySelectorAll('input.cofinancement').forEach(function (i) { sum += amount(i.value); });
    var budget = amount(document.getElementById('totalBudget').value);
    document.getElementById('total-somme').textContent = euros(sum);
    document.getElementById('total-budget').textContent = euros(budget);
    document.getElementById('totaux').className = Math.abs(sum - budget) < 0.005 ? 'quorum-ok' : 'quorum-ko';
  }
  function luhn(digits) {
    var s = 0;
    for (var i = 0; i < digits.length; i++) {
      var d = +digits.charAt(digits.length - 1 - i);
      if (i % 2 === 1) { d *= 2; if (d > 9) { d -= 9; } }
      s += d;
    }
    return s % 10 === 0;
  }
  function checkSiret() {
    var v = document.getElementById('applicant-siret').value.replace(/\s/g, '');
    var ok = /^\d{14}$/.test(v) && (luhn(v) || (v.indexOf('356000000') === 0 && v.split('').reduce(function (a, c) { return a + +c; }, 0) % 5 === 0));
    document.getElementById('siret-direct').textContent = v === '' || ok ? '' : 'Ce numéro SIRET n\u2019est pas valide (14 chiffres, clé de contrôle).';
  }
  function checkRna() {
    var v = document.getElementById('applicant-rna').value.trim();
    var ok = v === '' || /^W(\d{9}|2[AB]\d{7})$/.test(v);
    document.getElementById('rna-direct').textContent = ok ? '' : 'Ce numéro RNA n\u2019est pas valide (W suivi de 9 caractères).';
  }
  form.addEventListener('input', function (e) {
    if (e.target.id === 'applicant-siret') { checkSiret(); }
    if (e.target.id === 'applicant-rna') { checkRna(); }
    totals();
  });
  document.getElementById('ajouter-financeur').addEventListener('click', function () {
    var body = document.querySelector('#cofinancements tbody');
    var n = body.rows.length;
    var row = body.rows[0].cloneNode(true);
    row.querySelectorAll('input').forEach(function (i) {
      i.value = '';
      i.name = i.name.replace(/\[\d+\]/, '[' + n + ']');
      i.id = i.id.replace(/-\d+-/, '-' + n + '-');
    });
    row.querySelectorAll('label').forEach(function (l) {
      l.htmlFor = l.htmlFor.replace(/-\d+-/, '-' + n + '-');
      l.textContent = l.textContent.replace(/\d+$/, n + 1);
    });
    row.querySelectorAll('.erreur').forEach(function (p) { p.remove(); });
    body.appendChild(row);
    row.querySelector('input').focus();
  });
  totals();
})();
