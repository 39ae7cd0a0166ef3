// cdktf's Testing matchers (toHaveResourceWithProperties, ...) are set up in jest.setup.js
module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/cdktf.out/'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  setupFilesAfterEnv: ['<rootDir>/jest.setup.js'],
};
