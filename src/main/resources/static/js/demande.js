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
    var balanced = Math.abs(sum - budget) < 0.005;
    document.getElementById('totaux').className = balanced ? 'quorum-ok' : 'quorum-ko';
    // said in words too, not by colour alone
    document.getElementById('etat-totaux').textContent = balanced ? 'Le plan de financement est équilibré.'
      : 'Écart de ' + euros(Math.abs(sum - budget)) + ' : le montant demandé et les financements doivent égaler le budget.';
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
      i.removeAttribute('aria-describedby');
      i.setAttribute('aria-invalid', 'false');
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

// One step at a time (without JavaScript, every step shows on one page).
(function () {
  var form = document.getElementById('demande');
  if (!form) { return; }
  var steps = Array.prototype.slice.call(form.querySelectorAll('fieldset[data-etape]'));
  var submit = document.getElementById('deposer');
  var nav = document.getElementById('navigation-etapes');
  var current = 0;
  var invalid = form.querySelector('[aria-invalid=true]');
  steps.forEach(function (step, i) { if (invalid && step.contains(invalid) && current === 0) { current = i; } });
  var progress = document.createElement('p');
  progress.setAttribute('aria-live', 'polite');
  var previous = document.createElement('button');
  previous.type = 'button'; previous.className = 'secondaire'; previous.id = 'etape-precedente'; previous.textContent = 'Étape précédente';
  var next = document.createElement('button');
  next.type = 'button'; next.id = 'etape-suivante'; next.textContent = 'Étape suivante';
  nav.appendChild(progress); nav.appendChild(previous); nav.appendChild(next);
  function show(i, focus) {
    current = i;
    steps.forEach(function (step, j) { step.hidden = j !== i; });
    previous.hidden = i === 0;
    next.hidden = i === steps.length - 1;
    submit.hidden = i !== steps.length - 1;
    progress.textContent = 'Étape ' + (i + 1) + ' sur ' + steps.length + ' : ' + steps[i].querySelector('legend').textContent.replace(/^\d+\.\s*/, '');
    if (focus) {
      var first = steps[i].querySelector('input, select, textarea');
      if (first) { first.focus(); }
    }
  }
  previous.addEventListener('click', function () { show(current - 1, true); });
  next.addEventListener('click', function () { show(current + 1, true); });
  // a refused form opens on its error summary; each of its links shows the step of its field, then goes to the field
  var summary = document.getElementById('resume-erreurs');
  if (summary) {
    summary.addEventListener('click', function (e) {
      var link = e.target.closest('a[href^="#"]');
      var field = link && document.getElementById(link.getAttribute('href').substring(1));
      if (!field) { return; }
      e.preventDefault();
      steps.forEach(function (step, i) { if (step.contains(field)) { show(i, false); } });
      field.focus();
      field.scrollIntoView({ block: 'center' });
    });
  }
  show(current, false);
  if (summary) { summary.focus(); }
})();
