/**
 * Lint, the engine and completion give the same answer for every `next:` target from every kind
 * of block: a target the engine refuses is a lint error on the `next:` value (the engine's refusal
 * points at the same span) and is not offered by completion; a target it follows is clean and
 * offered. Then the cases the issue found, each with its exact results.
 */
import { deepStrictEqual, strictEqual } from 'assert';
import { lintText } from '../../../src/core/validate';
import { parseWorkflow } from '../../../src/core/model/parse';
import { runWorkflow } from '../../../src/engine';
import { nextTargetsAt } from '../../../src/core/language/workflowQuery';
import { run, testHost } from '../engine/harness';

/** One site per kind of block; `@X` marks where site X's `next:` goes. */
const TEMPLATE = [
  'main:',
  '  steps:',
  '    - top:',
  '        assign: [{a: 1}]',
  '@top        ',
  '    - grp:',
  '        steps:',
  '          - g1:',
  '              assign: [{b: 1}]',
  '@g1              ',
  '    - sw:',
  '        switch:',
  '          - condition: true',
  '            steps:',
  '              - c1:',
  '                  assign: [{c: 1}]',
  '@c1                  ',
  '    - tr:',
  '        try:',
  '          steps:',
  '            - t1:',
  '                assign: [{d: 1}]',
  '@t1                ',
  '            - t2:',
  '                raise: boom',
  '        except:',
  '          as: e',
  '          steps:',
  '            - x1:',
  '                assign: [{f: 1}]',
  '@x1                ',
  '    - lp:',
  '        for:',
  '          value: v',
  '          in: [1]',
  '          steps:',
  '            - l1:',
  '                assign: [{g: 1}]',
  '@l1                ',
  '    - par:',
  '        parallel:',
  '          branches:',
  '            - b1:',
  '                steps:',
  '                  - p1:',
  '                      assign: [{h: 1}]',
  '@p1                      ',
  '    - pf:',
  '        parallel:',
  '          for:',
  '            value: w',
  '            in: [1]',
  '            steps:',
  '              - q1:',
  '                  assign: [{k: 1}]',
  '@q1                  ',
  '    - fin:',
  '        return: done',
];

const SITES = ['top', 'g1', 'c1', 't1', 'x1', 'l1', 'p1', 'q1'];
const TARGETS = ['top', 'grp', 'g1', 'sw', 'c1', 'tr', 't1', 't2', 'x1', 'lp', 'l1', 'par', 'p1', 'pf', 'q1', 'fin', 'end', 'break', 'continue'];

/** The template with `next: target` at `site` only. */
function source(site: string, target: string): string {
  return TEMPLATE.map((line) => {
    if (!line.startsWith('@')) return line;
    const [marker, indent] = [line.slice(1).trim(), line.slice(line.indexOf(' '))];
    return marker === site ? `${indent}next: ${target}` : '';
  })
    .filter((line) => line !== '')
    .join('\n') + '\n';
}

interface Answer {
  lint: boolean;
  engine: boolean;
  completion: boolean;
}

/** Whether lint accepts, the engine follows, and completion offers `next: target` at `site`. */
async function answers(site: string, target: string): Promise<Answer> {
  const text = source(site, target);
  const start = text.indexOf(`next: ${target}`) + 'next: '.length;
  const span = { start, end: start + target.length };
  const { workflow, diagnostics } = lintText(text);
  const lint = !diagnostics.some((d) => d.severity === 'error' && d.span.start === span.start && d.span.end === span.end);
  const outcome = await runWorkflow(workflow, undefined, testHost(), { limits: { maxSteps: 300 } });
  const refused = outcome.state !== 'SUCCEEDED' && outcome.refusal !== undefined;
  if (refused) deepStrictEqual(outcome.refusal?.span, span, `${site} -> ${target}: the refusal is not at the next: value`);
  return { lint, engine: !refused, completion: nextTargetsAt(parseWorkflow(text), start).includes(target) };
}

describe('next: targets — lint, engine and completion agree', () => {
  it('gives one answer for every target from every kind of block, and it is the documented table', async function () {
    this.timeout(60_000);
    const accepted: Record<string, string[]> = {};
    const disagreements: string[] = [];
    for (const site of SITES) {
      accepted[site] = [];
      for (const target of TARGETS) {
        const a = await answers(site, target);
        if (a.lint !== a.engine || a.completion !== a.engine) disagreements.push(`${site} -> ${target}: ${JSON.stringify(a)}`);
        if (a.engine) accepted[site].push(target);
      }
    }
    deepStrictEqual(disagreements, []);
    const outside = ['top', 'grp', 'g1', 'sw', 'tr', 'lp', 'par', 'pf', 'fin', 'end'];
    deepStrictEqual(accepted, {
      top: outside,
      g1: outside,
      c1: ['top', 'grp', 'g1', 'sw', 'c1', 'tr', 'lp', 'par', 'pf', 'fin', 'end'],
      t1: ['top', 'grp', 'g1', 'sw', 'tr', 't1', 't2', 'lp', 'par', 'pf', 'fin', 'end'],
      x1: ['top', 'grp', 'g1', 'sw', 'tr', 'x1', 'lp', 'par', 'pf', 'fin', 'end'],
      l1: ['top', 'grp', 'g1', 'sw', 'tr', 'lp', 'l1', 'par', 'pf', 'fin', 'end', 'break', 'continue'],
      p1: ['p1', 'end'],
      q1: ['q1', 'end', 'continue'],
    });
  });
});

describe('the disagreements the issue found, settled', () => {
  it('a next: into a for body from outside is a lint error on the value and the engine refuses it there', async () => {
    const text = ['- loop:', '    for:', '      value: v', '      in: [1]', '      steps:', '        - inner:', '            assign: [{x: 1}]', '- again:', '    next: inner', ''].join('\n');
    const at = text.lastIndexOf('inner');
    deepStrictEqual(
      lintText(text).diagnostics.map((d) => [d.code, d.span.start, d.span.end]),
      [['next-into-block', at, at + 5]],
    );
    const r = await run(text);
    deepStrictEqual(r.error, { message: '"next: inner" cannot enter the block that holds step "inner"', tags: ['ValueError'] });
    deepStrictEqual(r.outcome.state === 'FAILED' && r.outcome.refusal, { rule: 'next-into-block', span: { start: at, end: at + 5 } });
  });

  it('return and next: break inside a parallel branch are lint errors where the engine refuses them, and no try hides the refusal', async () => {
    const text = [
      '- loop:',
      '    for:',
      '      value: v',
      '      in: [1]',
      '      steps:',
      '        - t:',
      '            try:',
      '              parallel:',
      '                branches:',
      '                  - b:',
      '                      steps:',
      '                        - stop:',
      '                            next: break',
      '            except:',
      '              as: e',
      '              steps:',
      '                - swallowed:',
      '                    return: caught',
      '',
    ].join('\n');
    const at = text.indexOf('break');
    deepStrictEqual(
      lintText(text).diagnostics.map((d) => [d.code, d.span.start]),
      [['jump-outside-loop', at]],
    );
    const r = await run(text);
    deepStrictEqual(r.error, { message: '"next: break" used outside a for loop in routine "main"', tags: ['ValueError'] });
    deepStrictEqual(r.outcome.state === 'FAILED' && r.outcome.refusal, { rule: 'next-outside-loop', span: { start: at, end: at + 5 } });
  });

  it('a variable assigned in one for iteration is there in the next, as lint assumes', async () => {
    const text = [
      '- init:',
      '    assign:',
      '      - seen: []',
      '- loop:',
      '    for:',
      '      value: v',
      '      in: [1, 2, 3]',
      '      steps:',
      '        - check:',
      '            switch:',
      '              - condition: ${v > 1}',
      '                assign:',
      '                  - seen: ${list.concat(seen, previous)}',
      '        - remember:',
      '            assign:',
      '              - previous: ${v}',
      '- done:',
      '    return: ${seen}',
      '',
    ].join('\n');
    deepStrictEqual(lintText(text).diagnostics, []);
    deepStrictEqual((await run(text)).result, [1, 2]);
  });

  it('offers in completion the targets outside the loop that the engine follows', () => {
    const text = source('l1', 'x');
    strictEqual(nextTargetsAt(parseWorkflow(text), text.indexOf('next: x') + 6).join(' '), 'top grp g1 sw tr lp l1 par pf fin end break continue');
  });
});
