// The labeling page. Everything from the server is shown with textContent, except the *Html fields, which the
// server made from Markdown with raw HTML disabled and unsafe links removed. No inline script: the CSP forbids it.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  let session = null;   // who is labelling, the schema, the antiforgery token
  let item = null;      // the item shown
  let chosen = null;    // the value chosen for it
  let view = null;      // 'item', 'complete' or 'status'
  let busy = false;     // a write is in flight: keys wait for it
  let failed = null;    // the trace that could not be opened: s skips it, and it is not asked for again at once
  let locked = false;   // the reviewer's label stands and the judge's verdict is shown as feedback: no relabelling without "Change my label"
  let changing = null;  // the trace whose label the reviewer chose to change after seeing the judge

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers[session.antiforgeryHeader] = session.antiforgery;
    }
    const response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    return { status: response.status, ok: response.ok, data };
  }

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }

  function show(name) {
    view = name;
    if (name !== 'failed') failed = null;
    for (const id of ['item', 'complete', 'status']) $(id + '-view').hidden = id !== name;
  }

  function message(text, isError) {
    const box = $('message');
    box.hidden = !text;
    box.textContent = text || '';
    box.className = isError ? 'error' : '';
  }

  function progress(labelled, remaining) {
    const total = labelled + remaining;
    const percent = total === 0 ? 100 : Math.round(100 * labelled / total);
    $('progress-bar').style.width = percent + '%';
    $('progress').setAttribute('aria-valuenow', String(percent));
    $('progress-text').textContent = `${labelled} labelled · ${remaining} to go`;
  }

  function navigate(hash) {
    if (location.hash === hash) route(); else location.hash = hash;
  }

  function goTo(traceId) {
    navigate(traceId ? '#item/' + encodeURIComponent(traceId) : '#complete');
  }

  async function goNext() {
    const r = await api('GET', 'api/next');
    const next = r.ok && r.data ? r.data.traceId : null;
    if (next !== null && next === failed) return; // its error stays shown; s skips it
    goTo(next);
  }

  // A trace id goes to the server as a query parameter: ids may hold '/', '%', '?' or '#'.
  const withId = (path, traceId) => `${path}?traceId=${encodeURIComponent(traceId)}`;

  async function route() {
    const hash = location.hash;
    if (hash === '#status' || session.operator) return showStatus();
    if (hash === '#complete') return showComplete();
    if (hash.startsWith('#item/')) return showItem(decodeURIComponent(hash.slice('#item/'.length)));
    return goNext();
  }

  // ---- the item ----

  async function showItem(traceId) {
    const r = await api('GET', withId('api/item', traceId));
    if (!r.ok) {
      item = null;
      show('failed');
      failed = traceId;
      message(r.data && r.data.error ? r.data.error : `Could not open item ${traceId} (${r.status}); press s to skip it.`, true);
      if (r.status === 404) await goNext();
      return;
    }
    item = r.data;
    chosen = item.myLabel ? item.myLabel.value : null;
    if (changing !== item.traceId) changing = null;
    // Blind sessions send the verdict only once the reviewer has answered; it is then feedback, not a suggestion.
    locked = session.showJudge === 'after' && !!item.myLabel && !!item.verdict && changing === null;
    show('item');
    $('position').textContent = `Item ${item.position} of ${item.total}`;
    $('trace-id').textContent = item.traceId;
    $('item-state').textContent = locked ? 'You labelled this before seeing the judge; its verdict is below, for feedback.'
      : changing !== null ? 'Changing your label after seeing the judge: the new label is recorded as given after the judge was shown.'
      : item.myLabel ? 'You labelled this; submitting changes your label.'
      : item.full ? `Already has the labels it needs (${item.labels}); press s or j to move on.` : '';
    $('label-controls').disabled = locked;
    $('feedback-actions').hidden = !locked;
    document.body.dataset.feedback = locked ? item.traceId : '';
    renderFields(item.fields, item.pair);
    renderVerdict(item.verdict);
    renderChoices();
    $('comment').value = item.myLabel && item.myLabel.comment ? item.myLabel.comment : '';
    const note = item.myLabel && item.myLabel.commentNote ? item.myLabel.commentNote : '';
    $('comment-note').textContent = note;
    $('comment-note').hidden = note === '';
    progress(item.progress.labelled, item.progress.remaining);
    document.activeElement && document.activeElement.blur && document.activeElement.blur();
  }

  function renderFields(fields, pair) {
    const container = $('trace');
    container.replaceChildren();
    for (const field of fields) {
      container.append(fieldSection(field));
    }
    // A pairwise item: its two candidates side by side, named A and B in the order this reviewer sees them.
    if (pair) {
      const row = element('div', null, 'pair');
      row.append(fieldSection(pair.a, 'candidate-a'), fieldSection(pair.b, 'candidate-b'));
      container.append(row);
    }
  }

  function fieldSection(field, id) {
    const section = element('section', null, 'field');
    if (id) section.id = id;
    section.append(element('h2', field.name));
    let body;
    if (field.html !== null) {
      body = element('div', null, 'markdown');
      body.innerHTML = field.html; // sanitized Markdown from the server (raw HTML disabled)
    } else {
      body = element('pre', field.json);
    }
    if (field.long) {
      const details = element('details');
      details.append(element('summary', field.summary), body);
      section.append(details);
    } else {
      section.append(body);
    }
    return section;
  }

  function renderVerdict(verdict) {
    $('verdict').hidden = !verdict;
    if (!verdict) return;
    if (verdict.error) {
      $('verdict-value').textContent = 'No verdict yet';
      $('verdict-confidence').textContent = '';
      $('verdict-rationale').textContent = verdict.error;
    } else {
      $('verdict-value').textContent = verdict.value;
      $('verdict-confidence').textContent = verdict.confidence === null ? '' : `(confidence ${Math.round(verdict.confidence * 100)}%)`;
      $('verdict-rationale').textContent = verdict.rationale || '';
    }
    const list = $('verdict-example-list');
    list.replaceChildren();
    for (const example of verdict.examples) {
      const entry = element('li');
      entry.append(element('code', example.traceId), ' ', element('span', example.summary));
      if (example.labels.length) entry.append(element('span', ' — experts: ' + example.labels.join('; '), 'muted'));
      list.append(entry);
    }
    $('verdict-examples').hidden = verdict.examples.length === 0;
  }

  // The choices of the schema's value type, each with the key that picks it.
  function choicesOf(schema) {
    switch (schema.kind) {
      case 'boolean': return [{ value: true, label: 'Yes', key: 'y' }, { value: false, label: 'No', key: 'n' }];
      case 'categorical': return schema.options.map((option, i) => ({ value: option, label: option, key: i < 9 ? String(i + 1) : null }));
      case 'integer': {
        if (schema.maximum - schema.minimum > 10) return null;
        const digitsAreValues = schema.minimum >= 0 && schema.maximum <= 9;
        const values = [];
        for (let v = schema.minimum; v <= schema.maximum; v++) values.push(v);
        const choices = values.map((v, i) => ({ value: v, label: String(v), key: digitsAreValues ? String(v) : i < 9 ? String(i + 1) : null }));
        const notApplicable = notApplicableChoice(schema, digitsAreValues);
        return notApplicable ? [...choices, notApplicable] : choices;
      }
      default: return null;
    }
  }

  // The declared "not applicable" value as a choice of its own: its digit when digits are the values (0 on a 1-3 scale), else x.
  function notApplicableChoice(schema, digitsAreValues) {
    if (schema.notApplicable === null || schema.notApplicable === undefined) return null;
    const na = schema.notApplicable;
    const digit = digitsAreValues && Number.isInteger(na) && na >= 0 && na <= 9;
    return { value: na, label: `Not applicable (${na})`, key: digit ? String(na) : 'x', notApplicable: true };
  }

  function renderChoices() {
    const schema = session.schema;
    const container = $('choices');
    container.replaceChildren();
    const choices = choicesOf(schema);
    if (choices) {
      for (const choice of choices) {
        const button = element('button', null, 'choice');
        button.type = 'button';
        button.setAttribute('role', 'radio');
        button.dataset.value = JSON.stringify(choice.value);
        if (choice.key) button.append(element('kbd', choice.key), ' ');
        button.append(choice.label);
        button.addEventListener('click', () => choose(choice.value));
        container.append(button);
      }
    } else {
      const input = element('input');
      input.id = 'value-input';
      if (schema.kind === 'text') {
        input.type = 'text';
      } else {
        input.type = 'number';
        input.min = String(schema.minimum);
        input.max = String(schema.maximum);
        input.step = schema.kind === 'integer' ? '1' : 'any';
        input.placeholder = `${schema.minimum} to ${schema.maximum}`;
      }
      input.setAttribute('aria-label', 'Your label');
      const notApplicable = schema.kind === 'text' ? null : notApplicableChoice(schema, false);
      if (chosen !== null && !(notApplicable && chosen === notApplicable.value)) input.value = String(chosen);
      input.addEventListener('input', () => { if (notApplicable && chosen === notApplicable.value) choose(null); });
      container.append(input);
      if (notApplicable) {
        // A number scale has no buttons for its values, but "not applicable" is not on the scale: it gets one.
        const button = element('button', null, 'choice');
        button.type = 'button';
        button.setAttribute('role', 'radio');
        button.dataset.value = JSON.stringify(notApplicable.value);
        button.append(element('kbd', notApplicable.key), ' ', notApplicable.label);
        button.addEventListener('click', () => choose(notApplicable.value));
        container.append(button);
      }
    }
    markChosen();
  }

  function choose(value) {
    chosen = value;
    const input = $('value-input');
    if (input && value !== null) input.value = ''; // beside a number box, only "not applicable" is chosen by button or key
    markChosen();
  }

  function markChosen() {
    for (const button of $('choices').querySelectorAll('.choice')) {
      const selected = chosen !== null && button.dataset.value === JSON.stringify(chosen);
      button.classList.toggle('selected', selected);
      button.setAttribute('aria-checked', String(selected));
    }
  }

  function valueToSubmit() {
    const input = $('value-input');
    if (!input) return chosen;
    const text = input.value.trim();
    if (text === '') return chosen; // the "not applicable" button, or nothing yet
    return session.schema.kind === 'text' ? text : Number(text);
  }

  async function submit() {
    if (busy || locked || view !== 'item' || !item) return;
    const value = valueToSubmit();
    if (value === null || (typeof value === 'number' && Number.isNaN(value))) {
      message('Choose a value first (see the keys below the form).', true);
      return;
    }
    const comment = $('comment').value;
    if (session.schema.comment === 'required' && comment.trim() === '') {
      message('A comment is required: say why, in a sentence.', true);
      $('comment').focus();
      return;
    }
    changing = null;
    await write(withId('api/label', item.traceId), { value, comment: comment.trim() === '' ? null : comment }, 'Saved.', session.showJudge === 'after' && session.hasJudge);
  }

  // A write, then the item the server says comes next; a 409 (others labelled it first) moves on too. After a label in a
  // blind session the item is shown again: with the judge's verdict, now sent, as feedback (without a judge, it moves on).
  async function write(path, body, done, feedback) {
    busy = true;
    try {
      const r = await api('POST', path, body);
      if (r.status === 409) {
        message(r.data.error);
        await goNext();
      } else if (!r.ok) {
        message(r.data && r.data.error ? r.data.error : `The server refused (${r.status}).`, true);
      } else if (feedback) {
        const labelled = item.traceId;
        await showItem(labelled);
        if (locked) message(done + ' The judge\'s verdict is shown now that you have answered: press Enter for the next item.');
        else { message(done); goTo(r.data.traceId); }
      } else {
        message(done);
        goTo(r.data.traceId);
      }
    } finally {
      busy = false;
    }
  }

  // ---- complete and status ----

  async function showComplete() {
    show('complete');
    const r = await api('GET', 'api/status');
    const mine = r.ok ? r.data.reviewers.find(x => x.reviewer === session.reviewer) : null;
    if (mine) progress(mine.labelled, mine.remaining);
  }

  async function showStatus() {
    const r = await api('GET', 'api/status');
    if (!r.ok) { message(`Could not read the status (${r.status}).`, true); return; }
    const status = r.data;
    show('status');
    $('status-summary').textContent = `${status.complete} of ${status.traces} items have their ${status.labelsPerTrace} label(s); ${status.labels} label(s) in all.`;
    const rows = $('status-reviewers');
    rows.replaceChildren();
    for (const reviewer of status.reviewers) {
      const row = element('tr');
      row.append(element('td', reviewer.reviewer), element('td', String(reviewer.labelled)), element('td', String(reviewer.remaining)));
      rows.append(row);
      if (reviewer.reviewer === session.reviewer) progress(reviewer.labelled, reviewer.remaining);
    }
    // Reviewers get their own progress and the totals; the agreement is the operator's to see.
    $('status-operator').hidden = !status.agreement;
    $('status-reviewer-note').hidden = !!status.agreement;
    $('back-link').hidden = !!session.operator;
    if (!status.agreement) return;
    $('status-agreement').textContent = status.agreement.summary;
    const statistics = [['mean pairwise Cohen\'s kappa', status.agreement.meanCohensKappa], ['Fleiss\' kappa', status.agreement.fleissKappa],
      ['Krippendorff\'s alpha (nominal)', status.agreement.alphaNominal], ['Krippendorff\'s alpha (interval)', status.agreement.alphaInterval]]
      .filter(([, value]) => typeof value === 'number').map(([name, value]) => `${name} ${value.toFixed(3)}`);
    $('status-statistics').textContent = statistics.join(' · ');
    const judgeRows = $('status-judge');
    judgeRows.replaceChildren();
    const pairs = status.judgeAgreement || [];
    for (const pair of pairs) {
      const row = element('tr');
      const interval = typeof pair.lower === 'number' && typeof pair.upper === 'number' ? `${pair.lower.toFixed(3)} to ${pair.upper.toFixed(3)}` : 'n/a';
      row.append(element('td', pair.reviewer), element('td', typeof pair.kappa === 'number' ? pair.kappa.toFixed(3) : 'n/a'), element('td', interval), element('td', String(pair.traces)));
      judgeRows.append(row);
    }
    $('status-judge-table').hidden = pairs.length === 0;
    $('status-judge-none').hidden = pairs.length !== 0;
    $('status-judge-reference').hidden = pairs.length === 0;
    const disagreed = $('status-disagreed');
    disagreed.replaceChildren();
    for (const trace of status.agreement.mostDisagreed) {
      disagreed.append(element('li', `${trace.traceId}: ` + Object.entries(trace.labels).map(([who, label]) => `${who} ${label}`).join(', ')));
    }
  }

  // ---- keys ----

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    if (target.id === 'comment' || target.tagName === 'INPUT') {
      if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); submit(); }
      else if (e.key === 'Escape') target.blur();
      return;
    }
    if (busy) return;
    if (e.key === 'u') {
      e.preventDefault();
      if (!e.repeat) write('api/undo', {}, 'Undone: label it again.'); // holding the key undoes one label
      return;
    }
    if (e.key === 's' && (failed !== null || view === 'item')) {
      e.preventDefault();
      write(withId('api/skip', failed !== null ? failed : item.traceId), {}, 'Skipped.');
      return;
    }
    if (view !== 'item') return;
    const key = e.key;
    if (locked && key === 'Enter') { e.preventDefault(); message(null); goNext(); return; }
    if (key === 'Enter') { e.preventDefault(); submit(); return; }
    if ((key === 'j' || key === 'ArrowRight') && item.next) { e.preventDefault(); message(null); goTo(item.next); return; }
    if ((key === 'k' || key === 'ArrowLeft') && item.previous) { e.preventDefault(); message(null); goTo(item.previous); return; }
    if (locked) return; // the label stands until "Change my label"
    if (key === 'c' && !$('comment').hidden) { e.preventDefault(); $('comment').focus(); return; }
    const choice = (choicesOf(session.schema) || [notApplicableChoice(session.schema, false)].filter(c => c && session.schema.kind !== 'text')).find(c => c.key === key.toLowerCase());
    if (choice) { e.preventDefault(); choose(choice.value); return; }
    if (/^[0-9.-]$/.test(key) && $('value-input')) { $('value-input').focus(); }
  }

  async function start() {
    const r = await api('GET', 'api/session');
    if (!r.ok) { message((r.data && r.data.error) || 'This page needs your personal link (with its token).', true); return; }
    session = r.data;
    session.operator = session.reviewer === null;
    $('reviewer').textContent = session.reviewer;
    if (session.operator) document.querySelector('.who').textContent = 'Operator view: everyone\'s progress and agreement (labels nothing)';
    $('session').textContent = `· ${session.session} · ${session.judge}`;
    $('schema-title').textContent = session.schema.title;
    if (session.schema.instructionHtml) $('schema-instruction').innerHTML = session.schema.instructionHtml; // sanitized Markdown
    const commentShown = session.schema.comment !== 'none';
    $('comment').hidden = $('comment-label').hidden = !commentShown;
    $('comment').setAttribute('aria-required', String(session.schema.comment === 'required'));
    $('comment-policy').textContent = session.schema.comment === 'required' ? '(required)' : '(optional)';
    $('back-link').addEventListener('click', e => { e.preventDefault(); goNext(); });
    $('label-form').addEventListener('submit', e => { e.preventDefault(); if (!locked) submit(); });
    $('next-item').addEventListener('click', () => { message(null); goNext(); });
    $('change-label').addEventListener('click', () => { changing = item.traceId; showItem(item.traceId); });
    document.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', route);
    await route();
  }

  start();
})();
