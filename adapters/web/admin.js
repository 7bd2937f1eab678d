/*
 * faqbot operators' console: login, the two tabs, and the insights tab
 * (GET /v1/admin/insights). The admin token is kept in sessionStorage and
 * sent as Authorization: Bearer. Every text from the server is set with
 * textContent; the chart is SVG built with DOM calls.
 *
 * Shared with admin_fix.js (fixing a cluster) and admin_releases.js
 * (versions, approval, release, rollback, audit) as window.faqbotAdmin:
 *   api(path, {method, body}) -> Promise of the JSON body; rejects with an
 *     Error carrying .status, .code and .details of the error envelope
 *   el, clear, $, percent, showError, notice(text), showTab('insights'|'releases'),
 *   entries() -> Promise of the live entries [{id, title, category}],
 *   state.name (the logged-in admin, '' when the server does not say),
 *   onEnter / onClusters: hooks the other scripts add to.
 */
(function () {
  'use strict';
  var TOKEN_KEY = 'faqbot.admin.token';
  var SVG = 'http://www.w3.org/2000/svg';
  var state = { token: null, name: '' };
  var hooks = { onEnter: [], onClusters: [] };
  var entriesPromise = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function percent(x) { return (x * 100).toFixed(1) + '%'; }
  function showError(id, text) { var e = $(id); e.textContent = text; e.hidden = !text; }

  function api(path, opts) {
    opts = opts || {};
    var init = { method: opts.method || 'GET', headers: { 'Authorization': 'Bearer ' + state.token } };
    if (opts.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(opts.body);
    }
    return fetch(path, init).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          var e = body.error || {};
          // busy: another admin's knowledge-base action is running; nothing was done.
          var text = e.code === 'busy' ? '另一项知识库操作正在进行（评测需要几秒钟），请稍后再试。' : e.message;
          var err = new Error(text || ('HTTP ' + r.status));
          err.status = r.status;
          err.code = e.code || '';
          err.details = e.details;
          throw err;
        }
        return body;
      });
    });
  }

  var noticeTimer = null;
  function notice(text) {
    var n = $('notice');
    n.textContent = text;
    n.hidden = !text;
    clearTimeout(noticeTimer);
    if (text) noticeTimer = setTimeout(function () { n.hidden = true; }, 8000);
  }

  function showTab(name) {
    ['insights', 'releases'].forEach(function (t) {
      $(t + '-view').hidden = t !== name;
      $('tab-' + t).setAttribute('aria-pressed', String(t === name));
    });
    if (name === 'insights') load().catch(function (err) { showError('error', '加载失败：' + err.message); });
  }

  // The live knowledge base's entries, fetched once a login (and after a release).
  function entries(refresh) {
    if (!entriesPromise || refresh) {
      entriesPromise = api('/v1/admin/kb/entries').then(function (d) { return d.entries; });
      entriesPromise.catch(function () { entriesPromise = null; });
    }
    return entriesPromise;
  }

  function figure(label, value, name) {
    var f = el('div', 'figure');
    f.dataset.figure = name;
    f.appendChild(el('span', 'value', value));
    f.appendChild(el('span', 'label', label));
    return f;
  }

  function renderFigures(d) {
    var box = $('figures');
    clear(box);
    box.appendChild(figure('会话', d.conversations, 'conversations'));
    box.appendChild(figure('机器人独立解决', d.conversations ? percent(d.deflection_rate) : '–', 'deflection'));
    box.appendChild(figure('反问率', d.bot_replies ? percent(d.clarify_rate) : '–', 'clarify_rate'));
    box.appendChild(figure('兜底率', d.bot_replies ? percent(d.fallback_rate) : '–', 'fallback_rate'));
    box.appendChild(figure('转人工', d.handoffs, 'handoffs'));
    box.appendChild(figure('有帮助 / 没帮助', d.thumbs_up + ' / ' + d.thumbs_down, 'thumbs'));
    var sat = d.satisfaction;
    box.appendChild(figure('人工服务满意度' + (sat ? '（' + sat.ratings + ' 个评价）' : ''),
                           sat ? sat.average.toFixed(1) + ' / 5' : '未记录', 'satisfaction'));
  }

  // Bars per day: conversations, and in front of them the handoffs.
  function renderChart(days) {
    var w = 640, h = 220, pad = 28;
    var peak = 1;
    days.forEach(function (d) { peak = Math.max(peak, d.conversations, d.handoffs); });
    var root = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': '每日会话与转人工' });
    root.appendChild(svg('line', { x1: pad, y1: h - pad, x2: w - pad, y2: h - pad, stroke: '#c5ccd6' }));
    var slot = days.length ? (w - 2 * pad) / days.length : 0;
    days.forEach(function (d, i) {
      var x = pad + i * slot + slot * 0.15, bw = slot * 0.7;
      [['conversations', d.conversations], ['handoffs', d.handoffs]].forEach(function (kv) {
        var bh = (h - 2 * pad) * kv[1] / peak;
        var r = svg('rect', { 'class': kv[0], x: x, y: h - pad - bh, width: bw, height: bh });
        r.appendChild(svg('title', {}, d.day + ' ' + (kv[0] === 'handoffs' ? '转人工 ' : '会话 ') + kv[1]));
        root.appendChild(r);
      });
      root.appendChild(svg('text', { x: x + bw / 2, y: h - 10, 'text-anchor': 'middle' }, d.day.slice(5)));
      root.appendChild(svg('text', { x: x + bw / 2, y: h - pad - (h - 2 * pad) * d.conversations / peak - 4,
                                     'text-anchor': 'middle' }, d.conversations));
    });
    var box = $('chart');
    clear(box);
    box.appendChild(root);
  }

  // What the live knowledge base replies to the cluster's most frequent
  // question now (the insights' cluster.now): fixed, still a gap, or refused
  // on purpose; and how many of the cluster's questions it answers, when only
  // some.
  function nowLabel(now, size) {
    var part = now.answered > 0 && now.answered < size ? '；本组 ' + now.answered + '/' + size + ' 次提问已能回答' : '';
    return nowActionLabel(now) + part;
  }

  function nowActionLabel(now) {
    if (now.action === 'answer') return '现在：已能回答（' + now.faq_id + '）';
    if (now.action === 'clarify') return '现在：会反问确认';
    if (now.action === 'handoff') return '现在：转人工';
    if (now.action === 'refused') {
      return now.refusal === 'lookup_refusal' ? '现在：需人工查询记录，机器人已说明'
                                              : '现在：不属本平台业务，机器人已说明';
    }
    return '现在：仍未找到答案，需补充知识库';
  }

  function renderClusters(clusters) {
    var list = $('clusters');
    clear(list);
    if (!clusters.length) { list.appendChild(el('li', 'empty', '这段时间没有未解决的问题。')); return; }
    clusters.forEach(function (c) {
      var li = el('li', 'cluster');
      var head = el('div', 'cluster-head');
      head.appendChild(el('span', 'size', c.size));
      head.appendChild(document.createTextNode('次提问'));
      li.appendChild(head);
      var ex = el('ul', 'cluster-examples');
      c.examples.forEach(function (e) { ex.appendChild(el('li', '', e.text + (e.count > 1 ? ' ×' + e.count : ''))); });
      li.appendChild(ex);
      var sources = Object.keys(c.sources).map(function (k) {
        return ({ fallback: '兜底', clarify: '反问', thumbs_down: '没帮助' }[k] || k) + ' ' + c.sources[k];
      }).join('，');
      li.appendChild(el('div', 'nearest', (c.nearest ? '最接近的条目：' + c.nearest.faq_id + '（' + c.nearest.title + '）' : '没有接近的条目') +
                                          ' · ' + sources));
      if (c.now) li.appendChild(el('div', 'now now-' + c.now.action, nowLabel(c.now, c.size)));
      hooks.onClusters.forEach(function (f) { f(li, c); });
      list.appendChild(li);
    });
  }

  function renderReasons(byReason, names) {
    var body = $('reasons').tBodies[0];
    clear(body);
    var keys = Object.keys(byReason);
    if (!keys.length) { var tr0 = body.insertRow(); tr0.appendChild(el('td', 'empty', '没有转人工')); return; }
    keys.sort(function (a, b) { return byReason[b] - byReason[a]; }).forEach(function (k) {
      var tr = body.insertRow();
      tr.appendChild(el('td', '', names[k] || k));
      tr.appendChild(el('td', '', byReason[k]));
    });
  }

  function renderEntries(entries) {
    var body = $('entries').tBodies[0];
    clear(body);
    entries.forEach(function (e) {
      var tr = body.insertRow();
      tr.dataset.faqId = e.faq_id;
      [['条目', e.faq_id + ' ' + e.title], ['回答次数', e.answered],
       ['有帮助', e.helpful_rate === null ? '–' : percent(e.helpful_rate) + '（' + e.thumbs_up + '/' + (e.thumbs_up + e.thumbs_down) + '）'],
       ['一起反问', e.clarified_with.map(function (c) { return c.text + ' ×' + c.count; }).join('；')]].forEach(function (kv) {
        var td = el('td', '', kv[1]);
        td.dataset.label = kv[0];  // shown before the value where a phone stacks the row
        tr.appendChild(td);
      });
    });
  }

  // While new figures load, the clusters on screen are stale: they are hidden
  // (aria-busy) so that no fix is started on a cluster about to be replaced.
  function load() {
    showError('error', '');
    var clusters = $('clusters');
    clusters.setAttribute('aria-busy', 'true');
    return api('/v1/admin/insights?since=' + encodeURIComponent($('since').value)).then(function (d) {
      renderFigures(d);
      renderChart(d.days);
      renderClusters(d.clusters);
      renderReasons(d.handoffs_by_reason, d.handoff_reason_labels || {});
      renderEntries(d.entries);
    }).finally(function () { clusters.removeAttribute('aria-busy'); });
  }

  function showLogin(message) {
    $('admin-view').hidden = true;
    $('login-view').hidden = false;
    showError('login-error', message || '');
    $('token').focus();
  }

  // The admin's name from GET /v1/admin/whoami; '' when the server has no such route.
  function whoami() {
    return api('/v1/admin/whoami').then(function (d) { return d.name || ''; }, function (err) {
      if (err.status === 401 || err.status === 403) throw err;
      return '';
    });
  }

  function enter(token) {
    state.token = token;
    entriesPromise = null;
    return whoami().then(function (name) {
      state.name = name;
      $('whoami').textContent = name ? '当前管理员：' + name : '';
      $('whoami').hidden = !name;
      return load();
    }).then(function () {
      try { sessionStorage.setItem(TOKEN_KEY, token); } catch (e) { /* memory only */ }
      $('login-view').hidden = true;
      $('admin-view').hidden = false;
      hooks.onEnter.forEach(function (f) { f(); });
    }).catch(function (err) {
      if (err.status === 401 || err.status === 403) {
        state.token = null;
        try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ }
        showLogin('令牌无效，请重新输入。');
      } else {
        showLogin('加载失败：' + err.message);
      }
    });
  }

  $('login-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var t = $('token').value.trim();
    $('token').value = '';
    if (t) enter(t);
  });
  $('logout').addEventListener('click', function () {
    state.token = null;
    state.name = '';
    try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ }
    showLogin('');
  });
  $('since').addEventListener('change', function () {
    load().catch(function (err) { showError('error', '加载失败：' + err.message); });
  });

  $('tab-insights').addEventListener('click', function () { showTab('insights'); });
  $('tab-releases').addEventListener('click', function () { showTab('releases'); });

  window.faqbotAdmin = {
    state: state, $: $, el: el, clear: clear, api: api, percent: percent, showError: showError,
    notice: notice, showTab: showTab, entries: entries, reload: load,
    onEnter: hooks.onEnter, onClusters: hooks.onClusters,
  };

  // After the other console scripts have added their hooks.
  document.addEventListener('DOMContentLoaded', function () {
    var saved = null;
    try { saved = sessionStorage.getItem(TOKEN_KEY); } catch (e) { saved = null; }
    if (saved) enter(saved); else showLogin('');
  });
})();
