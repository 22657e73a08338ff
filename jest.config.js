/**
 * Four projects: unit (no servers), integration (real Samba AD DC and OpenLDAP slapd, started once
 * by test/servers/global-setup.ts), e2e (headless Chromium against the built pane, same servers) and
 * dial (dial commands: each test file starts its own baresip, SIPp and local HTTP/SOAP/AMI endpoints).
 */
const tsJest = ['ts-jest', { tsconfig: 'test/tsconfig.json' }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  // testTimeout is a global option (ignored inside projects): room for real servers and a browser.
  testTimeout: 120_000,
  globalSetup: '<rootDir>/test/servers/global-setup.ts',
  globalTeardown: '<rootDir>/test/servers/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    { ...common, displayName: 'dial', testMatch: ['<rootDir>/test/dial/**/*.test.ts'] },
  ],
};
