import { describe, expect, it } from 'vitest';
import { departmentCells, departmentFunction, parseDepartments } from '../scripts/ingest/departments';

describe('departments', () => {
  it('splits a 责任单位 bracket and maps names to functions (长沙)', () => {
    const { departments, diagnostics } = parseDepartments('（责任单位：市科技局、市工业和信息化局、市市场监管局）');
    expect(departments).toEqual([
      { name: '市科技局', role: '责任单位', function: 'science-tech' },
      { name: '市工业和信息化局', role: '责任单位', function: 'industry-it' },
      { name: '市市场监管局', role: '责任单位', function: 'market-regulation' },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('keeps nested brackets and 各区、县（市）政府 whole (杭州, 嘉兴)', () => {
    expect(parseDepartments('〔责任单位：市经信局、市科技局，各区、县（市）政府〕').departments.map((d) => [d.name, d.function])).toEqual([
      ['市经信局', 'industry-it'],
      ['市科技局', 'science-tech'],
      ['各区、县（市）政府', 'district-governments'],
    ]);
    expect(parseDepartments('(责任单位:市委组织部(市委人才办)、市人社局、市经信局、各县(市、区)政府)').departments.map((d) => [d.name, d.function])).toEqual([
      ['市委组织部(市委人才办)', 'talent-office'],
      ['市人社局', 'human-resources'],
      ['市经信局', 'industry-it'],
      ['各县(市、区)政府', 'district-governments'],
    ]);
  });

  it('reads the 责任部门 label and half-width commas', () => {
    const { departments } = parseDepartments('〔责任部门：市地方金融监管局、市经信局〕');
    expect(departments.map((d) => d.role)).toEqual(['责任部门', '责任部门']);
    expect(parseDepartments('(责任单位:市市场监管局,市财政局)').departments.map((d) => d.name)).toEqual(['市市场监管局', '市财政局']);
  });

  it('maps the same function across cities', () => {
    for (const name of ['市经信局', '市经济和信息化局', '市工业和信息化局', '市工业和信息局']) expect(departmentFunction(name)).toBe('industry-it');
    for (const name of ['各区县市人民政府', '各区政府', '各县(市、区)政府', '各区、县（市）政府']) expect(departmentFunction(name)).toBe('district-governments');
    expect(departmentFunction('市科技创新委')).toBe('science-tech');
    expect(departmentFunction('市财政局')).toBe('finance-bureau');
  });

  it('reports unknown departments and a missing label instead of guessing', () => {
    const { departments, diagnostics } = parseDepartments('（市神秘办公室）');
    expect(departments).toEqual([{ name: '市神秘办公室', role: '责任单位', function: null }]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['department-label-missing', 'department-unknown']);
  });

  it('returns nothing for a clause without a bracket', () => {
    expect(parseDepartments(null)).toEqual({ departments: [], diagnostics: [] });
  });
});

describe('departments of any city', () => {
  it.each([
    ['温州市科技局', 'science-tech'],
    ['余姚市经信局', 'industry-it'],
    ['嘉兴市市场监管局', 'market-regulation'],
    ['鹿城区财政局', 'finance-bureau'],
  ])('maps %s to %s', (name, fn) => {
    expect(departmentFunction(name)).toBe(fn);
  });

  it('reads the department cell of a table row', () => {
    expect(departmentCells('对企业给予奖励。\n资格定补\n市科技局\n市经信局、市财政局\n市科技局').map((d) => [d.name, d.function])).toEqual([
      ['市科技局', 'science-tech'],
      ['市经信局', 'industry-it'],
      ['市财政局', 'finance-bureau'],
    ]);
  });
});
