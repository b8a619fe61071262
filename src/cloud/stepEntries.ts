/**
 * A page of `stepEntries.list`, read exactly: `variableData.variables` (detailed history) is kept
 * as exact JSON text, everything else goes through `toStepEntryInfo`.
 */
import { toStepEntryInfo } from './convert';
import { exactText, objectField, objectList, parseExactObject, plain, stringField } from './exactJson';
import type { Page, StepEntryInfo } from './types';

export function parseStepEntriesPage(text: string): Page<StepEntryInfo> {
  const body = parseExactObject(text, 'stepEntries');
  const items = objectList(body, 'stepEntries').map((entry) => {
    const variables = objectField(entry, 'variableData')?.get('variables');
    const rest = new Map(entry);
    rest.delete('variableData');
    const info = toStepEntryInfo(plain(rest));
    if (variables instanceof Map) info.variablesJson = exactText(variables);
    return info;
  });
  const next = stringField(body, 'nextPageToken');
  return next ? { items, nextPageToken: next } : { items };
}
