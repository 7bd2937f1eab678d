/*
 * faqbot chat widget: one self-contained script to embed on any page.
 *
 *   <script src="https://bot.example.com/widget.js" defer></script>
 *
 * Options, as attributes of the script tag:
 *   data-api    base address of the faqbot API (default: the origin of src)
 *   data-title  title of the chat panel (default "在线客服")
 *   data-open   "true" opens the panel at load
 *
 * The widget builds its own DOM inside a shadow root (styles do not leak in or
 * out), keeps the session id and its session token in localStorage (a reload
 * or another tab of the same browser continues the conversation), and renders
 * every text from the investor or the server with textContent, never as HTML.
 * The investor's own bubble shows the text as the server stored it, with card,
 * ID and phone numbers masked.
 *
 * API used (see GET /openapi.json): POST /v1/chat (the first call creates the
 * session and returns session_id + session_token; every later call sends
 * "Authorization: Bearer <session_token>"), POST /v1/feedback, and while a
 * human handoff is open the transcript as Server-Sent Events
 * (GET /v1/sessions/{id}/events?session_token=…: EventSource cannot send
 * headers), falling back to polling GET /v1/sessions/{id}/messages?after=….
 * Typing: "正在输入" shows while the bot works on a message and while the
 * agent types (the stream's "typing" events, or GET /v1/sessions/{id}/typing
 * when polling); while a human is in the conversation the investor's own
 * typing is reported (POST /v1/sessions/{id}/typing, at most every 2 s).
 * When a conversation with an agent has ended, the investor is asked to
 * rate it 1-5 (GET/POST /v1/sessions/{id}/rating), once per ticket.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (window.__faqbotWidget) return;  // embedded twice: keep the first one

  function apiBase() {
    var explicit = script && script.getAttribute('data-api');
    if (explicit) return explicit.replace(/\/+$/, '');
    if (script && script.src) {
      try { return new URL(script.src, location.href).origin; } catch (e) { /* fall through */ }
    }
    return location.origin;
  }

  var API = apiBase();
  var TITLE = (script && script.getAttribute('data-title')) || '在线客服';
  var BOT_LINE = '智能客服为您服务，需要时可回复“转人工”';  // no handoff: the bot answers
  var START_OPEN = script && script.getAttribute('data-open') === 'true';
  var STORAGE_KEY = 'faqbot.session.v2.' + API;
  var MAX_CHARS = 2000;
  var POLL_FAST_MS = 2000;
  var POLL_SLOW_MS = 10000;
  var SLOW_AFTER_MS = 5 * 60 * 1000;
  var TYPING_SEND_MS = 2000;
  var TYPING_LAPSE_MS = 6000;  // an agent typing mark not renewed lapses (the server's default)

  var CSS = [
    ':host{all:initial}',
    '*{box-sizing:border-box}',
    '.fb-root{position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1d2433}',
    '.fb-launcher{display:flex;align-items:center;gap:8px;border:0;border-radius:24px;padding:12px 18px;background:#1f4e9c;color:#fff;font:inherit;font-weight:600;cursor:pointer;box-shadow:0 4px 14px rgba(20,40,90,.35)}',
    '.fb-launcher:hover{background:#173d7c}',
    '.fb-launcher::before{content:"";width:10px;height:10px;border-radius:50%;background:#3ddc84;box-shadow:0 0 0 3px rgba(61,220,132,.3)}',
    'button:focus-visible,input:focus-visible{outline:3px solid #f5a623;outline-offset:2px}',
    '.fb-panel{display:none;flex-direction:column;width:360px;height:540px;max-height:calc(100vh - 40px);background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(20,40,90,.3);overflow:hidden}',
    '.fb-root.fb-open .fb-panel{display:flex}',
    '.fb-root.fb-open .fb-launcher{display:none}',
    '.fb-head{display:flex;align-items:center;justify-content:space-between;padding:12px 14px;background:#1f4e9c;color:#fff}',
    '.fb-head h2{margin:0;font-size:15px;font-weight:600}',
    '.fb-head small{display:block;font-weight:400;opacity:.85;font-size:12px}',
    '.fb-close{border:0;background:transparent;color:#fff;font-size:22px;line-height:1;cursor:pointer;padding:4px 8px;border-radius:6px}',
    '.fb-status{padding:6px 14px;background:#fff7e6;color:#8a5300;font-size:12px;border-bottom:1px solid #f3e1bd}',
    '.fb-status[hidden]{display:none}',
    '.fb-status[data-state=bot],.fb-status[data-state=closed]{background:#f5f7fa;color:#5c6b7a;border-bottom-color:#e6ebf0}',
    '.fb-status[data-state=claimed],.fb-status[data-state=transferred]{background:#eaf6ee;color:#1f6b3a;border-bottom-color:#cde9d6}',
    '.fb-log{flex:1;overflow-y:auto;padding:12px 12px 16px;background:#f4f6fa}',
    '.fb-msg{margin:8px 0;display:flex;flex-direction:column;align-items:flex-start}',
    '.fb-msg[data-role=investor]{align-items:flex-end}',
    '.fb-msg[data-role=system]{align-items:center}',
    '.fb-meta{margin:0 4px 2px}',
    '.fb-who{font-size:12px;color:#5b6578}',
    '.fb-time{font-size:11px;color:#8a93a3;margin-left:6px;font-weight:400}',
    '.fb-msg[data-role=system] .fb-time{display:block;text-align:center;margin:0}',
    '.fb-typing{display:flex;align-items:center;gap:6px;margin:6px 0;font-size:12px;color:#5b6578}',
    '.fb-typing[hidden]{display:none}',
    '.fb-dots{display:inline-flex;gap:3px;padding:8px 10px;background:#fff;border:1px solid #e1e6ef;border-radius:10px}',
    '.fb-dots i{width:6px;height:6px;border-radius:50%;background:#8a93a3;animation:fb-blink 1.2s infinite both}',
    '.fb-dots i:nth-child(2){animation-delay:.2s}.fb-dots i:nth-child(3){animation-delay:.4s}',
    '@keyframes fb-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}',
    '.fb-rate{margin:10px auto;padding:10px 12px;max-width:92%;background:#fff;border:1px solid #e1e6ef;border-radius:10px;text-align:center;font-size:13px}',
    '.fb-stars{display:flex;justify-content:center;gap:4px;margin-top:6px}',
    '.fb-stars button{border:0;background:transparent;font-size:24px;line-height:1;color:#c5cddb;cursor:pointer;padding:2px 4px}',
    '.fb-stars button:hover,.fb-stars button.fb-on{color:#f5a623}',
    '.fb-stars button:disabled{cursor:default}',
    '.fb-msg[data-role=agent] .fb-who{color:#b35c00;font-weight:600}',
    '.fb-bubble{max-width:85%;padding:8px 12px;border-radius:10px;background:#fff;border:1px solid #e1e6ef;white-space:pre-wrap;word-break:break-word;overflow-wrap:anywhere}',
    '.fb-msg[data-role=investor] .fb-bubble{background:#1f4e9c;color:#fff;border-color:#1f4e9c}',
    '.fb-msg[data-role=agent] .fb-bubble{background:#fff4e5;border-color:#f5c37a}',
    '.fb-msg[data-role=system] .fb-bubble{background:transparent;border:0;color:#5b6578;font-size:12px;text-align:center;max-width:95%}',
    '.fb-msg.fb-error .fb-bubble{color:#b3261e}',
    '.fb-sugg{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px;max-width:90%}',
    '.fb-sugg-label{width:100%;font-size:12px;color:#5b6578}',
    '.fb-sugg button{border:1px solid #1f4e9c;background:#fff;color:#1f4e9c;border-radius:14px;padding:4px 10px;font:inherit;font-size:13px;cursor:pointer;text-align:left}',
    '.fb-sugg button:hover{background:#eaf0fb}',
    '.fb-fb{display:flex;align-items:center;gap:4px;margin-top:4px;font-size:12px;color:#5b6578}',
    '.fb-fb button{border:1px solid #d0d7e3;background:#fff;border-radius:12px;padding:1px 8px;font:inherit;font-size:12px;cursor:pointer}',
    '.fb-fb button[aria-pressed=true]{background:#eaf0fb;border-color:#1f4e9c}',
    '.fb-fb button:disabled{cursor:default}',
    '.fb-form{display:flex;gap:6px;padding:10px;border-top:1px solid #e1e6ef;background:#fff}',
    '.fb-input{flex:1;min-width:0;border:1px solid #c5cddb;border-radius:8px;padding:8px 10px;font:inherit;font-size:16px}',
    '.fb-send,.fb-human{border:0;border-radius:8px;padding:8px 12px;font:inherit;cursor:pointer;white-space:nowrap}',
    '.fb-send{background:#1f4e9c;color:#fff}',
    '.fb-human{background:#fff;color:#b35c00;border:1px solid #f0a04b}',
    '.fb-send:disabled{opacity:.6;cursor:default}',
    '.fb-note{padding:0 12px 8px;font-size:11px;color:#7a8496;background:#fff}',
    '.fb-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
    '@media (max-width:480px){.fb-root{right:12px;bottom:12px}.fb-root.fb-open{right:0;bottom:0;left:0;top:0}',
    '.fb-root.fb-open .fb-panel{width:100vw;height:100%;max-height:none;border-radius:0}}'
  ].join('\n');

  // ------------------------------------------------------------ DOM helpers

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    }
    if (text != null) node.textContent = String(text);  // never innerHTML
    return node;
  }

  var host = el('div', { id: 'faqbot-widget' });
  var shadow = host.attachShadow({ mode: 'open' });
  // A constructed style sheet is not inline style, so the widget keeps its
  // look under a Content-Security-Policy without 'unsafe-inline' (ours and
  // an embedding page's); older browsers get a <style> element.
  if (window.CSSStyleSheet && 'adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    var style = el('style');
    style.textContent = CSS;
    shadow.appendChild(style);
  }

  var root = el('div', { 'class': 'fb-root' });
  var launcher = el('button', {
    'class': 'fb-launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'fb-panel'
  }, TITLE);
  var panel = el('section', { 'class': 'fb-panel', id: 'fb-panel', role: 'dialog', 'aria-label': TITLE });
  var head = el('div', { 'class': 'fb-head' });
  var h2 = el('h2', null, TITLE);
  h2.appendChild(el('small', null, '智能客服为您解答，需要时可转人工'));
  var closeBtn = el('button', { 'class': 'fb-close', type: 'button', 'aria-label': '关闭对话窗口' }, '×');
  head.appendChild(h2);
  head.appendChild(closeBtn);
  var statusLine = el('div', { 'class': 'fb-status', role: 'status', 'aria-live': 'polite' });
  statusLine.hidden = true;
  var log = el('div', { 'class': 'fb-log', role: 'log', 'aria-live': 'polite', 'aria-label': '对话记录', tabindex: '0' });
  // "正在输入": kept as the last row of the log while shown.
  var typingRow = el('div', { 'class': 'fb-typing', role: 'status' });
  var typingDots = el('span', { 'class': 'fb-dots', 'aria-hidden': 'true' });
  typingDots.appendChild(el('i'));
  typingDots.appendChild(el('i'));
  typingDots.appendChild(el('i'));
  var typingText = el('span');
  typingRow.appendChild(typingDots);
  typingRow.appendChild(typingText);
  typingRow.hidden = true;
  var form = el('form', { 'class': 'fb-form', novalidate: '' });
  var inputLabel = el('label', { 'class': 'fb-sr', 'for': 'fb-input' }, '请输入您的问题');
  var input = el('input', {
    'class': 'fb-input', id: 'fb-input', type: 'text', maxlength: String(MAX_CHARS),
    placeholder: '请输入您的问题', autocomplete: 'off', enterkeyhint: 'send'
  });
  var sendBtn = el('button', { 'class': 'fb-send', type: 'submit' }, '发送');
  var humanBtn = el('button', { 'class': 'fb-human', type: 'button', title: '转接人工客服' }, '转人工');
  form.appendChild(inputLabel);
  form.appendChild(input);
  form.appendChild(sendBtn);
  form.appendChild(humanBtn);
  var note = el('div', { 'class': 'fb-note' }, '温馨提示：客服不会索要您的密码或短信验证码。出借有风险，投资需谨慎。');
  panel.appendChild(head);
  panel.appendChild(statusLine);
  panel.appendChild(log);
  panel.appendChild(form);
  panel.appendChild(note);
  root.appendChild(launcher);
  root.appendChild(panel);
  shadow.appendChild(root);

  // ------------------------------------------------------------ state

  var state = {
    sessionId: null,
    sessionToken: null,   // the session's credential, sent as a Bearer token
    events: null,         // EventSource while a handoff is open
    sseFailed: false,     // the stream failed once on this page: poll instead
    cursor: 0,            // highest message id taken from the transcript
    lastAck: 0,           // highest message id acknowledged by POST /v1/chat
    seen: {},             // message id -> rendered element
    pendingLocal: [],     // investor messages shown before the server gave their id
    handoffOpen: false,
    lastActivity: Date.now(),
    pollTimer: null,
    polling: false,
    restored: false,
    unread: 0,            // agent/system messages that arrived while the panel was closed
    sendChain: Promise.resolve(),
    botWorking: 0,        // chat requests in flight
    agentTypingUntil: 0,  // the agent's typing indicator lapses then (ms)
    agentTypingTimer: null,
    typingSentAt: 0,      // when the investor's typing was last reported
    rated: {}             // ticket id -> 'asking' | 'shown' | 'done'
  };

  // {id, token} of this browser's conversation, or null.
  function loadSession() {
    try {
      var saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
      return saved && saved.id && saved.token ? saved : null;
    } catch (e) { return null; }
  }
  function saveSession(id, token) {
    state.sessionId = id;
    state.sessionToken = token;
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ id: id, token: token }));
    } catch (e) { /* private mode: the session lives in this page only */ }
  }
  function dropSession() {
    state.sessionId = null;
    state.sessionToken = null;
    stopEvents();
    try { localStorage.removeItem(STORAGE_KEY); } catch (e) { /* ignore */ }
  }

  // ------------------------------------------------------------ network

  function errorMessage(body, status) {
    if (body && body.error && body.error.message) return body.error.message;
    if (status === 429) return '您发送得太快了，请稍候再试。';
    return '网络开小差了，请稍后再试。';
  }

  function request(method, path, body) {
    var init = { method: method, headers: {}, mode: 'cors', credentials: 'omit' };
    if (state.sessionToken) init.headers.Authorization = 'Bearer ' + state.sessionToken;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!res.ok) {
          var err = new Error(errorMessage(data, res.status));
          err.status = res.status;
          throw err;
        }
        return data;
      });
    }, function () {
      var err = new Error('网络开小差了，请检查网络后再试。');
      err.status = 0;
      throw err;
    });
  }

  // ------------------------------------------------------------ rendering

  var WHO = { investor: '我', bot: '智能客服', agent: '人工客服', system: '' };

  // The newest row (with its suggestions and feedback buttons) in view.
  function scrollToEnd() { log.scrollTop = log.scrollHeight; }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // "14:05" today, "3月2日 14:05" on another day.
  function clock(ms) {
    var d = new Date(ms || Date.now());
    var hm = pad(d.getHours()) + ':' + pad(d.getMinutes());
    var today = new Date();
    return d.toDateString() === today.toDateString() ? hm : (d.getMonth() + 1) + '月' + d.getDate() + '日 ' + hm;
  }

  // Inserts `node` into the log, before the typing row when it is shown.
  function append(node) {
    log.insertBefore(node, typingRow.parentNode === log ? typingRow : null);
    scrollToEnd();
  }

  function addMessage(role, text, id, extraClass, createdAt) {
    var row = el('div', { 'class': 'fb-msg' + (extraClass ? ' ' + extraClass : ''), 'data-role': role });
    if (id) row.setAttribute('data-message-id', String(id));
    var when = el('time', { 'class': 'fb-time', datetime: new Date(createdAt || Date.now()).toISOString() },
                  clock(createdAt));
    if (role === 'system') {
      row.appendChild(el('div', { 'class': 'fb-bubble' }, text));
      row.appendChild(when);
    } else {
      var head = el('div', { 'class': 'fb-meta' });
      head.appendChild(el('span', { 'class': 'fb-who' }, WHO[role] || ''));
      head.appendChild(when);
      row.appendChild(head);
      row.appendChild(el('div', { 'class': 'fb-bubble' }, text));
    }
    if (id) state.seen[id] = row;
    append(row);
    return row;
  }

  // Shows "<who>正在输入" (the bot while a message is answered, the agent
  // while typing), or hides it.
  function renderTyping() {
    var agent = state.agentTypingUntil > Date.now();
    var bot = state.botWorking > 0 && !state.handoffOpen;
    typingRow.hidden = !(agent || bot);
    typingText.textContent = agent ? '人工客服正在输入…' : '智能客服正在输入…';
    if (!typingRow.hidden) {
      log.appendChild(typingRow);  // stays the last row
      scrollToEnd();
    }
  }
  function agentTyping(on, lapseMs) {
    clearTimeout(state.agentTypingTimer);
    state.agentTypingUntil = on ? Date.now() + (lapseMs || TYPING_LAPSE_MS) : 0;
    if (on) state.agentTypingTimer = setTimeout(renderTyping, (lapseMs || TYPING_LAPSE_MS) + 50);
    renderTyping();
  }

  function addSuggestions(row, suggestions) {
    if (!suggestions || !suggestions.length || row.querySelector('.fb-sugg')) return;
    var box = el('div', { 'class': 'fb-sugg', role: 'group', 'aria-label': '您可能想问' });
    box.appendChild(el('span', { 'class': 'fb-sugg-label' }, '您可能想问：'));
    suggestions.forEach(function (s) {
      if (!s || !s.question) return;
      var b = el('button', { type: 'button', 'data-faq-id': s.faq_id || '' }, s.question);
      // The button carries its entry: answered from it, not searched again.
      b.addEventListener('click', function () { send(s.question, s.faq_id); });
      box.appendChild(b);
    });
    row.appendChild(box);
    scrollToEnd();
  }

  function addFeedback(row, messageId) {
    if (!messageId || row.querySelector('.fb-fb')) return;
    var box = el('div', { 'class': 'fb-fb', role: 'group', 'aria-label': '这个回答对您有帮助吗' });
    // Plain words, not emoji: no emoji font can be assumed on the investor's machine.
    var label = el('span', null, '这个回答有帮助吗？');
    var up = el('button', { type: 'button', 'aria-pressed': 'false', 'data-helpful': 'true' }, '有帮助');
    var down = el('button', { type: 'button', 'aria-pressed': 'false', 'data-helpful': 'false' }, '没帮助');
    function vote(helpful, btn) {
      up.disabled = down.disabled = true;
      btn.setAttribute('aria-pressed', 'true');
      var body = { session_id: state.sessionId, message_id: messageId, helpful: helpful };
      request('POST', '/v1/feedback', body).then(function () {
        label.textContent = helpful ? '感谢您的反馈！' : '感谢反馈，我们会继续改进。';
      }, function (err) {
        up.disabled = down.disabled = false;
        btn.setAttribute('aria-pressed', 'false');
        label.textContent = err.message;
      });
    }
    up.addEventListener('click', function () { vote(true, up); });
    down.addEventListener('click', function () { vote(false, down); });
    box.appendChild(label);
    box.appendChild(up);
    box.appendChild(down);
    row.appendChild(box);
    scrollToEnd();  // the buttons, not only the answer, in view
  }

  // ------------------------------------------------------------ rating

  // Asks for a 1-5 rating of a closed ticket's human service when the server
  // says it can be rated (an agent had taken it, not rated yet).
  function askRating(ticketId) {
    if (!ticketId || state.rated[ticketId] || !state.sessionId) return;
    state.rated[ticketId] = 'asking';
    var path = '/v1/sessions/' + encodeURIComponent(state.sessionId) + '/rating';
    request('GET', path + '?ticket_id=' + ticketId).then(function (r) {
      state.rated[ticketId] = r && r.askable ? 'shown' : 'done';
      if (r && r.askable) showRating(ticketId, path);
    }, function () { delete state.rated[ticketId]; });
  }

  function showRating(ticketId, path) {
    var box = el('div', { 'class': 'fb-rate', role: 'group', 'aria-label': '请为本次人工服务评分', 'data-ticket-id': String(ticketId) });
    var label = el('div', null, '本次人工服务已结束，请您为客服的服务评分：');
    var stars = el('div', { 'class': 'fb-stars' });
    var names = ['非常不满意', '不满意', '一般', '满意', '非常满意'];
    var buttons = names.map(function (name, i) {
      var b = el('button', { type: 'button', 'aria-label': (i + 1) + ' 分：' + name, title: name, 'data-score': String(i + 1) }, '★');
      b.addEventListener('mouseenter', function () { light(i + 1); });
      b.addEventListener('focus', function () { light(i + 1); });
      b.addEventListener('click', function () { rate(i + 1); });
      stars.appendChild(b);
      return b;
    });
    stars.addEventListener('mouseleave', function () { light(0); });
    function light(n) {
      buttons.forEach(function (b, i) { b.classList.toggle('fb-on', i < n); });
    }
    function rate(score) {
      buttons.forEach(function (b) { b.disabled = true; });
      light(score);
      request('POST', path, { ticket_id: ticketId, score: score }).then(function () {
        label.textContent = '感谢您的评价（' + score + ' 分），祝您生活愉快！';
      }, function (err) {
        buttons.forEach(function (b) { b.disabled = false; });
        label.textContent = err.message;
      });
    }
    box.appendChild(label);
    box.appendChild(stars);
    append(box);
  }

  // The state line, from the server's handoff object only (POST /v1/chat and
  // GET …/messages return the same shape): bot / waiting #n / agent / closed,
  // worded by the operator (h.line). Restored on reload from the transcript.
  function showHandoff(h) {
    var open = !!h && h.status !== 'closed';
    statusLine.setAttribute('data-state', h ? h.state : 'bot');
    statusLine.setAttribute('data-ticket-id', h ? String(h.ticket_id) : '');
    statusLine.textContent = h ? h.line + (open ? '（工单号 ' + h.ticket_id + '）' : '') : BOT_LINE;
    statusLine.hidden = false;
    state.handoffOpen = open;
    if (open) schedulePoll(0); else stopEvents();
    if (!open) agentTyping(false);
    if (h && h.status === 'closed') askRating(h.ticket_id);
  }

  // Re-reads the handoff state after a notice arrived over the event stream.
  function refreshHandoff() {
    if (!state.sessionId) return;
    var path = '/v1/sessions/' + encodeURIComponent(state.sessionId) + '/messages?after=' + state.cursor;
    request('GET', path).then(function (data) {
      if (data && 'handoff' in data) showHandoff(data.handoff);
    }, function () { /* the next notice or poll refreshes it */ });
  }

  // A message from the transcript (poll or restore); skips what is shown already.
  function takeTranscriptMessage(m) {
    if (!m || !m.message_id) return;
    if (m.message_id > state.cursor) state.cursor = m.message_id;
    if (state.seen[m.message_id]) return;
    if (m.role === 'investor') {
      if (state.pendingLocal.length) {
        var local = state.pendingLocal.shift();
        local.setAttribute('data-message-id', String(m.message_id));
        state.seen[m.message_id] = local;
        return;
      }
      if (m.message_id <= state.lastAck) return;  // sent from this page, already shown
    }
    var row = addMessage(m.role, m.text, m.message_id, null, m.created_at);
    if (m.role === 'bot' && m.action === 'answer' && m.faq_id) addFeedback(row, m.message_id);
    if (m.role === 'agent') agentTyping(false);
    if ((m.role === 'agent' || m.role === 'system') && !root.classList.contains('fb-open')) {
      state.unread += 1;
      launcher.textContent = TITLE + '（' + state.unread + ' 条新消息）';
    }
    if (m.role === 'system' && state.events) refreshHandoff();
    state.lastActivity = Date.now();
  }

  // ------------------------------------------------------------ polling

  function pollDelay() {
    if (document.hidden) return POLL_SLOW_MS;
    return Date.now() - state.lastActivity > SLOW_AFTER_MS ? POLL_SLOW_MS : POLL_FAST_MS;
  }

  function stopEvents() {
    if (state.events) state.events.close();
    state.events = null;
  }

  // While a handoff is open, agent replies arrive as Server-Sent Events. When
  // the stream fails (no EventSource, server busy, network), polling takes over.
  function startEvents() {
    if (state.events || typeof EventSource !== 'function') return false;
    var url = API + '/v1/sessions/' + encodeURIComponent(state.sessionId) + '/events?after=' +
      state.cursor + '&session_token=' + encodeURIComponent(state.sessionToken);
    var source = new EventSource(url);
    state.events = source;
    source.addEventListener('message', function (e) {
      try { takeTranscriptMessage(JSON.parse(e.data)); } catch (err) { /* skip a malformed event */ }
    });
    source.addEventListener('typing', function (e) {
      try {
        var t = JSON.parse(e.data);
        agentTyping(!!t.agent_typing, t.expires_in_ms);
      } catch (err) { /* skip a malformed event */ }
    });
    source.onerror = function () {
      if (state.events !== source) return;
      stopEvents();
      state.sseFailed = true;
      schedulePoll(0);
    };
    return true;
  }

  function schedulePoll(delay) {
    if (!state.sessionId || !state.handoffOpen) return;
    if (state.events || (!state.sseFailed && startEvents())) return;
    if (state.pollTimer) clearTimeout(state.pollTimer);
    state.pollTimer = setTimeout(poll, delay == null ? pollDelay() : delay);
  }

  function poll() {
    state.pollTimer = null;
    if (!state.sessionId || state.polling) return;
    state.polling = true;
    var path = '/v1/sessions/' + encodeURIComponent(state.sessionId) + '/messages' +
      (state.cursor ? '?after=' + state.cursor : '');
    var typingPath = '/v1/sessions/' + encodeURIComponent(state.sessionId) + '/typing';
    request('GET', path).then(function (data) {
      ((data && data.messages) || []).forEach(takeTranscriptMessage);
      if (data && 'handoff' in data) showHandoff(data.handoff);
      if (!state.handoffOpen) return null;
      return request('GET', typingPath).then(function (t) { agentTyping(!!(t && t.agent_typing)); });
    }, function () { /* try again at the next tick */ }).then(function () {
      state.polling = false;
      schedulePoll();
    });
  }

  // ------------------------------------------------------------ sending

  // faqId: the entry a suggestion button chose (optional).
  function send(text, faqId) {
    text = String(text == null ? '' : text).trim();
    if (!text) return Promise.resolve();
    if (text.length > MAX_CHARS) text = text.slice(0, MAX_CHARS);
    var row = addMessage('investor', text, null);
    state.pendingLocal.push(row);
    state.lastActivity = Date.now();
    state.botWorking += 1;
    renderTyping();
    state.sendChain = state.sendChain.then(function () {
      sendBtn.disabled = true;
      // The widget greeted on opening (restore): the bot does not greet again.
      var body = { text: text, greeted: true };
      if (state.sessionId) body.session_id = state.sessionId;
      if (faqId) body.faq_id = faqId;
      return request('POST', '/v1/chat', body).then(function (r) {
        var i = state.pendingLocal.indexOf(row);
        if (i >= 0) state.pendingLocal.splice(i, 1);
        if (r.session_token) saveSession(r.session_id, r.session_token);
        // Show what was stored: personal numbers masked by the server.
        if (r.question) row.querySelector('.fb-bubble').textContent = r.question;
        if (r.message_id > state.lastAck) state.lastAck = r.message_id;
        state.botWorking -= 1;
        renderTyping();
        if (r.routed_to_agent) {
          // message_id is the investor's own message; the agent answers later.
          row.setAttribute('data-message-id', String(r.message_id));
          state.seen[r.message_id] = row;
          if (r.text) addMessage('system', r.text, null);
        } else {
          var botRow = state.seen[r.message_id] || addMessage('bot', r.text, r.message_id);
          // The entry just answered is no suggestion: offer only the others;
          // once a human is taking over, offer none.
          var withHuman = r.handoff && r.handoff.status !== 'closed';
          addSuggestions(botRow, withHuman ? [] : (r.suggestions || []).filter(function (s) {
            return !(r.action === 'answer' && r.faq_id && s.faq_id === r.faq_id);
          }));
          if (r.action === 'answer' && r.faq_id) addFeedback(botRow, r.message_id);
        }
        showHandoff(r.handoff);
      }, function (err) {
        state.botWorking -= 1;
        renderTyping();
        var i = state.pendingLocal.indexOf(row);
        if (i >= 0) state.pendingLocal.splice(i, 1);
        if (err.status === 401) dropSession();  // the session is gone: the next message starts one
        addMessage('system', '消息未发送成功：' + err.message, null, 'fb-error');
      });
    }).then(function () {
      sendBtn.disabled = false;
    });
    return state.sendChain;
  }

  // ------------------------------------------------------------ restore

  function restore() {
    if (state.restored) return;
    state.restored = true;
    var saved = loadSession();
    showHandoff(null);
    if (!saved) {
      addMessage('bot', '您好，请问有什么可以帮您？您可以咨询充值、提现、出借等问题，需要时也可以点“转人工”。', null);
      return;
    }
    state.sessionId = saved.id;
    state.sessionToken = saved.token;
    request('GET', '/v1/sessions/' + encodeURIComponent(saved.id) + '/messages').then(function (data) {
      var msgs = (data && data.messages) || [];
      if (!msgs.length) {
        addMessage('bot', '您好，请问有什么可以帮您？', null);
        return;
      }
      msgs.forEach(takeTranscriptMessage);
      state.lastAck = state.cursor;
      showHandoff(data.handoff);
    }, function (err) {
      if (err.status === 401) dropSession();  // only a refused credential ends the session
      addMessage('bot', '您好，请问有什么可以帮您？', null);
    });
  }

  // ------------------------------------------------------------ events

  function open() {
    root.classList.add('fb-open');
    launcher.setAttribute('aria-expanded', 'true');
    state.unread = 0;
    launcher.textContent = TITLE;
    restore();
    input.focus();
    scrollToEnd();
  }
  function close() {
    root.classList.remove('fb-open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', open);
  closeBtn.addEventListener('click', close);
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { e.preventDefault(); close(); }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value;
    input.value = '';
    send(text);
    input.focus();
  });
  humanBtn.addEventListener('click', function () { send('转人工'); });
  // While a human is in the conversation, the agent sees the investor typing.
  input.addEventListener('input', function () {
    if (!state.handoffOpen || !state.sessionId || !input.value.trim()) return;
    var now = Date.now();
    if (now - state.typingSentAt < TYPING_SEND_MS) return;
    state.typingSentAt = now;
    request('POST', '/v1/sessions/' + encodeURIComponent(state.sessionId) + '/typing', {}).then(null, function () {});
  });
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) schedulePoll(0);
  });

  function mount() {
    document.body.appendChild(host);
    if (START_OPEN) open();
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);

  // A small programmatic handle for the host page (open/close/send).
  window.__faqbotWidget = { open: open, close: close, send: send, api: API };
})();
