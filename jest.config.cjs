// `npm test` runs every project in one Jest run: unit specs beside the code, then the suites in test/.
const fs = require('node:fs');
const path = require('node:path');

const unitProjects = ['libs/shared/contracts', 'libs/shared/schedule', 'api', 'admin']
  .map((dir) => path.join(__dirname, dir, 'jest.config.cjs'))
  .filter((file) => fs.existsSync(file));

module.exports = {
  projects: [...unitProjects, ...require('./test/jest.projects.cjs')],
  testTimeout: 30_000,
};
