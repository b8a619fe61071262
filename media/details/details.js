// @ts-check
// The Execution Details page. It draws what the extension sends (`model`, `variables`, `failure`)
// with DOM APIs only (textContent, never innerHTML), and sends back only small, checked requests.
(function () {
  'use strict';
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  /** @type {any} */
  let model;
  /** @type {number | undefined} */
  let selected;
  let variablesText = '';

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {any} message */
  function send(message) {
    vscode.postMessage(message);
  }

  /** @param {string} text @param {number} max */
  function clip(text, max) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  }

  /** @param {string} iso */
  function timeOf(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const pad = (/** @type {number} */ n, w = 2) => String(n).padStart(w, '0');
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  }

  /** @param {string} iso */
  function dateTimeOf(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : `${d.toLocaleDateString()} ${timeOf(iso)}`;
  }

  /**
   * A link-looking button that sends `message`.
   * @param {string} text
   * @param {any} message
   * @param {string} [title]
   */
  function linkButton(text, message, title) {
    const b = el('button', 'link', text);
    if (title) b.title = title;
    b.addEventListener('click', (event) => {
      event.stopPropagation();
      send(message);
    });
    return b;
  }

  /** @param {string} title @param {Node[]} children */
  function section(title, children) {
    const s = el('section');
    s.appendChild(el('h2', undefined, title));
    for (const c of children) s.appendChild(c);
    return s;
  }

  function header() {
    const h = el('header');
    const title = el('div', 'title');
    title.appendChild(el('h1', undefined, model.workflowId));
    title.appendChild(el('span', `badge state-${model.state}`, model.state === 'ACTIVE' ? 'RUNNING' : model.state));
    h.appendChild(title);
    const meta = el('dl', 'meta');
    const rows = [
      ['Execution', model.executionId],
      ['Started', dateTimeOf(model.startTime)],
      ['Ended', model.running ? 'still running' : dateTimeOf(model.endTime)],
      ['Duration', model.duration],
      ['Revision', model.revision],
      ['Source', model.sourceLabel],
      ['Result', model.result === undefined ? '' : clip(model.result.replace(/\s*\n\s*/g, ' '), 160)],
    ];
    for (const [k, v] of rows) {
      if (!v) continue;
      meta.appendChild(el('dt', undefined, k));
      meta.appendChild(el('dd', undefined, v));
    }
    h.appendChild(meta);
    const actions = el('div', 'actions');
    actions.appendChild(linkButton('Refresh', { type: 'refresh' }));
    actions.appendChild(linkButton('Open as JSON', { type: 'openJson' }, 'The raw step history as a JSON document'));
    h.appendChild(actions);
    return h;
  }

  function errorSection() {
    const e = model.error;
    const parts = [el('p', 'error-message', e.message)];
    if (e.stack.length > 0) {
      const list = el('ol', 'stack');
      for (const f of e.stack) {
        const item = el('li');
        item.appendChild(el('span', undefined, `in step "${f.step}", routine "${f.routine}", `));
        item.appendChild(linkButton(`line ${f.line}`, { type: 'openLine', line: f.line, column: f.column }, 'Go to the step in the source'));
        list.appendChild(item);
      }
      parts.push(list);
    }
    parts.push(el('pre', 'json', e.payload));
    return section('Error', parts);
  }

  function stepsSection() {
    const parts = [];
    if (model.stepsNote) parts.push(el('p', 'muted', model.stepsNote));
    if (model.steps.length > 0) {
      const table = el('table', 'steps');
      const head = el('tr');
      for (const c of ['#', 'Routine', 'Step', 'Type', 'State', 'Start', 'Duration', 'Iteration / branch', 'Thread']) head.appendChild(el('th', undefined, c));
      const thead = el('thead');
      thead.appendChild(head);
      table.appendChild(thead);
      const body = el('tbody');
      for (const s of model.steps) {
        const row = el('tr', `state-${s.state}${s.entryId === selected ? ' selected' : ''}`);
        row.tabIndex = 0;
        row.dataset.entry = String(s.entryId);
        row.appendChild(el('td', 'num', String(s.entryId)));
        row.appendChild(el('td', undefined, s.routine));
        const stepCell = el('td', `step depth-${Math.min(s.depth, 8)}`);
        if (s.line) stepCell.appendChild(linkButton(s.step, { type: 'openLine', line: s.line, column: s.column || 1 }, `Go to line ${s.line}`));
        else stepCell.appendChild(el('span', undefined, s.step));
        if (s.error) stepCell.appendChild(el('div', 'step-error', s.error));
        row.appendChild(stepCell);
        row.appendChild(el('td', undefined, s.type));
        row.appendChild(el('td', 'state', s.state));
        row.appendChild(el('td', 'num', timeOf(s.start)));
        row.appendChild(el('td', 'num', s.duration));
        row.appendChild(el('td', undefined, s.progress));
        row.appendChild(el('td', undefined, s.thread));
        const select = () => {
          selected = s.entryId;
          for (const r of body.querySelectorAll('tr.selected')) r.classList.remove('selected');
          row.classList.add('selected');
          send({ type: 'selectStep', entryId: s.entryId });
        };
        row.addEventListener('click', select);
        row.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            select();
          }
        });
        body.appendChild(row);
      }
      table.appendChild(body);
      const wrap = el('div', 'table-wrap');
      wrap.appendChild(table);
      parts.push(wrap);
    }
    return section(`Steps (${model.steps.length})`, parts);
  }

  function variablesSection() {
    const box = el('div', 'variables');
    box.id = 'variables';
    if (selected === undefined) {
      box.appendChild(
        el('p', 'muted', model.variablesRecorded ? 'Select a step to see its variables.' : 'Select a step. Variables are recorded only with detailed execution history.'),
      );
    } else if (variablesText) {
      box.appendChild(el('pre', 'json', variablesText));
    }
    return section('Variables', [box]);
  }

  function logsSection() {
    const parts = [];
    if (model.logsNote) parts.push(el('p', 'muted', model.logsNote));
    if (model.logsConsoleUrl) parts.push(linkButton('Open the logs in the Cloud console', { type: 'openLogsInConsole' }));
    if (model.logs.length === 0 && !model.logsNote) parts.push(el('p', 'muted', 'No sys.log lines.'));
    if (model.logs.length > 0) {
      const list = el('ol', 'logs');
      for (const l of model.logs) {
        const item = el('li', `severity-${l.severity}`);
        item.appendChild(el('span', 'num', timeOf(l.time)));
        item.appendChild(el('span', 'severity', l.severity));
        item.appendChild(el('span', 'log-text', l.text));
        list.appendChild(item);
      }
      parts.push(list);
    }
    return section(`Logs (${model.logs.length})`, parts);
  }

  function childrenSection() {
    const table = el('table', 'children');
    const head = el('tr');
    for (const c of ['Child', 'State', 'Result or error']) head.appendChild(el('th', undefined, c));
    table.appendChild(head);
    for (const c of model.children) {
      const row = el('tr', `state-${c.state}`);
      const name = el('td');
      name.appendChild(linkButton(c.label, { type: 'openChild', name: c.name }, c.executionId));
      row.appendChild(name);
      row.appendChild(el('td', 'state', c.state));
      row.appendChild(el('td', 'outcome', c.outcome));
      table.appendChild(row);
    }
    return section(`Children (${model.children.length})`, model.children.length > 0 ? [table] : [el('p', 'muted', 'No child executions found.')]);
  }

  function render() {
    // The console's order: what happened first (error, children, steps), then the full values.
    const parts = [header()];
    if (model.error) parts.push(errorSection());
    if (model.children) parts.push(childrenSection());
    parts.push(stepsSection(), variablesSection(), logsSection());
    if (model.result !== undefined) parts.push(section('Result', [el('pre', 'json', model.result)]));
    if (model.argument !== undefined) parts.push(section('Argument', [el('pre', 'json', model.argument)]));
    app.replaceChildren(...parts);
    reportRendered();
  }

  function reportRendered() {
    send({
      type: 'rendered',
      summary: {
        state: model.state,
        steps: model.steps.length,
        failedSteps: model.steps.filter((/** @type {any} */ s) => s.state === 'FAILED').length,
        logs: model.logs.length,
        children: model.children ? model.children.length : 0,
        variables: variablesText,
      },
    });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.type !== 'string') return;
    if (message.type === 'model' && message.model) {
      model = message.model;
      render();
    } else if (message.type === 'variables' && model) {
      selected = message.entryId;
      variablesText = typeof message.text === 'string' ? message.text : '';
      const box = document.getElementById('variables');
      if (box) box.replaceChildren(typeof message.text === 'string' ? el('pre', 'json', message.text) : el('p', 'muted', String(message.note || '')));
      reportRendered();
    } else if (message.type === 'failure') {
      const note = el('p', 'failure', String(message.message));
      app.prepend(note);
    }
  });

  send({ type: 'ready' });
})();
