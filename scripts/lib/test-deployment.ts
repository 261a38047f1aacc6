/**
 * The deployment settings builds for tests and measurements use (reserved
 * example names, never published): `npm run build:test` in package.json sets
 * the same two, the dist tests expect them, and the benchmark builds with them.
 */
export const TEST_DEPLOYMENT = {
  SITE_URL: "https://factcheck.example.org",
  CONTACT_EMAIL: "corrections@example.org",
} as const;
