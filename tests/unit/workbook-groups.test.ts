import { describe, expect, expectTypeOf, test } from 'vitest';
import { groupMatcher, groupSlug, loadGroupTables, parseTable } from '../../src/lib/data/workbook/groups.ts';
import { ethnicGroupSchema, type EthnicGroup } from '../../src/schemas/ethnic-group.ts';

const tables = loadGroupTables('data/reference');
const match = groupMatcher(tables);
const code = (label: string) => match(label)?.group.code;

describe('loadGroupTables', () => {
  test('loadGroupTables reads the 56 groups of GB/T 3304-1991 and the two census categories 97 and 98', () => {
    expect(tables.groups).toHaveLength(58);
    expect(tables.groups.filter((group) => group.source === 'GB/T 3304-1991').map((group) => group.code)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(tables.groups.slice(-2).map((group) => [group.code, group.name])).toEqual([['97', '其他未识别的民族'], ['98', '外国人加入中国籍']]);
  });

  test('loadGroupTables gives 01 汉族 Han HA, 04 藏族 Zang (Tibetan abroad) and 10 朝鲜族 Chosen (Korean abroad)', () => {
    const byCode = new Map(tables.groups.map((group) => [group.code, group]));
    expect(byCode.get('01')).toMatchObject({ name: '汉族', romanization: 'Han', letter_code: 'HA' });
    expect(byCode.get('04')).toMatchObject({ name: '藏族', romanization: 'Zang', letter_code: 'ZA', romanization_abroad: 'Tibetan' });
    expect(byCode.get('10')).toMatchObject({ name: '朝鲜族', romanization: 'Chosen', romanization_abroad: 'Korean' });
  });

  test('loadGroupTables gives every group a distinct letter code and URL segment', () => {
    const standard = tables.groups.filter((group) => group.letter_code !== '');
    expect(new Set(standard.map((group) => group.letter_code)).size).toBe(56);
    expect(new Set(tables.groups.map(groupSlug)).size).toBe(58);
  });

  test('parseTable throws with the line of a row that breaks the schema', () => {
    expect(() => parseTable('code,name,romanization,letter_code,romanization_abroad,source\n1,汉族,Han,HA,,x\n', ethnicGroupSchema, 'groups.csv')).toThrow(/^groups\.csv:2: code/);
  });

  test('EthnicGroup is inferred from its schema', () => {
    expectTypeOf<EthnicGroup['code']>().toEqualTypeOf<string>();
  });
});

describe('groupMatcher', () => {
  test('groupMatcher("蒙 古 族") returns 02 Mongol', () => {
    expect(match('蒙 古 族')).toMatchObject({ group: { code: '02', romanization: 'Mongol' }, by: 'name' });
  });

  test('groupMatcher folds full-width spaces and line breaks: "东\u3000乡\r\n族" is 26', () => {
    expect(code('东\u3000乡\r\n族')).toBe('26');
  });

  test('groupMatcher gives the pages of Gansu\'s own groups: dongxiang, bonan, yugur', () => {
    expect(['东乡族', '保安族', '裕固族'].map((label) => {
      const found = match(label);
      return found && groupSlug(found.group);
    })).toEqual(['dongxiang', 'bonan', 'yugur']);
  });

  test('groupMatcher reads the 2000 spelling 柯尔柯孜族 as 29 柯尔克孜族, by its listed label', () => {
    expect(match('柯尔柯孜族')).toMatchObject({ group: { code: '29', name: '柯尔克孜族' }, by: 'label' });
  });

  test('groupMatcher reads 其他未识别的民族 as 97 and 外国人加入中国籍 as 98', () => {
    expect([code('其他未识别的民族'), code('外国人加入中国籍')]).toEqual(['97', '98']);
  });

  test('groupMatcher returns undefined for a sum of groups such as 其他民族', () => {
    expect(match('其他民族')).toBeUndefined();
  });
});
