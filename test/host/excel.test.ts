import { runAdapterContract } from './adapter-contract';
import { ExcelEnv } from './excel-env';

runAdapterContract('Excel (Office.js)', () => new ExcelEnv());
