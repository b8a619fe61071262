import { deepStrictEqual } from 'assert';
import { doc, expected, lint, problem } from './helpers';

const TAIL = ' YAML reads the structure from indentation, so the rest of the file is checked once this line is fixed.';

describe('indentation slips', () => {
  it('reports a key one space short of its block once, instead of the parser errors and what follows from them', () => {
    const text = doc('main:', '  steps:', '    - first:', '        assign:', '          - x: 1', '       next: second', '    - second:', '        return: ${x}');
    deepStrictEqual(lint(text), [expected('yaml-indentation', ["'next'", '7', '6 or 8'], '5:7-5:19', 'next: second')]);
  });

  it('reports an argument one space short, without the unknown-key complaint the misread tree gives', () => {
    const text = doc('- first:', '    call: sys.log', '    args:', '      text: hi', '     severity: INFO', '- second:', '    return: 1');
    deepStrictEqual(lint(text), [expected('yaml-indentation', ["'severity'", '5', '2, 4 or 6'], '4:5-4:19', 'severity: INFO')]);
  });

  it('points at the line indented too far under a key that already has a value', () => {
    const text = doc('main:', '  steps:', '    - first:', '        call: sys.log', '         args:', '          text: hi');
    deepStrictEqual(lint(text), [expected('yaml-indentation', ["'args'", '9', '6 or 8'], '4:9-4:14', 'args:')]);
  });

  it('reads the message in full', () => {
    deepStrictEqual(
      lint(doc('- a:', '    call: sys.log', '     args: {}'))[0].message,
      "Indentation slip: 'args' is indented 5 spaces, which lines up with no block around it; the keys nearby are at 2 or 4 spaces." + TAIL,
    );
  });

  it('leaves other YAML syntax errors as the parser words them', () => {
    deepStrictEqual(lint(doc('- a:', '    return: [1, 2')), [
      problem('yaml-syntax', ['Flow sequence in block collection must be sufficiently indented and end with a ]'], '2:0-2:0', ''),
    ]);
  });
});
