/**
 * Every region where Google Cloud Workflows runs, with its city, as listed on Google's "Workflows
 * locations" page (cloud.google.com/workflows/docs/locations) at the time of writing. Google adds
 * regions over time: the picker also takes any other name. Pure (no `vscode` import).
 */
export const WORKFLOWS_LOCATIONS: readonly { id: string; city: string }[] = [
  { id: 'africa-south1', city: 'Johannesburg' },
  { id: 'asia-east1', city: 'Taiwan' },
  { id: 'asia-east2', city: 'Hong Kong' },
  { id: 'asia-northeast1', city: 'Tokyo' },
  { id: 'asia-northeast2', city: 'Osaka' },
  { id: 'asia-northeast3', city: 'Seoul' },
  { id: 'asia-south1', city: 'Mumbai' },
  { id: 'asia-south2', city: 'Delhi' },
  { id: 'asia-southeast1', city: 'Singapore' },
  { id: 'asia-southeast2', city: 'Jakarta' },
  { id: 'australia-southeast1', city: 'Sydney' },
  { id: 'australia-southeast2', city: 'Melbourne' },
  { id: 'europe-central2', city: 'Warsaw' },
  { id: 'europe-north1', city: 'Finland' },
  { id: 'europe-southwest1', city: 'Madrid' },
  { id: 'europe-west1', city: 'Belgium' },
  { id: 'europe-west2', city: 'London' },
  { id: 'europe-west3', city: 'Frankfurt' },
  { id: 'europe-west4', city: 'Netherlands' },
  { id: 'europe-west6', city: 'Zurich' },
  { id: 'europe-west8', city: 'Milan' },
  { id: 'europe-west9', city: 'Paris' },
  { id: 'europe-west10', city: 'Berlin' },
  { id: 'europe-west12', city: 'Turin' },
  { id: 'me-central1', city: 'Doha' },
  { id: 'me-central2', city: 'Dammam' },
  { id: 'me-west1', city: 'Tel Aviv' },
  { id: 'northamerica-northeast1', city: 'Montréal' },
  { id: 'northamerica-northeast2', city: 'Toronto' },
  { id: 'southamerica-east1', city: 'São Paulo' },
  { id: 'southamerica-west1', city: 'Santiago' },
  { id: 'us-central1', city: 'Iowa' },
  { id: 'us-east1', city: 'South Carolina' },
  { id: 'us-east4', city: 'Northern Virginia' },
  { id: 'us-east5', city: 'Columbus' },
  { id: 'us-south1', city: 'Dallas' },
  { id: 'us-west1', city: 'Oregon' },
  { id: 'us-west2', city: 'Los Angeles' },
  { id: 'us-west3', city: 'Salt Lake City' },
  { id: 'us-west4', city: 'Las Vegas' },
];

/** The shape of a Google Cloud region name (`us-central1`, `europe-west10`). */
export const LOCATION_ID = /^[a-z]+(?:-[a-z]+)+\d+$/;
