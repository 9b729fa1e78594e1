/**
 * The Excel fake is no more permissive than Excel: each member it models is gated by the
 * requirement set Microsoft documents for it (the `[Api set: ExcelApi …]` remarks of
 * @types/office-js, the reference pages' text), and its call shapes are the typings' own
 * (compile-time check at the end of excel-fake.ts).
 */
import { API_SETS, FAKE_CLASSES, FakeExcelWorkbook, installExcelFake } from './excel-fake';
import { excelApiSets } from './office-api-sets';

const documented = excelApiSets();

function compare(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number) as [number, number];
  const [bm, bn] = b.split('.').map(Number) as [number, number];
  return am - bm || an - bn;
}

test('every gate of the fake is the requirement set Microsoft documents', () => {
  for (const [key, set] of Object.entries(API_SETS)) {
    expect({ key, ...documented.get(key) }).toEqual({ key, ...set });
  }
});

test('no member of a fake class that needs more than ExcelApi 1.1 is left ungated', () => {
  const missing: string[] = [];
  for (const [cls, office] of FAKE_CLASSES) {
    for (const name of Object.getOwnPropertyNames(cls.prototype)) {
      const set = documented.get(`${office}.${name}`);
      if (!set) continue;
      const above = compare(set.read, '1.1') > 0 || (set.write !== undefined && compare(set.write, '1.1') > 0);
      if (above && !API_SETS[`${office}.${name}`]) missing.push(`${office}.${name} (${set.read}${set.write ? `/${set.write}` : ''})`);
    }
  }
  expect(missing).toEqual([]);
});

describe('the fake refuses below the documented set', () => {
  let wb: FakeExcelWorkbook;
  let uninstall: () => void;
  beforeEach(() => {
    wb = new FakeExcelWorkbook();
    wb.addSheet('附件3');
    wb.addSheet('附件2');
    uninstall = installExcelFake(wb).uninstall;
  });
  afterEach(() => uninstall());

  const refused = async (version: string, batch: (ctx: Excel.RequestContext) => Promise<unknown>) => {
    wb.apiVersion = version;
    await expect(Excel.run(batch)).rejects.toMatchObject({ code: 'ApiNotFound' });
  };

  test('setting Worksheet.visibility needs 1.2 (reading it 1.1)', async () => {
    wb.apiVersion = '1.1';
    await Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('附件2');
      ws.load('visibility');
      await ctx.sync();
      expect(ws.visibility).toBe('Visible');
    });
    await refused('1.1', async (ctx) => {
      ctx.workbook.worksheets.getItem('附件2').visibility = 'Hidden';
      await ctx.sync();
    });
  });

  test('loading protection needs 1.2; null objects 1.4; conditional formats 1.6; getRanges and fill patterns 1.9; merged areas 1.13', async () => {
    await refused('1.1', async (ctx) => {
      ctx.workbook.worksheets.load('items/protection/protected');
      await ctx.sync();
    });
    await refused('1.3', async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject('附件3');
      await ctx.sync();
    });
    await refused('1.5', async (ctx) => {
      ctx.workbook.worksheets.getItem('附件3').getRange('A1').conditionalFormats.load('items');
      await ctx.sync();
    });
    await refused('1.8', async (ctx) => {
      ctx.workbook.worksheets.getItem('附件3').getRanges('A1,B2');
      await ctx.sync();
    });
    await refused('1.8', async (ctx) => {
      ctx.workbook.worksheets.getItem('附件3').getRange('A1').format.fill.load('pattern');
      await ctx.sync();
    });
    await refused('1.12', async (ctx) => {
      ctx.workbook.worksheets.getItem('附件3').getRange('A1:B2').getMergedAreasOrNullObject();
      await ctx.sync();
    });
  });

  test('Worksheet.delete() of a very hidden sheet fails with InvalidOperation', async () => {
    wb.sheet('附件2').visibility = 'VeryHidden';
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('附件2').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(wb.sheets.map((s) => s.name)).toContain('附件2');
  });
});
