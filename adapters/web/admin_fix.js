/*
 * faqbot operators' console: fixing an unanswered-question cluster. Each
 * cluster gets two forms, each of which creates a candidate version
 * (POST /v1/admin/kb/candidates {"note", "changes"}) and opens it in the
 * versions tab, where it is evaluated, approved and released:
 *   - add the cluster's questions (a checkbox each) to an entry, picked from
 *     the live entries and preset to the nearest one
 *     -> {"op": "add_variants", "entry_id", "questions"}
 *   - draft a new entry (id, questions one a line, answer, handoff)
 *     -> {"op": "new_entry", "entry": {"id", "questions", "answer", "handoff"}}
 * Needs admin.js (window.faqbotAdmin) loaded first.
 */
(function () {
  'use strict';
  var A = window.faqbotAdmin;
  var el = A.el;
  var formCount = 0;

  function field(labelText, control) {
    var id = 'fix-' + (++formCount);
    var wrap = el('div', 'field');
    var label = el('label', '', labelText);
    label.htmlFor = id;
    control.id = id;
    wrap.appendChild(label);
    wrap.appendChild(control);
    return wrap;
  }

  function input(name, value, placeholder) {
    var i = el('input');
    i.name = name;
    i.type = 'text';
    i.value = value || '';
    if (placeholder) i.placeholder = placeholder;
    return i;
  }

  // Lint errors and other details of a refused candidate, one line each.
  function showProblems(box, err) {
    A.clear(box);
    box.appendChild(el('div', '', '没有生成候选版本：' + err.message));
    var details = err.details;
    var lines = Array.isArray(details) ? details : (details && (details.errors || details.problems)) || [];
    lines.forEach(function (d) {
      box.appendChild(el('div', 'problem', typeof d === 'string' ? d : (d.file || '') + ' ' + (d.entry_id || '') + ' ' + (d.message || JSON.stringify(d))));
    });
    box.hidden = false;
  }

  // Ends `form` with a note field, the submit button and a problems box; on
  // submit, build() returns {note (the default), changes} or throws to refuse.
  function finish(form, notePlaceholder, build) {
    var note = input('note', '', notePlaceholder);
    form.appendChild(field('修改说明', note));
    var button = el('button', 'btn', '生成候选版本');
    button.type = 'submit';
    form.appendChild(button);
    var problems = el('div', 'alert');
    problems.hidden = true;
    form.appendChild(problems);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var request;
      try { request = build(); } catch (err) { showProblems(problems, err); return; }
      button.disabled = true;
      problems.hidden = true;
      var body = { note: note.value.trim() || request.note, changes: request.changes };
      A.api('/v1/admin/kb/candidates', { method: 'POST', body: body }).then(function (v) {
        A.notice('已生成候选版本 #' + v.id + '，请查看评测结果，并请另一位管理员批准。');
        A.showTab('releases');
        if (A.releases) A.releases.open(v.id);
      }, function (err) { showProblems(problems, err); }).then(function () { button.disabled = false; });
    });
  }

  function entryPicker(preset) {
    var select = el('select');
    select.name = 'entry';
    select.appendChild(el('option', '', '加载条目中…'));
    A.entries().then(function (list) {
      A.clear(select);
      list.forEach(function (e) {
        var o = el('option', '', e.id + '（' + e.title + '）');
        o.value = e.id;
        select.appendChild(o);
      });
      if (preset) select.value = preset;
    }, function (err) {
      A.clear(select);
      select.appendChild(el('option', '', '条目加载失败：' + err.message));
    });
    return select;
  }

  function addVariantsForm(cluster) {
    var form = el('form', 'fix add-variants');
    form.hidden = true;
    var nearest = cluster.nearest ? cluster.nearest.faq_id : '';
    form.appendChild(field('加入条目', entryPicker(nearest)));
    var box = el('fieldset', 'questions');
    box.appendChild(el('legend', '', '要加入的问题'));
    cluster.examples.forEach(function (e) {
      var label = el('label', 'check');
      var cb = el('input');
      cb.type = 'checkbox';
      cb.checked = true;
      cb.value = e.text;
      label.appendChild(cb);
      label.appendChild(document.createTextNode(e.text + (e.count > 1 ? ' ×' + e.count : '')));
      box.appendChild(label);
    });
    form.appendChild(box);
    finish(form, '例如：发票类问题没有答上', function () {
      var questions = Array.prototype.filter.call(box.querySelectorAll('input[type="checkbox"]'), function (c) { return c.checked; })
        .map(function (c) { return c.value; });
      var entry = form.querySelector('select').value;
      if (!questions.length) throw new Error('请至少勾选一个问题');
      return { note: '把 ' + questions.length + ' 个未解决问题加入 ' + entry,
               changes: [{ op: 'add_variants', entry_id: entry, questions: questions }] };
    });
    return form;
  }

  function newEntryForm(cluster) {
    var form = el('form', 'fix new-entry');
    form.hidden = true;
    var prefix = cluster.nearest ? cluster.nearest.faq_id.split('.')[0] + '.' : '';
    var id = input('id', prefix, 'category.name，例如 service.invoice');
    form.appendChild(field('条目 ID', id));
    var questions = el('textarea');
    questions.name = 'questions';
    questions.rows = 4;
    questions.value = cluster.examples.map(function (e) { return e.text; }).join('\n');
    form.appendChild(field('问题（每行一个）', questions));
    var answer = el('textarea');
    answer.name = 'answer';
    answer.rows = 4;
    answer.placeholder = '您好，……具体以页面显示为准。';
    form.appendChild(field('回答', answer));
    var handoff = el('select');
    handoff.name = 'handoff';
    [['none', '只回答'], ['offer', '回答并提供人工'], ['hand', '直接转人工'], ['hand_priority', '优先转人工']].forEach(function (kv) {
      var o = el('option', '', kv[1]);
      o.value = kv[0];
      handoff.appendChild(o);
    });
    form.appendChild(field('转人工', handoff));
    finish(form, '为什么新增这个条目', function () {
      var entry = {
        id: id.value.trim(),
        questions: questions.value.split('\n').map(function (q) { return q.trim(); }).filter(Boolean),
        answer: answer.value.trim(),
        handoff: handoff.value,
      };
      return { note: '新增条目 ' + entry.id, changes: [{ op: 'new_entry', entry: entry }] };
    });
    return form;
  }

  // Two buttons under the cluster, each opening its form (one at a time).
  A.onClusters.push(function (li, cluster) {
    var bar = el('div', 'fix-actions');
    var forms = [addVariantsForm(cluster), newEntryForm(cluster)];
    var labels = [cluster.nearest ? '加入条目 ' + cluster.nearest.faq_id : '加入已有条目', '起草新条目'];
    forms.forEach(function (form, i) {
      var b = el('button', 'btn secondary small', labels[i]);
      b.type = 'button';
      b.setAttribute('aria-expanded', 'false');
      b.addEventListener('click', function () {
        var open = form.hidden;
        forms.forEach(function (f) { f.hidden = true; });
        Array.prototype.forEach.call(bar.querySelectorAll('button'), function (x) { x.setAttribute('aria-expanded', 'false'); });
        form.hidden = !open;
        b.setAttribute('aria-expanded', String(open));
      });
      bar.appendChild(b);
    });
    li.appendChild(bar);
    forms.forEach(function (f) { li.appendChild(f); });
  });
})();
