/** `list.concat` and `list.prepend`: new lists; the arguments are never changed. */
import { copyValue } from '../value';
import { Args } from './args';
import type { NativeFunction } from './context';

const concat: NativeFunction = (values) => {
  const a = new Args('list.concat', values);
  const objs = a.list('objs');
  return [...objs.map(copyValue), copyValue(a.required('val'))];
};

const prepend: NativeFunction = (values) => {
  const a = new Args('list.prepend', values);
  const objs = a.list('objs');
  return [copyValue(a.required('val')), ...objs.map(copyValue)];
};

export const LIST_FUNCTIONS: ReadonlyMap<string, NativeFunction> = new Map([
  ['list.concat', concat],
  ['list.prepend', prepend],
]);
