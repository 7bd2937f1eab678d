/*
 * The agent console's panels beside the queue and the conversation, plugged
 * into agent.js (window.FaqbotConsole):
 *   - internal notes of a ticket (never sent to the investor);
 *   - transfer of a ticket the agent holds to another agent;
 *   - search of past conversations by text or customer;
 *   - the customers' satisfaction per agent.
 * Every text from the server is set with textContent, never as HTML.
 */
(function () {
  'use strict';

  var C = window.FaqbotConsole;
  var el = C.el, clear = C.clear, api = C.api;
  function $(id) { return document.getElementById(id); }

  var notesOf = null;        // ticket id whose notes are shown
  var notesLoadedAt = 0;
  var NOTES_REFRESH_MS = 10000;
  var agentsLoadedAt = 0;
  var AGENTS_REFRESH_MS = 15000;

  // ---------------------------------------------------------------- notes

  function renderNotes(list) {
    var ul = $('notes');
    clear(ul);
    if (!list.length) ul.appendChild(el('li', 'muted', '暂无备注'));
    list.forEach(function (n) {
      var li = el('li');
      li.setAttribute('data-note-id', String(n.note_id));
      li.appendChild(el('div', 'note-meta', n.agent_id + ' · ' + C.fmtTime(n.created_at) +
        (n.ticket_id !== C.state.ticketId ? ' · 工单 #' + n.ticket_id : '')));
      li.appendChild(el('div', 'note-text', n.text));
      ul.appendChild(li);
    });
  }

  function loadNotes(id) {
    notesLoadedAt = Date.now();
    return api('GET', '/v1/handoffs/' + id + '/notes').then(function (r) {
      if (id === C.state.ticketId) renderNotes(r.notes || []);
    }, C.showError);
  }

  $('note-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var id = C.state.ticketId;
    var text = $('note-text').value.trim();
    if (!id || !text) return;
    $('note-add').disabled = true;
    api('POST', '/v1/handoffs/' + id + '/notes', { text: text }).then(function () {
      $('note-text').value = '';
      return loadNotes(id);
    }, C.showError).then(function () { $('note-add').disabled = false; });
  });

  // ---------------------------------------------------------------- transfer

  function showTransfer(t) {
    var form = $('transfer-form');
    form.hidden = !C.mine(t);
    if (form.hidden) return;
    // A new ticket, or a list gone stale (who is online) while not in use.
    var fresh = form.getAttribute('data-ticket-id') === String(t.ticket_id);
    if (fresh && (Date.now() - agentsLoadedAt < AGENTS_REFRESH_MS || document.activeElement === $('transfer-to'))) return;
    form.setAttribute('data-ticket-id', String(t.ticket_id));
    loadAgents();
  }

  // The other agents, who is online and how many tickets each holds.
  function loadAgents() {
    agentsLoadedAt = Date.now();
    var chosen = $('transfer-to').value;
    api('GET', '/v1/agents').then(function (r) {
      var select = $('transfer-to');
      clear(select);
      (r.agents || []).filter(function (a) { return !a.me; }).forEach(function (a) {
        var o = el('option', null, a.agent_id + (a.online ? '（在线' : '（离线') + '，处理中 ' + a.active_tickets + '）');
        o.value = a.agent_id;
        select.appendChild(o);
      });
      if (chosen) select.value = chosen;
      $('transfer').disabled = !select.options.length;
    }, C.showError);
  }

  $('transfer-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var id = C.state.ticketId;
    var to = $('transfer-to').value;
    if (!id || !to) return;
    $('transfer').disabled = true;
    api('POST', '/v1/handoffs/' + id + '/transfer', { to_agent: to }).then(function () {
      C.showError(null);
      $('transfer-form').removeAttribute('data-ticket-id');
      C.refreshSummary();
      C.refreshQueue();
      return C.loadTicket();
    }, C.showError).then(function () { $('transfer').disabled = false; });
  });

  // ---------------------------------------------------------------- search

  var ROLE_NAMES = C.ROLES;

  function showPast(hit) {
    // A conversation that was never handed over: its transcript, read only.
    api('GET', '/v1/conversations/' + encodeURIComponent(hit.session_id) + '/messages').then(function (r) {
      C.state.ticketId = null;
      C.state.ticket = null;
      $('placeholder').hidden = true;
      $('conv').hidden = false;
      $('side').hidden = true;
      $('conv-title').textContent = '历史会话 ' + (hit.customer_name || hit.user_id || hit.session_id.slice(0, 8));
      $('conv-status').textContent = '只读';
      $('conv-status').className = 'badge closed';
      $('conv-priority').textContent = '';
      $('conv-reason').textContent = hit.channel || '';
      $('claim').hidden = true;
      $('close-form').hidden = true;
      $('transfer-form').hidden = true;
      $('send').disabled = true;
      $('reply-hint').textContent = '该会话未转人工，仅供查阅';
      C.state.transcriptKey = '';
      C.renderTranscript(r.messages || []);
    }, C.showError);
  }

  function renderResults(results) {
    var ul = $('queue');
    clear(ul);
    if (!results.length) {
      ul.appendChild(el('li', 'empty', '没有找到相关会话'));
      return;
    }
    results.forEach(function (h) {
      var li = el('li', 'hit');
      li.setAttribute('data-session-id', h.session_id);
      if (h.ticket_id) li.setAttribute('data-ticket-id', String(h.ticket_id));
      var b = el('button');
      b.type = 'button';
      var l1 = el('div', 'line1');
      l1.appendChild(el('span', null, h.customer_name || h.user_id || ('会话 ' + h.session_id.slice(0, 8))));
      l1.appendChild(el('span', 'meta', C.fmtTime(h.created_at)));
      b.appendChild(l1);
      b.appendChild(el('div', 'preview', (ROLE_NAMES[h.role] || h.role) + '：' + h.text));
      b.appendChild(el('div', 'meta', h.ticket_id ? '工单 #' + h.ticket_id : '未转人工'));
      b.addEventListener('click', function () {
        if (h.ticket_id) C.openTicket(h.ticket_id); else showPast(h);
      });
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  $('search-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var q = $('search-text').value.trim();
    var customer = $('search-customer').value.trim();
    if (!q && !customer) {
      $('search-status').textContent = '请输入会话内容或客户';
      return;
    }
    $('search-status').textContent = '搜索中…';
    var path = '/v1/conversations?limit=50&q=' + encodeURIComponent(q) + '&customer=' + encodeURIComponent(customer);
    api('GET', path).then(function (r) {
      var results = r.results || [];
      $('search-status').textContent = '找到 ' + results.length + ' 条消息';
      renderResults(results);
    }, function (err) {
      $('search-status').textContent = err.message;
    });
  });

  // ---------------------------------------------------------------- ratings

  function renderRatings(summary) {
    var ul = $('ratings');
    clear(ul);
    var list = summary.ratings || [];
    if (!list.length) ul.appendChild(el('li', 'muted', '暂无评价'));
    list.forEach(function (r) {
      var li = el('li');
      li.setAttribute('data-agent-id', r.agent_id);
      li.appendChild(el('span', null, r.agent_id + (r.agent_id === C.state.agentId ? '（我）' : '')));
      li.appendChild(el('span', 'score', r.average.toFixed(1) + ' 分 · ' + r.count + ' 次'));
      ul.appendChild(li);
    });
  }

  // ---------------------------------------------------------------- hooks

  C.hooks.ticket.push(function (d) {
    var t = d.ticket || d;
    showTransfer(t);
    if (notesOf !== t.ticket_id) {
      notesOf = t.ticket_id;
      clear($('notes'));
      $('note-text').value = '';
      loadNotes(t.ticket_id);
    } else if (Date.now() - notesLoadedAt > NOTES_REFRESH_MS) {
      loadNotes(t.ticket_id);  // a colleague's new note
    }
  });
  C.hooks.summary.push(renderRatings);
  C.hooks.leave.push(function () {
    notesOf = null;
    $('transfer-form').removeAttribute('data-ticket-id');
  });
})();
