/**
 * `connector_params` of connector calls (Google's connector reference and its JSON schema for
 * workflows): `timeout` an integer of seconds from 1 to 31536000, `polling_policy` a map of
 * positive numbers `initial_delay`, `multiplier` and `max_delay`, `skip_polling` a boolean,
 * `scopes` a string or a list of strings. Expressions are not checked; unknown keys are warnings.
 */
import type { Diagnostic } from '../../diagnostic';
import { CONNECTOR_PARAMS_KEYS, isConnectorNamespace, POLLING_POLICY_KEYS } from '../../connectors/catalogue';
import type { MapValue, Value } from '../../model/types';
import { stepsOfKind, type ValidationContext } from '../context';
import { diagnostic } from '../messages';
import type { Rule } from '../rule';

/** The longest connector timeout: one year [D connectors reference]. */
export const MAX_CONNECTOR_TIMEOUT_S = 31_536_000;

export const connectorParamsRule: Rule = {
  codes: ['unknown-connector-param', 'connector-param-value'],
  check(context: ValidationContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { step } of stepsOfKind(context, 'call')) {
      if (!isConnectorNamespace(step.call.value) || step.args?.kind !== 'map') continue;
      const params = step.args.entries.find((e) => e.key.kind === 'scalar' && e.key.value === 'connector_params')?.value;
      if (params) checkParams(params, out);
    }
    return out;
  },
};

function checkParams(params: Value, out: Diagnostic[]): void {
  if (params.kind === 'expr') return;
  if (params.kind !== 'map') {
    out.push(diagnostic('connector-param-value', params.span, ['connector_params', 'a map of timeout, polling_policy, skip_polling and scopes']));
    return;
  }
  for (const { key, value } of scalarEntries(params)) {
    switch (key.value) {
      case 'timeout':
        if (!isInteger(value, 1, MAX_CONNECTOR_TIMEOUT_S)) out.push(diagnostic('connector-param-value', value.span, ['timeout', `an integer number of seconds from 1 to ${MAX_CONNECTOR_TIMEOUT_S}`]));
        break;
      case 'skip_polling':
        if (!(value.kind === 'expr' || (value.kind === 'scalar' && typeof value.value === 'boolean'))) out.push(diagnostic('connector-param-value', value.span, ['skip_polling', 'true or false']));
        break;
      case 'scopes':
        if (!isScopes(value)) out.push(diagnostic('connector-param-value', value.span, ['scopes', 'a string or a list of strings']));
        break;
      case 'polling_policy':
        checkPolling(value, out);
        break;
      default:
        out.push(diagnostic('unknown-connector-param', key.span, [String(key.value), `connector_params (${CONNECTOR_PARAMS_KEYS.join(', ')})`]));
    }
  }
}

function checkPolling(policy: Value, out: Diagnostic[]): void {
  if (policy.kind === 'expr') return;
  if (policy.kind !== 'map') {
    out.push(diagnostic('connector-param-value', policy.span, ['polling_policy', 'a map of initial_delay, multiplier and max_delay']));
    return;
  }
  for (const { key, value } of scalarEntries(policy)) {
    if (!(POLLING_POLICY_KEYS as readonly string[]).includes(String(key.value))) {
      out.push(diagnostic('unknown-connector-param', key.span, [String(key.value), `polling_policy (${POLLING_POLICY_KEYS.join(', ')})`]));
    } else if (!(value.kind === 'expr' || (value.kind === 'scalar' && (typeof value.value === 'number' || typeof value.value === 'bigint') && value.value > 0))) {
      out.push(diagnostic('connector-param-value', value.span, [String(key.value), 'a positive number']));
    }
  }
}

function scalarEntries(map: MapValue) {
  return map.entries.flatMap((e) => (e.key.kind === 'scalar' ? [{ key: e.key, value: e.value }] : []));
}

function isInteger(value: Value, min: number, max: number): boolean {
  if (value.kind === 'expr') return true;
  // Integers are exact (bigint) in the model.
  return value.kind === 'scalar' && typeof value.value === 'bigint' && value.value >= BigInt(min) && value.value <= BigInt(max);
}

function isScopes(value: Value): boolean {
  if (value.kind === 'expr') return true;
  if (value.kind === 'scalar') return typeof value.value === 'string';
  return value.kind === 'list' && value.items.every((i) => i.kind === 'expr' || (i.kind === 'scalar' && typeof i.value === 'string'));
}
