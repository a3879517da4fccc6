// Agenda's web interface works without this script; it only saves a click.
// The report form's period: choosing another period shows the form filled with that period's report
// (the same as the "Visa" button, which is hidden when this script runs). Text typed but not sent is
// kept only if the person says so.
document.addEventListener("DOMContentLoaded", function () {
  var select = document.querySelector("form[data-period-switch] select[name=period]");
  if (!select) return;
  var form = select.form;
  var show = form.querySelector("button[name=visa]");
  if (show) show.hidden = true;
  var chosen = select.value;
  function edited() {
    return Array.prototype.some.call(form.elements, function (field) {
      if (field === select) return false;
      if (field.tagName === "TEXTAREA" || (field.tagName === "INPUT" && field.type === "text")) {
        return field.value !== field.defaultValue;
      }
      if (field.tagName === "SELECT") {
        return Array.prototype.some.call(field.options, function (option) {
          return option.selected !== option.defaultSelected;
        });
      }
      return false;
    });
  }
  select.addEventListener("change", function () {
    if (edited() && !window.confirm("Du har ändrat i formuläret utan att skicka det. Byta period ändå? Det du skrivit sparas inte.")) {
      select.value = chosen;
      return;
    }
    var url = new URL(form.getAttribute("data-period-switch"), window.location.href);
    url.searchParams.set("period", select.value);
    window.location.assign(url.pathname + url.search + "#rapportera");
  });
});
