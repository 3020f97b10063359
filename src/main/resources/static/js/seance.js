// Quorum shown live while the secretariat ticks who is present: more than half of the members in office,
// physically present (proxies do not count, L2121-17).
(function () {
  var form = document.getElementById('presences');
  if (!form) { return; }
  var required = +document.getElementById('quorum-requis').textContent;
  function update() {
    var boxes = form.querySelectorAll('input.present');
    var present = 0;
    boxes.forEach(function (b) {
      if (b.checked) { present++; }
      var select = document.getElementById('pouvoir-' + b.id.substring('present-'.length));
      select.disabled = b.checked;
    });
    document.getElementById('presents').textContent = present;
    var state = document.getElementById('etat-quorum');
    state.textContent = present >= required ? 'quorum atteint' : 'quorum non atteint';
    state.className = present >= required ? 'quorum-ok' : 'quorum-ko';
  }
  form.addEventListener('change', update);
  update();
})();
