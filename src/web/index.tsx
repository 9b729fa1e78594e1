/** The standalone page's entry: no Office, no network; workbooks are read in a Web Worker (worker.js beside it). */
import { mountWebApp } from './mount';

mountWebApp();
