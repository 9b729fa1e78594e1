/** `npm run docs:rules`: writes docs/rules.md from the registry. */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { renderRulesDoc } from '../src/report/rules-doc';

writeFileSync(join(__dirname, '..', 'docs', 'rules.md'), renderRulesDoc());
