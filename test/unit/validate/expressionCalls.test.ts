import { deepStrictEqual } from 'assert';
import { doc, EMPTY, expected, lint } from './helpers';

describe('expression calls rule', () => {
  it('accepts helpers, module functions, subworkflows with defaults and connector helpers', () => {
    const text = doc(
      'main:',
      '  steps:',
      '    - a:',
      '        assign:',
      "          - n: '${len(keys({\"a\": 1})) + int(\"2\")}'",
      '          - s: ${text.to_upper(string(n))}',
      '          - g: ${greet("Ada")}',
      '          - c: ${googleapis.secretmanager.v1.projects.secrets.versions.accessString("s", 1, "p")}',
      'greet:',
      '  params: [first, last: "Doe"]',
      '  steps:',
      '    - r:',
      '        return: ${first + " " + last}',
    );
    deepStrictEqual(lint(text), []);
  });

  it('reports an unknown function on its name, with a suggestion', () => {
    const text = doc('- a:', '    return: ${1 + lenn([1])}');
    deepStrictEqual(lint(text), [expected('unknown-function', ['lenn'], '1:18-1:22', 'lenn', { suggestion: 'len' })]);
  });

  it('reports a blocking function inside an expression', () => {
    const text = doc('- a:', '    return: ${http.get("https://example.com")}');
    deepStrictEqual(lint(text), [expected('blocking-in-expression', ['http.get'], '1:14-1:22', 'http.get')]);
  });

  it('reports text.substring with two arguments and len with two', () => {
    const text = doc('- a:', '    assign:', '      - x: ${text.substring("hello", 1)}', '      - y: ${len("a", "b")}');
    deepStrictEqual(lint(text), [
      expected('missing-argument', ['end', 'text.substring'], '2:13-2:27', 'text.substring'),
      expected('too-many-arguments', ['len', '1', '2'], '3:13-3:16', 'len'),
    ]);
  });

  it('reports arity errors of subworkflow calls with the parameters as related information', () => {
    const text = doc('main:', '  steps:', '    - a:', '        return: ${add(1)}', 'add:', '  params: [x, y]', '  steps:', '    - r:', '        return: ${x + y}');
    deepStrictEqual(lint(text), [
      expected('missing-argument', ['y', 'add'], '3:18-3:21', 'add', { related: [{ range: '5:10-5:16', message: "Parameters of 'add'." }] }),
    ]);
  });

  it('only warns about a function of an unknown module', () => {
    const text = doc('- a:', '    return: ${shell.run("ls")}');
    deepStrictEqual(lint(text), [expected('undocumented-function', ['shell.run'], '1:14-1:23', 'shell.run')]);
  });
  it('stays quiet on empty input and on an unfinished call, which is still a plain string', () => {
    deepStrictEqual(lint(''), EMPTY);
    deepStrictEqual(lint(doc('- a:', '    return: ${text.substring(')), []);
  });
});
