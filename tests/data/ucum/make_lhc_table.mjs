// Writes lhc_expected.tsv: what the NLM reference implementation @lhncbc/ucum-lhc says about
// unit expressions and conversions, for tests/runtime/ucum_lhc_test.cpp to compare with.
//   node make_lhc_table.mjs NODE_MODULES_PARENT OUTPUT   (make_lhc_table.sh installs and runs it)
// Rows, clinical first: unit expressions (validity, magnitude of 1 unit in base units, dimension),
// then conversions (value, from, to → result). Where ucum-lhc departs from UCUM 2.2 the row is
// kept with outcome `excluded` and the reason, so the table documents every divergence.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [installDir, output] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(installDir), 'package.json'));
const lhcVersion = require('@lhncbc/ucum-lhc/package.json').version;
const { UcumLhcUtils, UnitTables } = require('@lhncbc/ucum-lhc');
const lhc = UcumLhcUtils.getInstance();

// The UCUM table itself, for the lists of atoms and prefixes.
const here = path.dirname(fileURLToPath(import.meta.url));
const essence = fs.readFileSync(path.join(here, '../../../runtime/ucum/data/ucum-essence.xml'), 'utf8');
const prefixes = [...essence.matchAll(/<prefix Code="([^"]*)"/g)].map((m) => m[1]);
const atoms = [...essence.matchAll(/<(unit|base-unit)\s+Code="([^"]*)"([^>]*)>([\s\S]*?)<\/\1>/g)].map((m) => ({
  code: m[2],
  metric: m[1] === 'base-unit' || /isMetric="yes"/.test(m[3]),
  arbitrary: /isArbitrary="yes"/.test(m[3]),
  special: /isSpecial="yes"/.test(m[3]),
  definition: (m[4].match(/<value Unit="([^"]*)"[^>]*value="([^"]*)"/) || []).slice(1),
}));
const atomCodes = new Set(atoms.map((a) => a.code));
const arbitraryCodes = atoms.filter((a) => a.arbitrary).map((a) => a.code);
// Atoms ucum-lhc adds to UCUM (`Torr`): its codes that are neither a UCUM atom nor prefix + atom.
const lhcExtras = Object.keys(UnitTables.getInstance().unitCodes_).filter(
  (c) => !/[./()0-9{]/.test(c) && !atomCodes.has(c) && !prefixes.some((p) => c.startsWith(p) && atomCodes.has(c.slice(p.length))),
);

// Atoms whose value in ucum-lhc is not UCUM 2.2's: its table predates the 2019 SI constants
// ([e], [h], [k], u, …) and it misreads definitions that start with `/` ([diop] = /m). Found by
// comparing its atom with its own reading of the 2.2 definition. `mol` is left out: the test
// scales by the Avogadro ratio instead, so moles stay compared.
const lhcUnit = (expr) => {
  try {
    const r = lhc.getSpecifiedUnit(expr, 'validate');
    return r.unit && r.status === 'valid' ? r.unit : null;
  } catch (e) {
    return null;
  }
};
const changedAtoms = new Map();
for (const a of atoms) {
  if (a.special || a.arbitrary || a.definition.length !== 2 || a.code === 'mol') continue;
  const own = lhcUnit(a.code);
  if (!own) {
    changedAtoms.set(a.code, `\`${a.code}\` (UCUM 2.2) is missing from ucum-lhc's table`);
    continue;
  }
  const [unitText, value] = a.definition;
  const def = lhcUnit(unitText);
  const expected = def ? def.magnitude_ * Number(value) : NaN;
  const sameDim = def && own.dim_.dimVec_.join() === def.dim_.dimVec_.join();
  if (!sameDim || Math.abs(own.magnitude_ - expected) > 1e-9 * Math.abs(expected)) {
    changedAtoms.set(a.code, `ucum-lhc's \`${a.code}\` is ${own.magnitude_} ${own.dim_.dimVec_.join(',')}, not UCUM 2.2's ${value} \`${unitText}\``);
  }
}
for (const a of atoms) if (!lhcUnit(a.code) && !changedAtoms.has(a.code)) changedAtoms.set(a.code, `\`${a.code}\` (UCUM 2.2) is missing from ucum-lhc's table`);
// The atoms in [expr], each without its prefix when it has one.
function atomsIn(expr) {
  const operators = './()';
  // Operators inside brackets ([m/s2/Hz^(1/2)], B[10.nV]) are part of the atom: hide them while splitting.
  const guarded = expr
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, (b) => b.replace(/[./()]/g, (c) => `\u0001${operators.indexOf(c)}`));
  const found = [];
  for (const token of guarded.split(/[./()]/)) {
    const code = token.replace(/[-+]?[0-9]+$/, '').replace(/\u0001([0-3])/g, (m, i) => operators[i]);
    if (atomCodes.has(code)) found.push({ atom: code, prefixed: false });
    else for (const p of prefixes) if (code.startsWith(p) && atomCodes.has(code.slice(p.length))) found.push({ atom: code.slice(p.length), prefixed: true });
  }
  return found;
}
const metricCodes = new Set(atoms.filter((a) => a.metric).map((a) => a.code));
// An atom defined through a changed one (eV through [e]) changed with it.
for (let grew = true; grew;) {
  grew = false;
  for (const a of atoms) {
    if (changedAtoms.has(a.code) || a.definition.length !== 2) continue;
    const through = atomsIn(a.definition[0]).map((d) => d.atom).find((d) => changedAtoms.has(d));
    if (through) {
      changedAtoms.set(a.code, `\`${a.code}\` is defined through \`${through}\`: ${changedAtoms.get(through)}`);
      grew = true;
    }
  }
}

const clinical = [
  'mm[Hg]', 'cm[H2O]', 'kPa', '/min', '{beats}/min', '{breaths}/min', '%', '[ppth]', '[ppm]', 'mg/dL', 'g/dL', 'g/L',
  'mg/L', 'ug/L', 'ng/mL', 'pg/mL', 'ng/L', 'ug/dL', 'mmol/L', 'umol/L', 'nmol/L', 'pmol/L', 'mmol/mol', 'mol/L',
  'meq/L', 'mosm/kg', 'mosm/L', '[IU]/L', 'm[IU]/L', 'm[IU]/mL', 'u[IU]/mL', '[iU]/L', 'k[IU]/L', 'U/L', 'U/mL',
  'kU/L', 'mU/L', 'ukat/L', '10*9/L', '10*12/L', '10*6/L', '10*3/uL', '/uL', '/mm3', '/[HPF]', '/[LPF]', 'Cel',
  '[degF]', 'K', '[lb_av]', '[oz_av]', 'kg', 'g', 'mg', 'ug', 'ng', 'kg/m2', 'g/m2', 'm2', 'mL/min/{1.73_m2}',
  'mL/min/1.73.m2', 'mL/min', 'mL/h', 'mL/kg', 'mL/kg/h', 'mL/(kg.h)', 'L/min', 'L', 'dL', 'mL', 'uL', 'fL',
  '[in_i]', '[ft_i]', 'cm', 'mm', 'm', 'km', 's', 'ms', 'min', 'h', 'd', 'wk', 'mo', 'a', '[ppb]', 'mg/kg',
  'mg/kg/d', 'mg/(kg.d)', 'ug/kg/min', 'ug/(kg.min)', 'mg/h', 'mg/d', 'g/d', 'kcal', 'kcal/d', 'kJ', 'J', 'W',
  'mV', 'uV', 'Hz', 'kHz', 'dB', 'dB[SPL]', '[pH]', 'pH', 'mbar', 'bar', 'atm', 'Torr', 'L/s', 'mL/s', 'cm/s',
  'm/s', 'km/h', '[mi_i]/h', 'g/mol', 'kg/mol', 'mmol/d', 'mmol/kg', 'umol/min', 'nmol/min/mg', 'mg/mmol',
  'mg/g', 'ug/g', '{cells}/uL', '10*3/mm3', '[drp]', '[drp]/min', '[tsp_us]', '[tbs_us]', '[foz_us]', '[pt_us]',
  '[gal_us]', '[cup_us]', '[arb\'U]', '[arb\'U]/mL', '[USP\'U]', '[CFU]/mL', '{copies}/mL', '[APL\'U]/mL',
  '[GPL\'U]/mL', 'g/(8.h)', 'mL/(8.h)', 'mmol/(8.h)', '10.L/min', 'cal', 'Cal', '[Cal]', 'kcal/h', 'lm', 'cd',
  'mo_j', 'a_j', 'a_t', 'mo_s', '[ft_i]/s', '[lb_av]/[in_i]2', '[psi]', '[degR]', 'osm', 'eq', 'mmol/g',
  'g.m/m2{hb}', '{score}', '{ratio}', '1', '10*-3', '10^3', '%{saturation}', '[degRe]', '%[slope]', '[p\'diop]',
];

// Spellings that are not UCUM (wrong case, missing brackets, missing `.`), to check refusals.
const invalid = [
  'MG/DL', 'Mmol/l', 'mmhg', 'mm Hg', 'mmHg', 'degC', 'F', 'lb', 'lbs', 'IU/L', 'iu/L', 'IU', 'u/L', 'mcg',
  'cc', 'sec', 'hr', 'hrs', 'mins', 'kg/m^2', 'kg/m²', 'mL/min/1.73m2', 'g/12h', 'mL/8h', '10E9/L', '10^9/L',
  '10**9/L', 'x10*9/L', '/', '//min', 'm//s', 'm..s', '.m', 'm.', '(m', 'm)', '()', '(m.)', '{', '}', '{a',
  'a}', '[', ']', '[in_i', 'in_i]', 'mg/', 'mg/dL/', '%%', 'cel', 'CEL', 'kgz', '[IU', 'm[IU', 'Cel.m',
  'm/Cel', '/Cel', 'Cel2', '[degF]/s', 'dB.m', 'mCel.s', 'ug(8.h)', '{a}rad2{b}', '{|}1', 'm2{é}', '0.5.mg',
  '1.5mg', '-1', '+1', 'm-', 'm+', 'm2-', 'm*2', 'm^2', 'k[in_i]', 'm[lb_av]', 'm10*', 'da[in_i]', 'kmin',
  'mh', 'kd', 'k%', 'm[ppm]', 'mg per dL', 'mg\tdL', ' mg', 'mg ', 'mg/dl ',
];

const common = ['m', 's', 'g', 'kg', 'mg', 'L', 'mL', 'mol', 'mmol', 'h', 'min', 'd', 'cm', 'mm', 'Pa', 'N', 'J',
  'W', 'V', 'A', 'K', 'Hz', '[lb_av]', '[in_i]', '[IU]', 'eq', 'U', '%', '10*3', 'm2'];

const units = [...clinical, ...atoms.map((a) => a.code)];
atoms.filter((a) => a.metric).forEach((a, i) => {
  for (const k of [i, i + 7, i + 13, i + 19]) units.push(prefixes[k % prefixes.length] + a.code);
});
for (const a of common) for (const b of common) if (a !== b) units.push(`${a}.${b}`, `${a}/${b}`);
for (const a of common) for (const e of ['2', '3', '-1', '-2', '+2']) units.push(a + e);
for (const a of common.slice(0, 12)) for (const b of common.slice(12, 24)) units.push(`${a}/(${b}.s)`, `/${a}.${b}`);
units.push(...invalid);

const conversions = [
  [120, 'mm[Hg]', 'kPa'], [72, '/min', '/s'], [45, '%', '1'], [100, 'mg/dL', 'g/L'], [5.5, 'mmol/L', 'umol/L'],
  [48, 'mmol/mol', '%'], [7, '[IU]/L', 'm[IU]/mL'], [4.5, '10*9/L', '/uL'], [37, 'Cel', 'K'], [37, 'Cel', '[degF]'],
  [98.6, '[degF]', 'Cel'], [10, '[lb_av]', 'kg'], [24.2, 'kg/m2', 'g/cm2'], [90, 'mL/min/{1.73_m2}', 'L/h/{1.73_m2}'],
  [140, 'meq/L', 'mmol/L'], [2.5, 'ug/L', 'ng/mL'], [30, 'U/L', 'ukat/L'], [12, '[in_i]', 'cm'], [2, 'wk', 'd'],
  [6, 'mo', 'a'], [1.5, 'h', 'min'], [3, '[ppth]', '%'], [5.5, 'mmol/L', 'mg/dL'], [100, 'mg/dL', 'mmol/L'],
  [1, 'mol', 'g'], [1, 'mg', 'umol'], [1, 'm', 's'], [1, '[IU]/L', '[arb\'U]/L'], [1, '[IU]', '1'],
  [7.4, '[pH]', 'nmol/L'], [20, 'dB', 'B'], [1, 'mol', '10*23'], [1, '[degRe]', 'Cel'], [10, '%[slope]', 'deg'],
  [1, 'kcal', 'kJ'], [1, 'atm', 'mm[Hg]'], [1, '[psi]', 'kPa'], [1, 'cm[H2O]', 'Pa'], [70, 'kg', '[lb_av]'],
  [180, 'cm', '[ft_i]'], [1, '[gal_us]', 'L'], [1, '[foz_us]', 'mL'], [1, '[tsp_us]', 'mL'], [-40, 'Cel', '[degF]'],
  [0, 'K', 'Cel'], [310, 'K', '[degF]'], [1, 'Cal', 'kcal'], [1, 'mg/(kg.d)', 'ug/kg/h'], [1, 'mL/(kg.h)', 'L/kg/d'],
];
for (const u of clinical) for (const v of clinical.slice(0, 60)) if (u !== v && conversions.length < 900) conversions.push([1.5, u, v]);
atoms.filter((a) => a.metric).forEach((a, i) => {
  conversions.push([2.5, prefixes[i % prefixes.length] + a.code, prefixes[(i + 5) % prefixes.length] + a.code]);
});
for (const a of common) for (const b of common) if (a !== b) conversions.push([3, `${a}.${b}`, `${b}.${a}`]);

const clean = (s) => s.replace(/[\t\n]/g, ' ');
function dimensionText(vec) {
  const names = ['m', 's', 'g', 'rad', 'K', 'C', 'cd'];
  const parts = vec.map((e, i) => (e === 0 ? '' : names[i] + (e === 1 ? '' : String(e)))).filter((p) => p);
  return parts.length ? parts.join('.') : '1';
}
function departure(expr) {
  const extra = lhcExtras.find((x) => new RegExp(`(^|[./(])${x.replace(/[[\]]/g, '\\$&')}($|[./)0-9{])`).test(expr));
  if (extra) return `ucum-lhc accepts \`${extra}\`, which UCUM does not define`;
  if (/(^|[./(])0+($|[./){])/.test(expr)) return 'a factor 0: ucum-lhc drops it (`0.5.mg` = 5 mg), redflag refuses it since no value converts through it';
  const used = atomsIn(expr);
  const changed = used.map((u) => u.atom).find((a) => changedAtoms.has(a));
  if (changed) return changedAtoms.get(changed);
  const nonMetric = used.find((u) => u.prefixed && !metricCodes.has(u.atom));
  if (nonMetric) return `ucum-lhc puts a prefix on \`${nonMetric.atom}\`, which UCUM says is not metric`;
  if (expr.includes('[degRe]')) return 'ucum-lhc applies the Reaumur offset after scaling (1 [degRe] = 342.6875 K); UCUM means (K - 273.15)*4/5';
  if (expr.includes('%[slope]')) return 'ucum-lhc reads atan(x/100) in radians as degrees; the slope is 100*tan(angle)';
  return '';
}
const specified = lhcUnit;
const sameArbitrary = (a, b) => {
  const set = (s) => arbitraryCodes.filter((c) => s.includes(c)).sort().join(' ');
  return set(a) !== '' && set(a) === set(b);
};

const rows = [];
const seen = new Set();
for (const expr of units) {
  if (seen.has(expr)) continue;
  seen.add(expr);
  let v;
  try {
    v = lhc.validateUnitString(expr, true);
  } catch (e) {
    rows.push(['unit', expr, '', '', 'excluded', '', '', `ucum-lhc threw: ${clean(String(e))}`]);
    continue;
  }
  if (v.status !== 'valid') {
    const reason = departure(expr);
    rows.push(['unit', expr, '', '', reason ? 'excluded' : 'invalid', '', '', reason]);
    continue;
  }
  if (v.ucumCode !== expr) {
    rows.push(['unit', expr, '', '', 'excluded', '', '', `ucum-lhc rewrites it to \`${v.ucumCode}\``]);
    continue;
  }
  const reason = departure(expr);
  if (reason) {
    rows.push(['unit', expr, '', '', 'excluded', '', '', reason]);
    continue;
  }
  const unit = specified(expr);
  if (unit.isArbitrary_) {
    rows.push(['unit', expr, '', '', 'arbitrary', '', '', '']);
    continue;
  }
  const base = unit.cnv_ ? lhc.convertToBaseUnits(expr, 1).magnitude : unit.magnitude_;
  if (!Number.isFinite(base)) {
    rows.push(['unit', expr, '', '', 'excluded', '', '', `ucum-lhc has no finite value for 1 \`${expr}\` (${base})`]);
    continue;
  }
  rows.push(['unit', expr, '', '', 'valid', String(base), dimensionText(unit.dim_.dimVec_), '']);
}
for (const [value, from, to] of conversions) {
  const key = `${value} ${from} ${to}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const row = ['convert', from, String(value), to];
  const reason = departure(from) || departure(to);
  const a = specified(from);
  const b = specified(to);
  if (reason || !a || !b || lhc.validateUnitString(from).ucumCode !== from || lhc.validateUnitString(to).ucumCode !== to) {
    rows.push([...row, 'excluded', '', '', reason || 'not a UCUM expression by ucum-lhc, or rewritten by it']);
    continue;
  }
  const r = lhc.convertUnitTo(from, value, to);
  const message = (r.msg || []).join(' ');
  if (r.status === 'succeeded' && !Number.isFinite(r.toVal)) {
    rows.push([...row, 'excluded', '', '', `ucum-lhc has no finite result (${r.toVal})`]);
  } else if (r.status === 'succeeded') {
    rows.push([...row, 'converted', String(r.toVal), '', '']);
  } else if (/molecular weight/.test(message)) {
    rows.push([...row, 'molar_mass', '', '', '']);
  } else if (/arbitrary/i.test(message) && sameArbitrary(from, to)) {
    rows.push([...row, 'excluded', '', '', 'ucum-lhc refuses every conversion of an arbitrary unit, even to itself with another prefix']);
  } else if (a.moleExp_ !== b.moleExp_ && dimensionText(a.dim_.dimVec_) === dimensionText(b.dim_.dimVec_)) {
    rows.push([...row, 'excluded', '', '', 'ucum-lhc keeps moles apart from numbers; UCUM 2.2 defines mol as 6.02214076e23']);
  } else {
    rows.push([...row, 'refused', '', '', '']);
  }
}

const header = [
  `# What @lhncbc/ucum-lhc ${lhcVersion} says, for tests/runtime/ucum_lhc_test.cpp. Generated by make_lhc_table.sh; do not edit.`,
  '# unit rows: outcome valid (number = 1 unit in base units, dimension), invalid, arbitrary or excluded.',
  '# convert rows: value in from, converted to to: converted (number), refused, molar_mass or excluded.',
  '# ucum-lhc uses Avogadro 6.0221367e23 (UCUM 2.2: 6.02214076e23); the test scales mole-based numbers by the ratio.',
  ['kind', 'from', 'value', 'to', 'outcome', 'number', 'dimension', 'reason'].join('\t'),
];
fs.writeFileSync(output, header.concat(rows.map((r) => r.map(clean).join('\t'))).join('\n') + '\n');
console.log(`${rows.length} rows, ${rows.filter((r) => r[4] === 'excluded').length} excluded -> ${output}`);
