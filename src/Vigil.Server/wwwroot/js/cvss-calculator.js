// The note editor's CVSS calculator: as each base metric is chosen, the vector is written and its score and rating
// shown; a vector typed in sets the metrics. It computes exactly what Vigil.Domain.Cvss computes (a test runs this
// file in node over the shared sample vectors and compares); the form's Score button does the same on the server.
(function (root) {
  'use strict';

  var IMPACT = ['H', 'L', 'N'];
  var REQUIREMENT = ['X', 'H', 'M', 'L'];
  function opt(values) { return ['X'].concat(values); }

  // [key, mandatory, values] in each specification's vector-string order.
  var METRICS = {
    '3.1': [
      ['AV', true, ['N', 'A', 'L', 'P']], ['AC', true, ['L', 'H']], ['PR', true, ['N', 'L', 'H']], ['UI', true, ['N', 'R']],
      ['S', true, ['U', 'C']], ['C', true, IMPACT], ['I', true, IMPACT], ['A', true, IMPACT],
      ['E', false, opt(['H', 'F', 'P', 'U'])], ['RL', false, opt(['U', 'W', 'T', 'O'])], ['RC', false, opt(['C', 'R', 'U'])],
      ['CR', false, REQUIREMENT], ['IR', false, REQUIREMENT], ['AR', false, REQUIREMENT],
      ['MAV', false, opt(['N', 'A', 'L', 'P'])], ['MAC', false, opt(['L', 'H'])], ['MPR', false, opt(['N', 'L', 'H'])],
      ['MUI', false, opt(['N', 'R'])], ['MS', false, opt(['U', 'C'])], ['MC', false, opt(IMPACT)], ['MI', false, opt(IMPACT)],
      ['MA', false, opt(IMPACT)]
    ],
    '4.0': [
      ['AV', true, ['N', 'A', 'L', 'P']], ['AC', true, ['L', 'H']], ['AT', true, ['N', 'P']], ['PR', true, ['N', 'L', 'H']],
      ['UI', true, ['N', 'P', 'A']], ['VC', true, IMPACT], ['VI', true, IMPACT], ['VA', true, IMPACT], ['SC', true, IMPACT],
      ['SI', true, IMPACT], ['SA', true, IMPACT], ['E', false, opt(['A', 'P', 'U'])],
      ['CR', false, REQUIREMENT], ['IR', false, REQUIREMENT], ['AR', false, REQUIREMENT],
      ['MAV', false, opt(['N', 'A', 'L', 'P'])], ['MAC', false, opt(['L', 'H'])], ['MAT', false, opt(['N', 'P'])],
      ['MPR', false, opt(['N', 'L', 'H'])], ['MUI', false, opt(['N', 'P', 'A'])], ['MVC', false, opt(IMPACT)],
      ['MVI', false, opt(IMPACT)], ['MVA', false, opt(IMPACT)], ['MSC', false, opt(IMPACT)], ['MSI', false, opt(['S', 'H', 'L', 'N'])],
      ['MSA', false, opt(['S', 'H', 'L', 'N'])], ['S', false, opt(['N', 'P'])], ['AU', false, opt(['N', 'Y'])],
      ['R', false, opt(['A', 'U', 'I'])], ['V', false, opt(['D', 'C'])], ['RE', false, opt(['L', 'M', 'H'])],
      ['U', false, opt(['Clear', 'Green', 'Amber', 'Red'])]
    ]
  };

  /** Reads a vector strictly, as CvssVectorReader does: its values by key, or null when it is not a valid vector. */
  function parse(text) {
    if (typeof text !== 'string') { return null; }
    var version = text.indexOf('CVSS:3.1/') === 0 ? '3.1' : text.indexOf('CVSS:4.0/') === 0 ? '4.0' : null;
    if (!version) { return null; }
    var metrics = METRICS[version], positions = {}, values = {}, last = -1, i;
    for (i = 0; i < metrics.length; i++) { positions[metrics[i][0]] = i; }
    var segments = text.substring(9).split('/');
    for (i = 0; i < segments.length; i++) {
      var parts = segments[i].split(':');
      if (parts.length !== 2 || !parts[0] || !parts[1] || !Object.prototype.hasOwnProperty.call(positions, parts[0])) { return null; }
      var position = positions[parts[0]];
      if (Object.prototype.hasOwnProperty.call(values, parts[0]) || metrics[position][2].indexOf(parts[1]) < 0) { return null; }
      if (version === '4.0' && position < last) { return null; }
      last = Math.max(last, position);
      values[parts[0]] = parts[1];
    }
    for (i = 0; i < metrics.length; i++) {
      if (metrics[i][1] && !values[metrics[i][0]]) { return null; }
    }
    return { version: version, values: values };
  }

  /** The vector with its metrics in the specification's order. */
  function format(version, values) {
    var parts = ['CVSS:' + version];
    METRICS[version].forEach(function (m) { if (values[m[0]]) { parts.push(m[0] + ':' + values[m[0]]); } });
    return parts.join('/');
  }

  function rating(score) {
    return score === 0 ? 'None' : score < 4 ? 'Low' : score < 7 ? 'Medium' : score < 9 ? 'High' : 'Critical';
  }

  // CVSS v3.1 (specification, section 7), as Cvss31Scoring.
  function roundup(input) {
    var scaled = Math.round(input * 100000);
    return scaled % 10000 === 0 ? scaled / 100000.0 : (Math.floor(scaled / 10000.0) + 1) / 10.0;
  }
  function av(v) { return v === 'N' ? 0.85 : v === 'A' ? 0.62 : v === 'L' ? 0.55 : 0.2; }
  function ac(v) { return v === 'L' ? 0.77 : 0.44; }
  function pr(v, changed) { return v === 'N' ? 0.85 : v === 'L' ? (changed ? 0.68 : 0.62) : (changed ? 0.5 : 0.27); }
  function ui(v) { return v === 'N' ? 0.85 : 0.62; }
  function cia(v) { return v === 'H' ? 0.56 : v === 'L' ? 0.22 : 0; }
  function e31(v) { return v === 'F' ? 0.97 : v === 'P' ? 0.94 : v === 'U' ? 0.91 : 1; }
  function rl(v) { return v === 'W' ? 0.97 : v === 'T' ? 0.96 : v === 'O' ? 0.95 : 1; }
  function rc(v) { return v === 'R' ? 0.96 : v === 'U' ? 0.92 : 1; }
  function req(v) { return v === 'H' ? 1.5 : v === 'L' ? 0.5 : 1; }

  function score31(values) {
    function get(key) { return values[key] || 'X'; }
    function modified(key) { var m = get('M' + key); return m !== 'X' ? m : get(key); }
    var changed = get('S') === 'C';
    var iss = 1 - ((1 - cia(get('C'))) * (1 - cia(get('I'))) * (1 - cia(get('A'))));
    var impact = changed ? (7.52 * (iss - 0.029)) - (3.25 * Math.pow(iss - 0.02, 15)) : 6.42 * iss;
    var exploitability = 8.22 * av(get('AV')) * ac(get('AC')) * pr(get('PR'), changed) * ui(get('UI'));
    var base = impact <= 0 ? 0 : roundup(Math.min((changed ? 1.08 : 1) * (impact + exploitability), 10));
    var factor = e31(get('E')) * rl(get('RL')) * rc(get('RC'));
    var temporal = roundup(base * factor);

    var mChanged = modified('S') === 'C';
    var miss = Math.min(1 - ((1 - (req(get('CR')) * cia(modified('C'))))
      * (1 - (req(get('IR')) * cia(modified('I'))))
      * (1 - (req(get('AR')) * cia(modified('A'))))), 0.915);
    var mImpact = mChanged ? (7.52 * (miss - 0.029)) - (3.25 * Math.pow((miss * 0.9731) - 0.02, 13)) : 6.42 * miss;
    var mExploitability = 8.22 * av(modified('AV')) * ac(modified('AC')) * pr(modified('PR'), mChanged) * ui(modified('UI'));
    var environmental = mImpact <= 0 ? 0
      : roundup(roundup(Math.min((mChanged ? 1.08 : 1) * (mImpact + mExploitability), 10)) * factor);
    return { base: base, temporal: temporal, environmental: environmental };
  }

  // CVSS v4.0 by the MacroVector method (specification, section 8.2), as Cvss40Scoring.
  var SCORES = {};
  '000000:10,000001:9.9,000010:9.8,000011:9.5,000020:9.5,000021:9.2,000100:10,000101:9.6,000110:9.3,000111:8.7,000120:9.1,000121:8.1,000200:9.3,000201:9,000210:8.9,000211:8,000220:8.1,000221:6.8,001000:9.8,001001:9.5,001010:9.5,001011:9.2,001020:9,001021:8.4,001100:9.3,001101:9.2,001110:8.9,001111:8.1,001120:8.1,001121:6.5,001200:8.8,001201:8,001210:7.8,001211:7,001220:6.9,001221:4.8,002001:9.2,002011:8.2,002021:7.2,002101:7.9,002111:6.9,002121:5,002201:6.9,002211:5.5,002221:2.7,010000:9.9,010001:9.7,010010:9.5,010011:9.2,010020:9.2,010021:8.5,010100:9.5,010101:9.1,010110:9,010111:8.3,010120:8.4,010121:7.1,010200:9.2,010201:8.1,010210:8.2,010211:7.1,010220:7.2,010221:5.3,011000:9.5,011001:9.3,011010:9.2,011011:8.5,011020:8.5,011021:7.3,011100:9.2,011101:8.2,011110:8,011111:7.2,011120:7,011121:5.9,011200:8.4,011201:7,011210:7.1,011211:5.2,011220:5,011221:3,012001:8.6,012011:7.5,012021:5.2,012101:7.1,012111:5.2,012121:2.9,012201:6.3,012211:2.9,012221:1.7,100000:9.8,100001:9.5,100010:9.4,100011:8.7,100020:9.1,100021:8.1,100100:9.4,100101:8.9,100110:8.6,100111:7.4,100120:7.7,100121:6.4,100200:8.7,100201:7.5,100210:7.4,100211:6.3,100220:6.3,100221:4.9,101000:9.4,101001:8.9,101010:8.8,101011:7.7,101020:7.6,101021:6.7,101100:8.6,101101:7.6,101110:7.4,101111:5.8,101120:5.9,101121:5,101200:7.2,101201:5.7,101210:5.7,101211:5.2,101220:5.2,101221:2.5,102001:8.3,102011:7,102021:5.4,102101:6.5,102111:5.8,102121:2.6,102201:5.3,102211:2.1,102221:1.3,110000:9.5,110001:9,110010:8.8,110011:7.6,110020:7.6,110021:7,110100:9,110101:7.7,110110:7.5,110111:6.2,110120:6.1,110121:5.3,110200:7.7,110201:6.6,110210:6.8,110211:5.9,110220:5.2,110221:3,111000:8.9,111001:7.8,111010:7.6,111011:6.7,111020:6.2,111021:5.8,111100:7.4,111101:5.9,111110:5.7,111111:5.7,111120:4.7,111121:2.3,111200:6.1,111201:5.2,111210:5.7,111211:2.9,111220:2.4,111221:1.6,112001:7.1,112011:5.9,112021:3,112101:5.8,112111:2.6,112121:1.5,112201:2.3,112211:1.3,112221:0.6,200000:9.3,200001:8.7,200010:8.6,200011:7.2,200020:7.5,200021:5.8,200100:8.6,200101:7.4,200110:7.4,200111:6.1,200120:5.6,200121:3.4,200200:7,200201:5.4,200210:5.2,200211:4,200220:4,200221:2.2,201000:8.5,201001:7.5,201010:7.4,201011:5.5,201020:6.2,201021:5.1,201100:7.2,201101:5.7,201110:5.5,201111:4.1,201120:4.6,201121:1.9,201200:5.3,201201:3.6,201210:3.4,201211:1.9,201220:1.9,201221:0.8,202001:6.4,202011:5.1,202021:2,202101:4.7,202111:2.1,202121:1.1,202201:2.4,202211:0.9,202221:0.4,210000:8.8,210001:7.5,210010:7.3,210011:5.3,210020:6,210021:5,210100:7.3,210101:5.5,210110:5.9,210111:4,210120:4.1,210121:2,210200:5.4,210201:4.3,210210:4.5,210211:2.2,210220:2,210221:1.1,211000:7.5,211001:5.5,211010:5.8,211011:4.5,211020:4,211021:2.1,211100:6.1,211101:5.1,211110:4.8,211111:1.8,211120:2,211121:0.9,211200:4.6,211201:1.8,211210:1.7,211211:0.7,211220:0.8,211221:0.2,212001:5.3,212011:2.4,212021:1.4,212101:2.4,212111:1.2,212121:0.5,212201:1,212211:0.3,212221:0.1'.split(',').forEach(function (pair) {
    var kv = pair.split(':'); SCORES[kv[0]] = parseFloat(kv[1]);
  });
  var HIGHEST = {
    'eq1:0': ['AV:N/PR:N/UI:N/'], 'eq1:1': ['AV:A/PR:N/UI:N/', 'AV:N/PR:L/UI:N/', 'AV:N/PR:N/UI:P/'],
    'eq1:2': ['AV:P/PR:N/UI:N/', 'AV:A/PR:L/UI:P/'], 'eq2:0': ['AC:L/AT:N/'], 'eq2:1': ['AC:H/AT:N/', 'AC:L/AT:P/'],
    'eq4:0': ['SC:H/SI:S/SA:S/'], 'eq4:1': ['SC:H/SI:H/SA:H/'], 'eq4:2': ['SC:L/SI:L/SA:L/'],
    'eq3eq6:00': ['VC:H/VI:H/VA:H/CR:H/IR:H/AR:H/'],
    'eq3eq6:01': ['VC:H/VI:H/VA:L/CR:M/IR:M/AR:H/', 'VC:H/VI:H/VA:H/CR:M/IR:M/AR:M/'],
    'eq3eq6:10': ['VC:L/VI:H/VA:H/CR:H/IR:H/AR:H/', 'VC:H/VI:L/VA:H/CR:H/IR:H/AR:H/'],
    'eq3eq6:11': ['VC:L/VI:H/VA:L/CR:H/IR:M/AR:H/', 'VC:L/VI:H/VA:H/CR:H/IR:M/AR:M/', 'VC:H/VI:L/VA:H/CR:M/IR:H/AR:M/',
      'VC:H/VI:L/VA:L/CR:M/IR:H/AR:H/', 'VC:L/VI:L/VA:H/CR:H/IR:H/AR:M/'],
    'eq3eq6:21': ['VC:L/VI:L/VA:L/CR:H/IR:H/AR:H/']
  };
  var DEPTHS = {
    'eq1:0': 1, 'eq1:1': 4, 'eq1:2': 5, 'eq2:0': 1, 'eq2:1': 2, 'eq4:0': 6, 'eq4:1': 5, 'eq4:2': 4,
    'eq5:0': 1, 'eq5:1': 1, 'eq5:2': 1, 'eq3eq6:00': 7, 'eq3eq6:01': 6, 'eq3eq6:10': 8, 'eq3eq6:11': 8, 'eq3eq6:21': 10
  };
  var LEVELS = {
    AV: { N: 0.0, A: 0.1, L: 0.2, P: 0.3 }, PR: { N: 0.0, L: 0.1, H: 0.2 }, UI: { N: 0.0, P: 0.1, A: 0.2 },
    AC: { L: 0.0, H: 0.1 }, AT: { N: 0.0, P: 0.1 }, VC: { H: 0.0, L: 0.1, N: 0.2 }, VI: { H: 0.0, L: 0.1, N: 0.2 },
    VA: { H: 0.0, L: 0.1, N: 0.2 }, SC: { H: 0.1, L: 0.2, N: 0.3 }, SI: { S: 0.0, H: 0.1, L: 0.2, N: 0.3 },
    SA: { S: 0.0, H: 0.1, L: 0.2, N: 0.3 }, CR: { H: 0.0, M: 0.1, L: 0.2 }, IR: { H: 0.0, M: 0.1, L: 0.2 },
    AR: { H: 0.0, M: 0.1, L: 0.2 }
  };

  function score40(values) {
    function get(key) { return values[key] || 'X'; }
    function m(key) {
      if (key === 'E') { return get('E') === 'X' ? 'A' : get('E'); }
      if (key === 'CR' || key === 'IR' || key === 'AR') { return get(key) === 'X' ? 'H' : get(key); }
      var modified = get('M' + key);
      return modified !== 'X' ? modified : get(key);
    }
    if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every(function (k) { return m(k) === 'N'; })) { return 0; }

    var av4 = m('AV'), pr4 = m('PR'), ui4 = m('UI');
    var eq1 = av4 === 'N' && pr4 === 'N' && ui4 === 'N' ? 0 : av4 !== 'P' && (av4 === 'N' || pr4 === 'N' || ui4 === 'N') ? 1 : 2;
    var eq2 = m('AC') === 'L' && m('AT') === 'N' ? 0 : 1;
    var vc = m('VC'), vi = m('VI'), va = m('VA');
    var eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2;
    var eq4 = m('SI') === 'S' || m('SA') === 'S' ? 0 : m('SC') === 'H' || m('SI') === 'H' || m('SA') === 'H' ? 1 : 2;
    var e4 = m('E'), eq5 = e4 === 'A' ? 0 : e4 === 'P' ? 1 : 2;
    var eq6 = (m('CR') === 'H' && vc === 'H') || (m('IR') === 'H' && vi === 'H') || (m('AR') === 'H' && va === 'H') ? 0 : 1;
    function key(a, b, c, d, e, f) { return '' + a + b + c + d + e + f; }
    function lookup(k) { return Object.prototype.hasOwnProperty.call(SCORES, k) ? SCORES[k] : null; }
    var value = SCORES[key(eq1, eq2, eq3, eq4, eq5, eq6)];

    var distances = null;
    outer:
    for (var a = 0; a < HIGHEST['eq1:' + eq1].length; a++) {
      for (var b = 0; b < HIGHEST['eq2:' + eq2].length; b++) {
        for (var c = 0; c < HIGHEST['eq3eq6:' + eq3 + eq6].length; c++) {
          for (var d = 0; d < HIGHEST['eq4:' + eq4].length; d++) {
            var highest = {};
            (HIGHEST['eq1:' + eq1][a] + HIGHEST['eq2:' + eq2][b] + HIGHEST['eq3eq6:' + eq3 + eq6][c] + HIGHEST['eq4:' + eq4][d])
              .split('/').filter(Boolean).forEach(function (pair) { var kv = pair.split(':'); highest[kv[0]] = kv[1]; });
            var D = function (k) { return LEVELS[k][m(k)] - LEVELS[k][highest[k]]; };
            if (Object.keys(LEVELS).every(function (k) { return D(k) >= 0; })) {
              distances = [D('AV') + D('PR') + D('UI'), D('AC') + D('AT'),
                D('VC') + D('VI') + D('VA') + D('CR') + D('IR') + D('AR'), D('SC') + D('SI') + D('SA')];
              break outer;
            }
          }
        }
      }
    }
    function depth(k) { return DEPTHS[k] * 0.1; }
    function move(lower, distance, k) { return lower === null ? null : (value - lower) * (distance / depth(k)); }
    var eq36;
    if (eq3 === 0 && eq6 === 0) {
      var x = lookup(key(eq1, eq2, eq3, eq4, eq5, 1)), y = lookup(key(eq1, eq2, 1, eq4, eq5, eq6));
      eq36 = x === null ? y : y === null ? x : Math.max(x, y);
    } else if (eq3 === 1 && eq6 === 0) {
      eq36 = lookup(key(eq1, eq2, eq3, eq4, eq5, 1));
    } else {
      eq36 = lookup(key(eq1, eq2, eq3 + 1, eq4, eq5, eq6));
    }
    var moves = [
      move(lookup(key(eq1 + 1, eq2, eq3, eq4, eq5, eq6)), distances[0], 'eq1:' + eq1),
      move(lookup(key(eq1, eq2 + 1, eq3, eq4, eq5, eq6)), distances[1], 'eq2:' + eq2),
      move(eq36, distances[2], 'eq3eq6:' + eq3 + eq6),
      move(lookup(key(eq1, eq2, eq3, eq4 + 1, eq5, eq6)), distances[3], 'eq4:' + eq4),
      move(lookup(key(eq1, eq2, eq3, eq4, eq5 + 1, eq6)), 0, 'eq5:' + eq5)
    ].filter(function (v) { return v !== null; });
    var sum = 0;
    moves.forEach(function (v) { sum += v; });
    var mean = moves.length === 0 ? 0 : sum / moves.length;
    return Math.round((Math.min(Math.max(value - mean, 0), 10) * 10) + 1e-9) / 10;
  }

  /** Scores a vector of either version: what CvssCalculator.Evaluate answers, or null for a vector it refuses. */
  function evaluate(text) {
    var read = parse(text);
    if (!read) { return null; }
    if (read.version === '3.1') {
      var s = score31(read.values);
      return { version: '3.1', vector: format('3.1', read.values), score: s.base, severity: rating(s.base), temporal: s.temporal, environmental: s.environmental };
    }
    var score = score40(read.values);
    return { version: '4.0', vector: format('4.0', read.values), score: score, severity: rating(score) };
  }

  var api = { parse: parse, format: format, evaluate: evaluate, metrics: METRICS };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
    return;
  }

  // The page: each calculator is a fieldset with one select per base metric, the vector box and the result.
  function attach(box) {
    var version = box.getAttribute('data-cvss-version');
    var vector = box.querySelector('input[name="' + box.getAttribute('data-cvss-field') + '"]');
    var shown = box.querySelector('[data-cvss-shown]');
    var result = box.querySelector('[data-cvss-result]');
    var selects = Array.prototype.slice.call(box.querySelectorAll('select[data-cvss-metric]'));
    function show(evaluated) {
      result.textContent = evaluated
        ? box.getAttribute('data-result').replace('{0}', evaluated.score.toFixed(1)).replace('{1}', box.getAttribute('data-rating-' + evaluated.severity.toLowerCase()))
        : box.getAttribute('data-incomplete');
    }
    function fromMetrics() {
      var read = parse(vector.value);
      var values = read && read.version === version ? read.values : {};
      selects.forEach(function (select) {
        if (select.value) { values[select.getAttribute('data-cvss-metric')] = select.value; } else { delete values[select.getAttribute('data-cvss-metric')]; }
      });
      var complete = selects.every(function (select) { return select.value; });
      if (complete) {
        vector.value = format(version, values);
        if (shown) { shown.value = vector.value; }
      }
      show(complete ? evaluate(vector.value) : null);
    }
    function fromVector() {
      var evaluated = evaluate(vector.value.trim());
      if (evaluated && evaluated.version === version) {
        var read = parse(vector.value.trim());
        selects.forEach(function (select) { select.value = read.values[select.getAttribute('data-cvss-metric')] || ''; });
        if (shown) { shown.value = vector.value.trim(); }
      }
      show(evaluated && evaluated.version === version ? evaluated : null);
    }
    selects.forEach(function (select) { select.addEventListener('change', fromMetrics); });
    vector.addEventListener('input', fromVector);
  }
  document.querySelectorAll('[data-cvss-version]').forEach(attach);
})(this);
