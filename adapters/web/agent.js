/*
 * faqbot agent console. Talks to the agent API with the token kept in
 * sessionStorage (Authorization: Bearer). Every text from the server is set
 * with textContent, never as HTML.
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'faqbot.agentToken';
  var POLL_MS = 3000;
  var STATUS = { waiting: '等待中', active: '处理中', closed: '已结束' };
  var ROLES = { investor: '客户', bot: '智能客服', agent: '人工客服', system: '系统' };

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = String(text);
    return n;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function fmtTime(ms) {
    if (!ms) return '';
    var d = new Date(ms);
    return (d.getMonth() + 1) + '-' + d.getDate() + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes());
  }
  function age(ms) {
    if (!ms) return '';
    var s = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (s < 60) return s + ' 秒前';
    if (s < 3600) return Math.floor(s / 60) + ' 分钟前';
    if (s < 86400) return Math.floor(s / 3600) + ' 小时前';
    return Math.floor(s / 86400) + ' 天前';
  }

  var SUMMARY_MS = 3000;
  var TYPING_POLL_MS = 1500;
  var TYPING_SEND_MS = 2000;  // tell the investor at most this often while typing
  var alerts = window.FaqbotAlerts;

  var state = {
    token: null,
    agentId: '',
    tab: 'waiting',
    ticketId: null,
    ticket: null,
    transcriptKey: '',
    queueTimer: null,
    detailTimer: null,
    summaryTimer: null,
    typingTimer: null,
    typingSentAt: 0
  };

  // What agent_panels.js plugs in: called with each ticket detail rendered,
  // each summary, and on logout.
  var hooks = { ticket: [], summary: [], leave: [] };
  function run(list, arg) { list.forEach(function (f) { try { f(arg); } catch (e) { showError(e); } }); }

  // ---------------------------------------------------------------- API

  function api(method, path, body) {
    var init = { method: method, headers: { 'Authorization': 'Bearer ' + state.token } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!res.ok) {
          var msg = data && data.error && data.error.message ? data.error.message : ('请求失败（HTTP ' + res.status + '）');
          var err = new Error(msg);
          err.status = res.status;
          err.code = data && data.error && data.error.code;
          throw err;
        }
        return data;
      });
    }, function () {
      var err = new Error('无法连接服务器，请检查网络');
      err.status = 0;
      throw err;
    });
  }

  function showError(err) {
    if (err && (err.status === 401)) { logout(err.message); return; }
    var box = $('error');
    box.textContent = err ? (err.message || String(err)) : '';
    box.hidden = !err;
  }

  // ---------------------------------------------------------------- login

  function showLogin(message) {
    $('console-view').hidden = true;
    $('login-view').hidden = false;
    var e = $('login-error');
    e.textContent = message || '';
    e.hidden = !message;
    $('token').focus();
  }

  function logout(message) {
    state.token = null;
    try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ }
    clearTimeout(state.queueTimer);
    clearTimeout(state.detailTimer);
    clearTimeout(state.summaryTimer);
    clearTimeout(state.typingTimer);
    state.ticketId = null;
    state.agentId = '';
    alerts.reset();
    run(hooks.leave);
    showLogin(message);
  }

  function enter(token) {
    state.token = token;
    return api('GET', '/v1/handoffs/summary').then(function (summary) {
      try { sessionStorage.setItem(TOKEN_KEY, token); } catch (e) { /* memory only */ }
      $('login-view').hidden = true;
      $('console-view').hidden = false;
      state.agentId = summary.agent_id || '';
      $('who').textContent = '坐席 ' + state.agentId;
      takeSummary(summary);
      state.summaryTimer = setTimeout(refreshSummary, SUMMARY_MS);
      refreshQueue();
    }, function (err) {
      state.token = null;
      try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* ignore */ }
      showLogin(err.message);
    });
  }

  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var t = $('token').value.trim();
    if (!t) { showLogin('请输入坐席令牌'); return; }
    $('token').value = '';
    alerts.unlockAudio();
    enter(t);
  });
  document.addEventListener('click', function () { alerts.unlockAudio(); });

  function showSoundState() {
    var on = alerts.soundOn();
    $('sound-toggle').textContent = '提示音：' + (on ? '开' : '关');
    $('sound-toggle').setAttribute('aria-pressed', on ? 'true' : 'false');
  }
  $('sound-toggle').addEventListener('click', function () {
    alerts.setSound(!alerts.soundOn());
    showSoundState();
  });
  function showNotifyState() {
    var b = $('notify-enable');
    var supported = 'Notification' in window;
    b.hidden = !supported || Notification.permission === 'granted';
    b.textContent = supported && Notification.permission === 'denied' ? '桌面通知已被浏览器禁止' : '开启桌面通知';
    b.disabled = supported && Notification.permission === 'denied';
  }
  $('notify-enable').addEventListener('click', function () {
    alerts.requestPermission().then(showNotifyState, showNotifyState);
  });
  showSoundState();
  showNotifyState();

  // ---------------------------------------------------------------- summary

  // Live counts for every tab, new-ticket alerts, ratings: every few seconds
  // and at once after the agent's own claim, close or transfer.
  function takeSummary(summary) {
    var counts = summary.counts || {};
    [['waiting', counts.waiting], ['active', counts.active]].forEach(function (kv) {
      var c = document.querySelector('.tabs button[data-status=' + kv[0] + '] .count');
      if (c) c.textContent = '(' + (kv[1] || 0) + ')';
    });
    alerts.update(summary);
    var mine = (summary.ratings || []).filter(function (r) { return r.agent_id === state.agentId; })[0];
    $('my-rating').textContent = mine ? '我的满意度 ' + mine.average.toFixed(1) + '（' + mine.count + ' 次评价）' : '';
    run(hooks.summary, summary);
  }

  function refreshSummary() {
    clearTimeout(state.summaryTimer);
    if (!state.token) return Promise.resolve();
    return api('GET', '/v1/handoffs/summary').then(takeSummary, showError).then(function () {
      if (state.token) state.summaryTimer = setTimeout(refreshSummary, SUMMARY_MS);
    });
  }
  $('logout').addEventListener('click', function () { logout(''); });

  // ---------------------------------------------------------------- queue

  function selectTab(status) {
    state.tab = status;
    Array.prototype.forEach.call(document.querySelectorAll('.tabs button'), function (b) {
      b.setAttribute('aria-selected', b.getAttribute('data-status') === status ? 'true' : 'false');
    });
    $('search-form').hidden = status !== 'search';
    if (status === 'search') {
      clearTimeout(state.queueTimer);
      clear($('queue'));
      $('search-text').focus();
      return;
    }
    refreshQueue();
  }
  Array.prototype.forEach.call(document.querySelectorAll('.tabs button'), function (b) {
    b.addEventListener('click', function () { selectTab(b.getAttribute('data-status')); });
  });

  function renderQueue(list) {
    var ul = $('queue');
    clear(ul);
    if (!list.length) {
      ul.appendChild(el('li', 'empty', '暂无' + STATUS[state.tab] + '的会话'));
      return;
    }
    list.forEach(function (t) {
      var li = el('li', t.priority === 'high' ? 'high' : '');
      li.setAttribute('data-ticket-id', String(t.ticket_id));
      var b = el('button');
      b.type = 'button';
      if (t.ticket_id === state.ticketId) b.setAttribute('aria-current', 'true');
      var l1 = el('div', 'line1');
      var title = el('span', null, '#' + t.ticket_id + ' ');
      title.appendChild(el('span', 'badge' + (t.priority === 'high' ? ' high' : ''), t.priority === 'high' ? '高优先级' : '普通'));
      l1.appendChild(title);
      l1.appendChild(el('span', 'meta', age(t.created_at)));
      b.appendChild(l1);
      b.appendChild(el('div', 'preview', t.question || t.last_message || '（无消息）'));  // the real question, not 转人工
      var meta = t.reason_label || '';
      if (t.status === 'waiting' && t.queue_position) meta += ' · 排队第 ' + t.queue_position + ' 位';
      if (t.claimed_by) meta += ' · ' + t.claimed_by;
      if (t.channel && t.channel !== 'web') meta += ' · ' + t.channel;
      b.appendChild(el('div', 'meta', meta));
      b.addEventListener('click', function () { openTicket(t.ticket_id); });
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  function refreshQueue() {
    clearTimeout(state.queueTimer);
    if (!state.token || state.tab === 'search') return;
    var tab = state.tab;
    api('GET', '/v1/handoffs?status=' + tab).then(function (data) {
      if (tab !== state.tab) return;
      var list = (data && data.handoffs) || [];
      renderQueue(list);
      showError(null);
    }, showError).then(function () {
      if (state.token && state.tab !== 'search') state.queueTimer = setTimeout(refreshQueue, POLL_MS);
    });
  }

  // ---------------------------------------------------------------- ticket

  function renderTranscript(messages) {
    var key = messages.map(function (m) { return m.message_id; }).join(',');
    if (key === state.transcriptKey) return;
    state.transcriptKey = key;
    var box = $('transcript');
    clear(box);
    messages.forEach(function (m) {
      var row = el('div', 'msg');
      row.setAttribute('data-role', m.role);
      row.setAttribute('data-message-id', String(m.message_id));
      var who = ROLES[m.role] || m.role;
      if (m.role === 'agent' && m.agent_id) who += '（' + m.agent_id + '）';
      row.appendChild(el('div', 'who', who + ' · ' + fmtTime(m.created_at)));
      row.appendChild(el('div', 'bubble', m.text));
      box.appendChild(row);
    });
    box.scrollTop = box.scrollHeight;  // the transcript changed: show the newest
  }

  function insertText(text) {
    var ta = $('reply-text');
    var start = ta.selectionStart != null ? ta.selectionStart : ta.value.length;
    var end = ta.selectionEnd != null ? ta.selectionEnd : ta.value.length;
    ta.value = ta.value.slice(0, start) + text + ta.value.slice(end);
    ta.focus();
    var pos = start + text.length;
    ta.setSelectionRange(pos, pos);
  }

  function renderSide(d) {
    var p = d.profile || {};
    var dl = $('profile');
    clear(dl);
    [['客户', p.customer_name || '（未知）'], ['用户 ID', p.user_id || '（匿名）'], ['渠道', p.channel || 'web'],
     ['首次咨询', fmtTime(p.first_seen_at)], ['最近消息', fmtTime(p.last_seen_at)],
     ['客户消息数', p.investor_messages != null ? p.investor_messages : '']].forEach(function (kv) {
      dl.appendChild(el('dt', null, kv[0]));
      dl.appendChild(el('dd', null, kv[1]));
    });
    var assist = d.assist || {};
    var asked = assist.questions || [];
    $('assist-questions').textContent = asked.length ? '依据客户的问题：' + asked.join(' / ') : '';
    var sug = $('suggestions');
    clear(sug);
    var list = d.suggestions || [];
    if (!list.length) sug.appendChild(el('div', 'muted', '暂无推荐'));
    list.forEach(function (s) {
      var box = el('div', 'sugg');
      box.setAttribute('data-faq-id', s.faq_id);
      box.appendChild(el('div', 'q', s.question));
      box.appendChild(el('div', 'a', s.answer));
      var b = el('button', 'btn secondary', '插入回复框');
      b.type = 'button';
      b.setAttribute('aria-label', '插入推荐答案：' + s.question);
      b.addEventListener('click', function () { insertText(s.answer || ''); });
      box.appendChild(b);
      sug.appendChild(box);
    });
    // Quick replies ranked for this ticket; the suggested ones first and
    // marked; one the compliance guard refuses is shown but cannot be used.
    var quick = $('quick');
    clear(quick);
    var q = assist.quick_replies || (d.quick_replies || []).map(function (text) { return { text: text, refused: [] }; });
    if (!q.length) quick.appendChild(el('div', 'muted', '暂无快捷短语'));
    q.forEach(function (item) {
      var b = el('button', item.suggested ? 'suggested' : null, item.text);
      b.type = 'button';
      if (item.suggested) b.setAttribute('aria-label', '推荐：' + item.text);
      if (item.refused && item.refused.length) {
        b.disabled = true;
        b.className = 'refused';
        b.title = '含不合规用语：' + item.refused.join('、') + '，不可使用';
      } else {
        b.addEventListener('click', function () { insertText(item.text); });
      }
      quick.appendChild(b);
    });
  }

  function renderTicket(d) {
    var t = d.ticket || d;  // the ticket's fields sit at the top level (or under "ticket")
    state.ticket = t;
    $('placeholder').hidden = true;
    $('conv').hidden = false;
    $('side').hidden = false;
    $('conv-title').textContent = '工单 #' + t.ticket_id;
    var st = $('conv-status');
    st.textContent = STATUS[t.status] || t.status;
    st.className = 'badge ' + t.status;
    var pr = $('conv-priority');
    pr.textContent = t.priority === 'high' ? '高优先级' : '普通';
    pr.className = 'badge' + (t.priority === 'high' ? ' high' : '');
    var reason = t.reason_label || '';
    if (t.claimed_by) reason += (reason ? ' · ' : '') + '处理人 ' + t.claimed_by;
    if (t.expected_reply_at && t.status === 'waiting') reason += ' · 约定回话 ' + fmtTime(t.expected_reply_at);
    $('conv-reason').textContent = reason;
    $('claim').hidden = t.status !== 'waiting';
    // Only the agent holding a ticket replies in it or closes it.
    $('close-form').hidden = !(t.status === 'waiting' || mine(t));
    $('send').disabled = !mine(t);
    $('reply-hint').textContent = t.status === 'waiting' ? '请先认领该会话再回复' :
      t.status === 'closed' ? '会话已结束' + (t.resolution ? '：' + t.resolution : '') :
      !mine(t) ? '该会话由 ' + t.claimed_by + ' 处理' : '';
    renderTranscript(d.transcript || []);
    renderSide(d);
    run(hooks.ticket, d);
  }

  function loadTicket() {
    clearTimeout(state.detailTimer);
    var id = state.ticketId;
    if (!id || !state.token) return Promise.resolve();
    return api('GET', '/v1/handoffs/' + id).then(function (d) {
      if (id !== state.ticketId) return;
      renderTicket(d);
    }, showError).then(function () {
      if (state.token && state.ticketId === id) state.detailTimer = setTimeout(loadTicket, POLL_MS);
    });
  }

  function openTicket(id) {
    if (id !== state.ticketId) {
      state.transcriptKey = '';
      $('reply-text').value = '';
      $('resolution').value = '';
      showRefusal(null);
    }
    state.ticketId = id;
    $('investor-typing').hidden = true;
    Array.prototype.forEach.call(document.querySelectorAll('#queue li button'), function (b) {
      var li = b.parentNode;
      if (li.getAttribute('data-ticket-id') === String(id)) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
    return loadTicket().then(pollInvestorTyping);
  }

  $('claim').addEventListener('click', function () {
    var id = state.ticketId;
    $('claim').disabled = true;
    api('POST', '/v1/handoffs/' + id + '/claim').then(function () {
      showError(null);
      refreshSummary();
      selectTab('active');
      return loadTicket();
    }, showError).then(function () {
      $('claim').disabled = false;
      $('reply-text').focus();
    });
  });

  // The guard's refusal of the agent's draft (names the phrases), or none.
  function showRefusal(message) {
    var box = $('reply-refusal');
    box.textContent = message || '';
    box.hidden = !message;
  }

  function sendReply() {
    var text = $('reply-text').value.trim();
    if (!text || !state.ticketId) return;
    $('send').disabled = true;
    api('POST', '/v1/handoffs/' + state.ticketId + '/messages', { text: text }).then(function () {
      $('reply-text').value = '';
      showRefusal(null);
      showError(null);
      return loadTicket();
    }, function (err) {
      // The compliance guard refused the draft: nothing was sent; the draft
      // stays in the box so the agent can edit and resend.
      if (err && err.code === 'compliance') {
        showRefusal(err.message);
        $('reply-text').focus();
        return;
      }
      showError(err);
    }).then(function () {
      $('send').disabled = !mine(state.ticket);
    });
  }
  $('reply-form').addEventListener('submit', function (e) { e.preventDefault(); sendReply(); });

  // ---------------------------------------------------------------- typing

  function mine(t) { return t && t.status === 'active' && t.claimed_by === state.agentId; }

  // The investor sees "客服正在输入…" while the agent types (at most one
  // report every TYPING_SEND_MS; the server lets it lapse).
  $('reply-text').addEventListener('input', function () {
    var t = state.ticket;
    if (!mine(t) || !$('reply-text').value.trim()) return;
    var now = Date.now();
    if (now - state.typingSentAt < TYPING_SEND_MS) return;
    state.typingSentAt = now;
    api('POST', '/v1/handoffs/' + t.ticket_id + '/typing').then(null, function () { /* a hint only */ });
  });

  function pollInvestorTyping() {
    clearTimeout(state.typingTimer);
    var id = state.ticketId;
    if (!id || !state.token) return;
    var t = state.ticket;
    var open = t && t.ticket_id === id && t.status !== 'closed';
    var done = open ? api('GET', '/v1/handoffs/' + id + '/typing').then(function (r) {
      if (id === state.ticketId) $('investor-typing').hidden = !r.investor_typing;
    }, function () { /* keep the last state */ }) : Promise.resolve($('investor-typing').hidden = true);
    done.then(function () {
      if (state.token && state.ticketId === id) state.typingTimer = setTimeout(pollInvestorTyping, TYPING_POLL_MS);
    });
  }
  $('reply-text').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); sendReply(); }
  });

  $('close-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var id = state.ticketId;
    api('POST', '/v1/handoffs/' + id + '/close', { resolution: $('resolution').value.trim() }).then(function () {
      showError(null);
      $('resolution').value = '';
      refreshSummary();
      refreshQueue();
      return loadTicket();
    }, showError);
  });

  // ---------------------------------------------------------------- start

  // For agent_panels.js (notes, transfer, search, ratings).
  window.FaqbotConsole = {
    api: api, el: el, clear: clear, fmtTime: fmtTime, hooks: hooks, state: state, ROLES: ROLES,
    showError: showError, openTicket: openTicket, loadTicket: loadTicket, refreshSummary: refreshSummary,
    refreshQueue: refreshQueue, selectTab: selectTab, renderTranscript: renderTranscript, mine: mine
  };

  // Started once every script of the page has loaded (agent_panels.js
  // registers its hooks first).
  document.addEventListener('DOMContentLoaded', function () {
    var saved = null;
    try { saved = sessionStorage.getItem(TOKEN_KEY); } catch (e) { saved = null; }
    if (saved) enter(saved); else showLogin('');
  });
})();
