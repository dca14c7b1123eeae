// The pages work without this script; it adds a loading state, dropping a CV file anywhere on the page, and
// searching as soon as a file is chosen. Served from the app; the pages' Content-Security-Policy allows no other.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-loading]").forEach(function (form) {
    form.addEventListener("submit", function () {
      // Buttons stay enabled until the browser has read the one that was pressed (its name and value are sent).
      form.classList.add("loading");
      form.setAttribute("aria-busy", "true");
      var status = form.querySelector(".status");
      if (status) {
        status.textContent = form.getAttribute("data-loading");
      }
    });
  });

  // Filters marked data-autosubmit apply as soon as they change; their form's button does the same without script.
  document.querySelectorAll("[data-autosubmit]").forEach(function (control) {
    control.addEventListener("change", function () {
      if (typeof control.form.requestSubmit === "function") {
        control.form.requestSubmit();
      } else {
        control.form.submit();
      }
    });
  });

  var file = document.querySelector("input[type=file][name=file]");
  if (!file || !file.form) {
    return;
  }
  var form = file.form;
  var drop = document.getElementById("drop");

  function submit() {
    if (typeof form.requestSubmit === "function") {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  // A file over the limit is refused here, before minutes of upload on a slow line; the server refuses it too.
  function acceptable(chosen) {
    var max = Number(form.getAttribute("data-max-file-bytes"));
    if (chosen.size <= max) {
      return true;
    }
    var status = form.querySelector(".status");
    if (status) {
      status.textContent = form.getAttribute("data-too-large");
    }
    file.value = "";
    return false;
  }

  file.addEventListener("change", function () {
    if (file.files && file.files.length > 0 && acceptable(file.files[0])) {
      submit();
    }
  });

  function dragging(on) {
    if (drop) {
      drop.classList.toggle("dragging", on);
    }
  }

  document.addEventListener("dragover", function (event) {
    if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
      event.preventDefault();
      dragging(true);
    }
  });
  document.addEventListener("dragleave", function (event) {
    if (event.target === document.documentElement || event.target === drop) {
      dragging(false);
    }
  });
  document.addEventListener("drop", function (event) {
    if (!event.dataTransfer || event.dataTransfer.files.length === 0) {
      return;
    }
    event.preventDefault();
    dragging(false);
    if (acceptable(event.dataTransfer.files[0])) {
      file.files = event.dataTransfer.files;
      submit();
    }
  });
});
