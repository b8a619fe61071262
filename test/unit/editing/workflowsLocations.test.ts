import { deepStrictEqual } from 'assert';
import { LOCATION_ID, WORKFLOWS_LOCATIONS } from '../../../src/vscode/target/workflowsLocations';

describe('editing: the Workflows locations of the picker', () => {
  const ids = WORKFLOWS_LOCATIONS.map((l) => l.id);

  it('lists 40 regions once each, in natural order, each a region name with its city', () => {
    deepStrictEqual(ids.length, 40);
    deepStrictEqual([...new Set(ids)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })), ids);
    deepStrictEqual(ids.filter((id) => !LOCATION_ID.test(id)), []);
    deepStrictEqual(WORKFLOWS_LOCATIONS.filter((l) => l.city.trim() === ''), []);
  });

  it('keeps every region the former short list offered', () => {
    const former = ['us-central1', 'us-east1', 'us-west1', 'europe-west1', 'europe-west4', 'asia-southeast1', 'asia-northeast1', 'australia-southeast1'];
    deepStrictEqual(former.filter((id) => !ids.includes(id)), []);
  });

  it('takes region names typed by hand and refuses other text', () => {
    deepStrictEqual(['europe-west10', 'northamerica-south1', 'us-central', 'US-CENTRAL1', 'global', ''].map((t) => LOCATION_ID.test(t)), [true, true, false, false, false, false]);
  });
});
