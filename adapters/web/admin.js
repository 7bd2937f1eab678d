/*
 * faqbot operators' console. Reads GET /v1/admin/insights with the admin
 * token kept in sessionStorage (Authorization: Bearer). Every text from the
 * server is set with textContent; the chart is SVG built with DOM calls.
 */
(function () {
  'use strict';
  var TOKEN_KEY = 'faqbot.admin.token';
  var SVG = 'http://www.w3.org/2000/svg';
  var state = { token: null };

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

  function api(path) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + state.token } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) {
          var err = new Error((body.error && body.error.message) || ('HTTP ' + r.status));
          err.status = r.status;
          throw err;
        }
        return body;
      });
    });
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
    box.appendChild(figure('人工服务满意度', d.satisfaction === null ? '未记录' : d.satisfaction, 'satisfaction'));
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
      tr.appendChild(el('td', '', e.faq_id + ' ' + e.title));
      tr.appendChild(el('td', '', e.answered));
      tr.appendChild(el('td', '', e.helpful_rate === null ? '–' : percent(e.helpful_rate) + '（' + e.thumbs_up + '/' + (e.thumbs_up + e.thumbs_down) + '）'));
      tr.appendChild(el('td', '', e.clarified_with.map(function (c) { return c.text + ' ×' + c.count; }).join('；')));
    });
  }

  function load() {
    showError('error', '');
    return api('/v1/admin/insights?since=' + encodeURIComponent($('since').value)).then(function (d) {
      renderFigures(d);
      renderChart(d.days);
      renderClusters(d.clusters);
      renderReasons(d.handoffs_by_reason, d.handoff_reason_labels || {});
      renderEntries(d.entries);
    });
  }

  function showLogin(message) {
    $('admin-view').hidden = true;
    $('login-view').hidden = false;
    showError('login-error', message || '');
    $('token').focus();
  }

  function enter(token) {
    state.token = token;
    return load().then(function () {
      try { sessionStorage.setItem(TOKEN_KEY, token); } catch (e) { /* memory only */ }
      $('login-view').hidden = true;
      $('admin-view').hidden = false;
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
    try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ }
    showLogin('');
  });
  $('since').addEventListener('change', function () {
    load().catch(function (err) { showError('error', '加载失败：' + err.message); });
  });

  var saved = null;
  try { saved = sessionStorage.getItem(TOKEN_KEY); } catch (e) { saved = null; }
  if (saved) enter(saved); else showLogin('');
})();
