/**
 * Stands in for WPS表格 when the browser suite opens dist/wps/wps-taskpane.html: installs the
 * in-memory WPS object model of test/host (Application, wps.EtApplication) holding the workbook
 * the test put in `window.__FAKE_WORKBOOK__`, before the pane's own scripts run.
 */
import { wpsDocFromSpec } from '../host/wps-env';
import { installWpsFake } from '../host/wps-fake';
import type { SheetSpec } from '../host/spec';

const w = window as unknown as { __FAKE_WORKBOOK__?: SheetSpec[]; __fakeWps?: unknown };
const doc = wpsDocFromSpec(w.__FAKE_WORKBOOK__ ?? []);
installWpsFake(doc);
w.__fakeWps = doc;
