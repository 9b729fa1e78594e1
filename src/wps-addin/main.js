/*
 * The WPS表格 side of the add-in: ribbon callbacks that open the 自评表核对 task pane.
 * WPS loads index.html (which loads this file) when the add-in starts, then calls the global
 * functions named in ribbon.xml. Kept in plain ES5 and synchronous on purpose: async ribbon
 * callbacks broke custom ribbons on some WPS builds, and older WPS web views are ES5 only.
 * The task pane itself is the same React page as in Excel (wps-taskpane.html, without office.js);
 * it finds `window.Application` and talks to WPS through src/host/wps.
 */
var TASKPANE_KEY = 'selfeval_taskpane_id';
var TASKPANE_PAGE = 'wps-taskpane.html';

function app() {
  // `wps` is the add-in global in the wpsjs templates; `Application` is the same object model.
  return typeof wps !== 'undefined' ? wps : window.Application;
}

/** The folder this add-in is served from, e.g. http://127.0.0.1:3889/selfeval-check_/ (no trailing slash). */
function addinBaseUrl() {
  var href = document.location.href;
  return href.substring(0, href.lastIndexOf('/'));
}

function OnAddinLoad(ribbonUI) {
  var a = app();
  if (typeof a.ribbonUI !== 'object') a.ribbonUI = ribbonUI;
  // A pane ID from an earlier session is stale: forget it so the first click creates a pane.
  a.PluginStorage.setItem(TASKPANE_KEY, '');
  return true;
}

/** Opens the pane on first click, then shows or hides it. */
function toggleTaskPane() {
  var a = app();
  var id = a.PluginStorage.getItem(TASKPANE_KEY);
  var pane = id ? a.GetTaskPane(id) : null;
  if (!pane) {
    pane = a.CreateTaskPane(addinBaseUrl() + '/' + TASKPANE_PAGE);
    a.PluginStorage.setItem(TASKPANE_KEY, pane.ID);
    pane.Visible = true;
    return pane;
  }
  pane.Visible = !pane.Visible;
  return pane;
}

function OnAction(control) {
  if (control.Id === 'btnSelfEvalPane') toggleTaskPane();
  return true;
}

function GetImage(control) {
  if (control.Id === 'btnSelfEvalPane') return 'assets/icon-32.png';
  return '';
}
