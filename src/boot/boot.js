/*
 * The boot guard: the first script of every page (taskpane.html, wps-taskpane.html, index.html).
 * Plain ES5 with no dependencies, on purpose: it must run where the bundle cannot — Trident
 * (IE11, the web view of Office 2016/2019 MSI), old EdgeHTML, an old Chromium inside WPS — and
 * tell the clerk in Chinese what is wrong and what to do, instead of leaving "正在加载…" forever.
 *
 * It watches, until the app says it has mounted (window.__selfevalBoot.mounted()):
 *   - the engine: Trident, or a feature the bundle uses natively (not polyfilled) is missing;
 *   - our scripts failing to load (error events, caught in the capture phase) or throwing
 *     while they start (error events whose file is ours: SyntaxError in an old engine, too);
 *   - office.js (taskpane.html only) failing to load or not defining Office;
 *   - nothing started within START_TIMEOUT_MS;
 *   - the app itself reporting a page opened outside its host (fail('outside-host')).
 * The page says which door it is with <html data-page="excel|wps|web">.
 * Tests: test/boot (parses as ES5) and test/browser/old-chromium.test.ts (each failure shown).
 */
(function () {
  'use strict';
  // 20 s; a test sets window.__selfevalBootTimeoutMs before this script to see the timeout
  // fire without waiting that long (test/browser/old-chromium.test.ts).
  var START_TIMEOUT_MS = typeof window.__selfevalBootTimeoutMs === 'number' && window.__selfevalBootTimeoutMs > 0 ? window.__selfevalBootTimeoutMs : 20000;
  var root = document.documentElement;
  var page = root.getAttribute('data-page') || 'web';
  var ua = navigator.userAgent || '';
  var state = { failed: null, slow: false, mounted: false, log: [] };

  function note(line) {
    state.log.push(line);
  }

  // --- What the bundle needs from the engine (core-js adds the rest; see webpack.config.js). ---
  function has(obj, name) {
    try {
      return obj != null && typeof obj[name] !== 'undefined';
    } catch (e) {
      return false;
    }
  }
  function missingFeatures() {
    var w = window;
    var checks = [
      ['Promise', has(w, 'Promise')],
      ['Symbol', has(w, 'Symbol')],
      ['Map', has(w, 'Map')],
      ['Set', has(w, 'Set')],
      ['WeakMap', has(w, 'WeakMap')],
      ['Reflect', has(w, 'Reflect')],
      ['Object.assign', has(Object, 'assign')],
      ['Object.entries', has(Object, 'entries')],
      // ES2017 string methods: present in every engine whose syntax the bundle uses (async functions).
      ['String.prototype.padStart', has(String.prototype, 'padStart')],
      ['Uint8Array', has(w, 'Uint8Array')],
      ['requestAnimationFrame', has(w, 'requestAnimationFrame')],
    ];
    if (page === 'web') {
      checks.push(['Worker', has(w, 'Worker')], ['Blob', has(w, 'Blob')], ['URL.createObjectURL', has(w.URL, 'createObjectURL')]);
    }
    var out = [];
    for (var i = 0; i < checks.length; i++) if (!checks[i][1]) out.push(checks[i][0]);
    return out;
  }

  // --- Messages. ---
  var STANDALONE =
    page === 'wps'
      ? '改用网页版：在 Chrome、Edge 或 360 极速浏览器中打开本加载项发布包中的 index.html（网页版），选择工作簿即可核对，文件不会上传。'
      : '改用网页版：在 Chrome、Edge 或 360 极速浏览器中打开与加载项一起发布的 index.html（网页版），选择工作簿即可核对，文件不会上传。';
  var UPDATE_HOST =
    page === 'wps'
      ? '将 WPS Office 升级到最新版本后重新打开本窗格。'
      : page === 'excel'
        ? '安装 Microsoft Edge WebView2 运行时（微软官网免费提供，或请单位信息技术人员安装）后重启 Excel；或将 Office 升级到 Office 2021 及以上 / Microsoft 365。'
        : '使用较新版本的 Chrome、Edge 或 360 极速浏览器（极速模式）打开本页面。';

  var HERE = page === 'web' ? '页面' : '窗格';
  // The standalone page is the way out everywhere but on the standalone page itself.
  var ALSO = page === 'web' ? [] : [STANDALONE];

  function message(kind, detail) {
    if (kind === 'trident') {
      return {
        title: '此 Office 使用旧版 Internet Explorer 内核显示加载项，自评表核对无法在其中运行',
        what: '这通常是 Office 2016 / 2019 批量授权版，或电脑上没有 WebView2 运行时。',
        todo: [UPDATE_HOST, STANDALONE],
      };
    }
    if (kind === 'features') {
      return {
        title: '当前浏览器内核版本过旧，自评表核对无法运行',
        what: '缺少的功能：' + detail + '。',
        todo: [UPDATE_HOST].concat(ALSO),
      };
    }
    if (kind === 'syntax') {
      return {
        title: '当前浏览器内核版本过旧，无法解析自评表核对的程序',
        what: '程序文件已下载，但浏览器内核不支持其中的脚本语法。',
        todo: [UPDATE_HOST].concat(ALSO),
      };
    }
    if (kind === 'load') {
      return {
        title: '自评表核对的程序文件未能加载',
        what: '未能下载：' + detail + '。可能是网络中断，或加载项所在的服务器 / 共享文件夹缺少文件。',
        todo: ['检查网络后关闭并重新打开本' + HERE + '。', '若仍然失败，请单位信息技术人员检查加载项目录是否完整（重新部署发布包）。'].concat(ALSO),
      };
    }
    if (kind === 'officejs') {
      return {
        title: '未能加载 Office 加载项组件 office.js',
        what: 'Excel 加载项需要从微软的网址 appsforoffice.microsoft.com 加载 office.js；本机可能无法访问该网址（例如内网）。',
        todo: ['请单位信息技术人员放行 appsforoffice.microsoft.com 后重新打开本窗格。', STANDALONE],
      };
    }
    if (kind === 'outside-host') {
      return page === 'wps'
        ? {
            title: '未检测到 WPS 表格',
            what: '此页面是 WPS 表格的加载项窗格，需要在 WPS 表格中通过“自评表核对”按钮打开；当前环境没有 WPS 的接口（wps / Application）。',
            todo: ['在 WPS 表格中打开自评表工作簿，点击功能区的“自评表核对”按钮。', '若按钮无反应，' + UPDATE_HOST, STANDALONE],
          }
        : {
            title: '请在 Excel 中打开此窗格',
            what: '此页面是 Excel 加载项窗格，需要在 Excel 中通过“开始”选项卡的“自评表核对”按钮打开。',
            todo: ['在 Excel 中打开自评表工作簿，点击“开始”选项卡的“自评表核对”。', STANDALONE],
            link: true,
          };
    }
    if (kind === 'timeout') {
      return {
        title: '自评表核对加载时间过长',
        what: '超过 ' + START_TIMEOUT_MS / 1000 + ' 秒仍未启动。可能是网络较慢、电脑繁忙，或浏览器内核不兼容。',
        todo: ['稍候片刻；若仍无变化，关闭并重新打开本' + HERE + '。', UPDATE_HOST].concat(ALSO),
      };
    }
    return {
      title: '自评表核对启动时出错',
      what: '程序在启动时遇到错误，未能显示' + HERE + '。',
      todo: ['关闭并重新打开本' + HERE + '。', UPDATE_HOST].concat(ALSO),
    };
  }

  // --- Rendering (plain DOM; styles inline so nothing else is needed). ---
  var box = null;
  function el(tag, text, css) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    if (css) e.style.cssText = css;
    return e;
  }
  function render() {
    var kind = state.failed ? state.failed.kind : state.slow ? 'timeout' : null;
    if (!kind || !document.body) return;
    var m = message(kind, state.failed ? state.failed.detail : '');
    if (box && box.parentNode) box.parentNode.removeChild(box);
    box = el('div', '', 'font:14px/1.6 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Segoe UI",sans-serif;color:#242424;padding:16px;max-width:44rem');
    box.id = 'boot-message';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-boot-kind', kind);
    box.appendChild(el('h1', m.title, 'font-size:16px;margin:0 0 8px;color:#b10e1c'));
    box.appendChild(el('p', m.what, 'margin:0 0 8px'));
    box.appendChild(el('p', '您可以：', 'margin:0'));
    var ol = el('ol', '', 'margin:4px 0 12px;padding-left:1.5em');
    for (var i = 0; i < m.todo.length; i++) ol.appendChild(el('li', m.todo[i]));
    box.appendChild(ol);
    if (m.link) {
      var a = el('a', '打开网页版（index.html）');
      a.href = 'index.html';
      box.appendChild(el('p', '', 'margin:0 0 12px')).appendChild(a);
    }
    var details = el('details');
    details.appendChild(el('summary', '技术信息（发给信息技术人员）', 'cursor:pointer;color:#616161'));
    var lines = ['原因：' + kind + (state.failed && state.failed.detail ? '：' + state.failed.detail : ''), '页面：' + page + ' ' + location.href, '浏览器：' + ua].concat(state.log);
    details.appendChild(el('pre', lines.join('\n'), 'white-space:pre-wrap;word-break:break-all;font-size:12px;background:#f5f5f5;padding:8px'));
    box.appendChild(details);
    var appRoot = document.getElementById('root');
    // A failure hides the app's root for good (a half-started React tree must not cover the message);
    // a slow start only covers the loading text until the app mounts after all.
    if (appRoot) {
      appRoot.style.display = 'none';
      appRoot.parentNode.insertBefore(box, appRoot);
    } else {
      document.body.insertBefore(box, document.body.firstChild);
    }
  }
  function fail(kind, detail) {
    if (state.failed || state.mounted) return;
    state.failed = { kind: kind, detail: detail || '' };
    render();
  }

  // --- Watching. ---
  var base = location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  function ours(url) {
    return typeof url === 'string' && url.indexOf(base) === 0;
  }
  function isOfficeJs(url) {
    return typeof url === 'string' && /\/office(\.debug)?\.js(\?|$)/i.test(url) && !ours(url);
  }
  function onError(ev) {
    if (state.mounted) return;
    var t = ev.target || ev.srcElement;
    if (t && t !== window && t.tagName && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) {
      var src = t.src || t.href || '';
      note('加载失败：' + src);
      fail(isOfficeJs(src) ? 'officejs' : 'load', src.replace(base, ''));
      return;
    }
    var msg = ev.message || String(ev.error || '');
    var where = (ev.filename || '') + (ev.lineno ? ':' + ev.lineno + ':' + (ev.colno || 0) : '');
    var stack = ev.error && ev.error.stack ? String(ev.error.stack) : '';
    note('错误：' + msg + (where ? ' @ ' + where : '') + (stack ? '\n' + stack : ''));
    // Cross-origin scripts (office.js) report a bare "Script error." (no file, no error object):
    // not ours to judge. An error event without a file but with its error is React reporting a
    // render error it could not handle (it dispatches one itself where reportError is missing).
    if (!ours(ev.filename) && !(ev.error && !ev.filename)) return;
    fail(/SyntaxError/.test(msg) || (ev.error && ev.error.name === 'SyntaxError') ? 'syntax' : 'error', msg);
  }
  function onRejection(ev) {
    if (state.mounted) return;
    var r = ev.reason;
    note('未处理的 Promise 拒绝：' + (r && r.stack ? r.stack : String(r)));
  }
  function whenReady() {
    // office.js is a blocking <script> in <head>: by now it has run, or failed, or is missing.
    if (page === 'excel' && typeof window.Office === 'undefined') fail('officejs', 'Office 未定义');
    render();
  }

  window.__selfevalBoot = {
    /** The app asks before it mounts: false once the boot has found the engine or a file failing. */
    canStart: function () {
      return !state.failed;
    },
    /** The app has rendered: from now on errors are the app's own to show. */
    mounted: function () {
      state.mounted = true;
      if (!state.failed && box && box.parentNode) {
        box.parentNode.removeChild(box);
        var appRoot = document.getElementById('root');
        if (appRoot) appRoot.style.display = '';
      }
    },
    /** The app found itself outside its host, or failed in a way it caught itself. */
    fail: function (kind, detail) {
      fail(kind, detail);
    },
  };

  if (/Trident\/|MSIE /.test(ua)) {
    state.failed = { kind: 'trident', detail: '' };
  } else {
    var missing = missingFeatures();
    if (missing.length) state.failed = { kind: 'features', detail: missing.join('、') };
  }
  if (window.addEventListener) {
    window.addEventListener('error', onError, true);
    window.addEventListener('unhandledrejection', onRejection);
    document.addEventListener('DOMContentLoaded', whenReady);
  } else {
    window.onload = whenReady;
  }
  setTimeout(function () {
    if (state.mounted || state.failed) return;
    state.slow = true;
    render();
  }, START_TIMEOUT_MS);
})();
