/*
 * faqbot operators' console: the knowledge-base versions tab.
 *   GET  /v1/admin/kb/versions            the list, the live one marked
 *   GET  /v1/admin/kb/versions/{id}       evaluation (live vs this version's
 *                                         figures, golden questions that change
 *                                         answer, regressions) and diff
 *   POST …/versions/{id}/approve          maker-checker: not by the author
 *   POST …/versions/{id}/refuse {"reason"} it will not be released (any admin)
 *   POST …/versions/{id}/release          {"override_reason"?}: a regressed
 *                                         evaluation is refused without one
 *   POST /v1/admin/kb/rollback {"to"}     back to a version that was live
 *   GET  /v1/admin/audit?limit=50         who did what
 * Needs admin.js (window.faqbotAdmin) loaded first; sets faqbotAdmin.releases
 * = {refresh(), open(id)}.
 */
(function () {
  'use strict';
  var A = window.faqbotAdmin;
  var $ = A.$, el = A.el, clear = A.clear;
  var current = null;  // the version shown in the detail panel
  var liveId = null;

  var STATUS = { candidate: '候选', approved: '已批准', released: '线上', refused: '已拒绝', retired: '曾经上线' };
  var FIGURES = [
    ['answered_right', '应答问题答对的比例', false],
    ['handoff', '该转人工的转了人工', false],
    ['refused', '范围外问题没有乱答', false],
    ['false_answer_rate', '答错的比例（越低越好）', true],
  ];
  var ACTIONS = { created: '提交候选', candidate: '提交候选', approved: '批准', released: '发布',
                  release_refused: '发布被拒绝', rolled_back: '回滚', rollback: '回滚', refused: '拒绝',
                  reloaded: '重新载入配置目录' };

  function when(ms) {
    if (!ms) return '';
    var d = new Date(ms);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return (d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' + two(d.getHours()) + ':' + two(d.getMinutes());
  }
  function pct(x) { return typeof x === 'number' ? (x * 100).toFixed(1) + '%' : '–'; }
  function figureName(key) {
    for (var i = 0; i < FIGURES.length; i++) if (FIGURES[i][0] === key) return FIGURES[i][1];
    return key;
  }

  // "answered_right 0.950 -> 0.900" -> 应答问题答对的比例从 95.0% 降到 90.0%
  // "golden question no longer right: Q (expected E, now answer X)" -> 黄金问题不再答对：Q（应为 E，现在 X）
  function plainRegression(text) {
    var g = /^golden question no longer right: (.*) \(expected (\S+), now (\w+)(?: (\S+))?\)$/.exec(text);
    if (g) return '黄金问题不再答对：' + g[1] + '（应为 ' + g[2] + '，现在 ' + entryText(g[4] || '', g[3]) + '）';
    var m = /^(\w+) (-?[\d.]+) -> (-?[\d.]+)$/.exec(text);
    if (!m) return text;
    var from = parseFloat(m[2]), to = parseFloat(m[3]);
    return figureName(m[1]) + '从 ' + pct(from) + (to > from ? ' 升到 ' : ' 降到 ') + pct(to);
  }

  function entryText(id, action) {
    if (id) return id;
    return { clarify: '（反问）', fallback: '（答不上）', handoff: '（转人工）' }[action] || '（不回答）';
  }

  // A cell with its column's name (shown before it where a phone stacks the row).
  function cell(tr, label, text, cls) {
    var td = el('td', cls || '', text);
    td.dataset.label = label;
    tr.appendChild(td);
    return td;
  }

  function statusBadge(v) {
    var live = v.id === liveId;
    var b = el('span', 'status ' + (live ? 'live' : v.status), live ? '线上' : (STATUS[v.status] || v.status));
    return b;
  }

  function renderList(d) {
    liveId = d.live;
    var list = $('versions');
    clear(list);
    if (!d.versions.length) { list.appendChild(el('li', 'empty', '还没有版本。')); return; }
    d.versions.forEach(function (v) {
      var li = el('li', 'version');
      li.dataset.versionId = v.id;
      li.dataset.status = v.id === liveId ? 'live' : v.status;
      var b = el('button', 'version-row');
      b.type = 'button';
      b.appendChild(el('span', 'vid', '#' + v.id));
      b.appendChild(statusBadge(v));
      b.appendChild(el('span', 'who', v.author));
      b.appendChild(el('span', 'note', v.note || '（无说明）'));
      b.appendChild(el('span', 'when', when(v.created_at)));
      b.addEventListener('click', function () { open(v.id); });
      li.appendChild(b);
      if (current && current.id === v.id) li.classList.add('selected');
      list.appendChild(li);
    });
  }

  function renderAudit(rows) {
    var body = $('audit').tBodies[0];
    clear(body);
    if (!rows.length) { body.insertRow().appendChild(el('td', 'empty', '还没有操作记录')); return; }
    rows.forEach(function (r) {
      var tr = body.insertRow();
      tr.dataset.action = r.action;
      cell(tr, '时间', when(r.at));
      cell(tr, '操作人', r.actor);
      cell(tr, '操作', ACTIONS[r.action] || r.action);
      cell(tr, '版本', r.version_id ? '#' + r.version_id : '');
      cell(tr, '详情', r.detail ? r.detail.split('; ').map(plainRegression).join('；') : '');
    });
  }

  function renderEvaluation(ev) {
    var verdict = $('version-verdict');
    clear(verdict);
    var body = $('evaluation').tBodies[0];
    clear(body);
    var changed = $('changed').tBodies[0];
    clear(changed);
    if (!ev) {
      verdict.className = 'verdict';
      verdict.appendChild(el('p', '', '这个版本没有评测结果。'));
      return;
    }
    verdict.className = 'verdict ' + (ev.passes ? 'pass' : 'fail');
    if (ev.passes) {
      verdict.appendChild(el('p', '', '评测通过：各项指标都不比线上版本差。'));
    } else {
      verdict.appendChild(el('p', '', '评测未通过：这个版本会让机器人变差，只有写明理由才能发布。'));
      var ul = el('ul', 'regressions');
      (ev.regressions || []).forEach(function (r) { ul.appendChild(el('li', '', plainRegression(r))); });
      verdict.appendChild(ul);
    }
    FIGURES.forEach(function (f) {
      var live = ev.live && ev.live[f[0]], mine = ev.candidate && ev.candidate[f[0]];
      if (typeof live !== 'number' && typeof mine !== 'number') return;
      var tr = body.insertRow();
      tr.dataset.figure = f[0];
      tr.appendChild(el('td', '', f[1]));
      tr.appendChild(el('td', '', pct(live)));
      tr.appendChild(el('td', '', pct(mine)));
      var delta = (mine - live) * 100;
      var worse = f[2] ? delta > 1e-7 : delta < -1e-7;
      var better = f[2] ? delta < -1e-7 : delta > 1e-7;
      tr.appendChild(el('td', worse ? 'worse' : better ? 'better' : '',
                        Math.abs(delta) < 1e-7 ? '不变' : (delta > 0 ? '+' : '') + delta.toFixed(1) + ' 个百分点'));
    });
    var c = ev.candidate || {};
    if (c.cases) {
      var tr = body.insertRow();
      var td = el('td', 'hint', '共评测 ' + c.cases + ' 个问题：应答 ' + (c.answer_cases || 0) + '，应转人工 ' +
                  (c.handoff_cases || 0) + '，范围外 ' + (c.out_of_catalog_cases || 0) + '。');
      td.colSpan = 4;
      tr.appendChild(td);
    }
    if (!(ev.changed || []).length) {
      var none = changed.insertRow().appendChild(el('td', 'empty', '没有黄金问题的回答发生变化。'));
      none.colSpan = 4;
    }
    (ev.changed || []).forEach(function (ch) {
      var tr = changed.insertRow();
      cell(tr, '问题', ch.question);
      cell(tr, '应答条目', ch.expected === 'none' ? '不应回答' : ch.expected);
      cell(tr, '线上版本', entryText(ch.live_entry, ch.live_action), ch.live_entry === ch.expected ? 'right' : '');
      cell(tr, '本版本', entryText(ch.candidate_entry, ch.candidate_action), ch.candidate_entry === ch.expected ? 'right' : 'wrong');
    });
  }

  function renderDiff(diff) {
    var box = $('diff');
    clear(box);
    if (!diff || !diff.length) { box.appendChild(el('p', 'empty', '没有改动。')); return; }
    diff.forEach(function (f) {
      var part = el('div', 'diff-file');
      part.appendChild(el('div', 'path', f.path));
      (f.entries || []).forEach(function (e) {
        var what = e.change === 'added' ? '新增条目' : e.change === 'removed' ? '删除条目' : '修改条目';
        var item = el('div', 'diff-entry');
        item.appendChild(el('div', 'entry-id', what + ' ' + e.id));
        (e.questions_added || []).forEach(function (q) { item.appendChild(el('div', 'add', '+ ' + q)); });
        (e.questions_removed || []).forEach(function (q) { item.appendChild(el('div', 'del', '− ' + q)); });
        if (e.answer_before !== undefined) item.appendChild(el('div', 'del', '回答 − ' + e.answer_before));
        if (e.answer_after !== undefined) item.appendChild(el('div', 'add', '回答 + ' + e.answer_after));
        part.appendChild(item);
      });
      if (f.lines) part.appendChild(el('pre', 'lines', f.lines.join('\n')));
      if (f.kind === 'added' || f.kind === 'removed') part.appendChild(el('div', '', (f.kind === 'added' ? '新文件，' : '删除文件，') + f.line_count + ' 行'));
      box.appendChild(part);
    });
  }

  function act(path, body, done) {
    A.showError('action-error', '');
    return A.api(path, { method: 'POST', body: body || {} }).then(function (v) {
      A.notice(done);
      A.entries(true);
      return refresh().then(function () { return open(current.id); });
    }, function (err) {
      var text = err.message;
      if (err.code === 'evaluation_regressed') {
        text = '发布被拒绝：评测变差了（' + (err.details || []).map(plainRegression).join('；') + '）。如确需发布，请填写理由。';
      } else if (err.code === 'forbidden') {
        text = '不能批准：' + err.message;
      }
      A.showError('action-error', text);
      var reason = $('override-reason');
      if (reason && err.code === 'evaluation_regressed') reason.focus();
    });
  }

  function button(text, cls, onClick) {
    var b = el('button', 'btn ' + (cls || ''), text);
    b.type = 'button';
    b.addEventListener('click', function () {
      b.disabled = true;
      Promise.resolve(onClick()).then(function () { b.disabled = false; });
    });
    return b;
  }

  // A labelled reason textarea (kept in the audit) appended to `box`.
  function reasonField(box, id, question, example) {
    var field = el('textarea');
    field.id = id;
    field.rows = 2;
    field.maxLength = 500;
    field.placeholder = example;
    var label = el('label', 'override', question + '（会记入操作记录）：');
    label.htmlFor = id;
    box.appendChild(label);
    box.appendChild(field);
    return field;
  }

  // A reason field and 拒绝 (the author withdraws, a checker says no).
  function renderRefuse(box, v) {
    var why = reasonField(box, 'refusal-reason', '不发布这个版本？写明理由', '例如：答案口径与最新公告不一致，请修改后重新提交');
    box.appendChild(button('拒绝', 'warn', function () {
      var reason = why.value.trim();
      if (!reason) {
        A.showError('action-error', '拒绝需要填写理由。');
        why.focus();
        return null;
      }
      return act('/v1/admin/kb/versions/' + v.id + '/refuse', { reason: reason }, '已拒绝 #' + v.id + '，它不会被发布。');
    }));
  }

  function renderActions(v) {
    var box = $('version-actions');
    clear(box);
    var me = A.state.name;
    if (v.status === 'candidate') {
      var approve = button('批准', '', function () { return act('/v1/admin/kb/versions/' + v.id + '/approve', {}, '已批准 #' + v.id + '，可以发布了。'); });
      box.appendChild(approve);
      if (me && v.author === me) {
        approve.disabled = true;
        approve.title = '不能批准自己提交的修改';
        box.appendChild(el('span', 'why', '这是您（' + me + '）提交的修改，需要另一位管理员批准。'));
      }
    }
    if (v.status === 'approved') {
      var regressed = v.evaluation && v.evaluation.passes === false;
      if (regressed) {
        reasonField(box, 'override-reason', '评测变差了。如仍要发布，请写明理由', '例如：新政策必须今天上线，答错的问题下一版修正');
      }
      box.appendChild(button(regressed ? '发布（需填写理由）' : '发布', '', function () {
        var r = $('override-reason');
        var body = r && r.value.trim() ? { override_reason: r.value.trim() } : {};
        return act('/v1/admin/kb/versions/' + v.id + '/release', body, '#' + v.id + ' 已发布，机器人正在使用这个版本。');
      }));
      if (v.approved_by) box.appendChild(el('span', 'why', '由 ' + v.approved_by + ' 批准'));
    }
    if (v.status === 'candidate' || v.status === 'approved') renderRefuse(box, v);
    if (v.status === 'retired' && v.id !== liveId) {
      box.appendChild(button('回滚到此版本', 'warn', function () {
        return act('/v1/admin/kb/rollback', { to: v.id }, '已回滚到 #' + v.id + '。');
      }));
    }
  }

  function open(id) {
    return A.api('/v1/admin/kb/versions/' + id).then(function (v) {
      current = v;
      $('version-detail').hidden = false;
      $('version-detail').dataset.versionId = v.id;
      $('version-title').textContent = '版本 #' + v.id + ' · ' + (v.id === liveId ? '线上' : (STATUS[v.status] || v.status));
      var meta = [v.author + ' 提交于 ' + when(v.created_at)];
      if (v.parent_id) meta.push('基于 #' + v.parent_id);
      if (v.approved_by) meta.push(v.approved_by + ' 批准');
      if (v.released_by) meta.push(v.released_by + ' 发布于 ' + when(v.released_at));
      if (v.override_reason) meta.push('越过评测发布的理由：' + v.override_reason);
      if (v.refused_by) meta.push(v.refused_by + ' 拒绝：' + (v.refusal_reason || ''));
      if (v.note) meta.push('说明：' + v.note);
      $('version-meta').textContent = meta.join(' · ');
      renderEvaluation(v.evaluation);
      renderDiff(v.diff);
      renderActions(v);
      A.showError('action-error', '');
      Array.prototype.forEach.call($('versions').children, function (li) {
        li.classList.toggle('selected', li.dataset.versionId === String(v.id));
      });
    }, function (err) { A.showError('error', '版本加载失败：' + err.message); });
  }

  function refresh() {
    return Promise.all([A.api('/v1/admin/kb/versions'), A.api('/v1/admin/audit?limit=50')]).then(function (r) {
      renderList(r[0]);
      renderAudit(r[1]);
    }, function (err) { A.showError('error', '版本加载失败：' + err.message); });
  }

  $('tab-releases').addEventListener('click', function () {
    refresh().then(function () { if (current) open(current.id); });
  });
  A.releases = { refresh: refresh, open: function (id) { return refresh().then(function () { return open(id); }); } };
})();
