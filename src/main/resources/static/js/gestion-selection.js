// The worklist's selection: « Tout sélectionner » ticks every line of the page, and a line unticked unticks it. Without
// JavaScript the form works the same: the server reads « Tout sélectionner » as every line of the page.
(function () {
  'use strict';

  var all = document.getElementById('toutes');
  if (!all) {
    return;
  }
  function lines() {
    return document.querySelectorAll('input[name="reference"][form="selection"]');
  }
  all.addEventListener('change', function () {
    lines().forEach(function (line) {
      line.checked = all.checked;
    });
  });
  lines().forEach(function (line) {
    line.addEventListener('change', function () {
      if (!line.checked) {
        all.checked = false;
      }
    });
  });
}());
