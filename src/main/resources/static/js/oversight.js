// Charts of the oversight dashboard. The data comes in data- attributes (the CSP allows no inline script).
(function () {
  'use strict';
  if (typeof echarts === 'undefined') { return; }
  function read(el, name) {
    try { return JSON.parse(el.getAttribute('data-' + name) || '[]'); } catch (e) { return []; }
  }
  var charts = [];
  var talk = document.getElementById('talk-chart');
  if (talk) {
    var months = read(talk, 'months');
    var chart = echarts.init(talk);
    chart.setOption({
      title: { text: talk.getAttribute('data-title'), left: 'center', textStyle: { fontSize: 14 },
        subtext: months.length ? '' : talk.getAttribute('data-empty') },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
      grid: { left: 40, right: 12, top: 50, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', data: read(talk, 'rates'), itemStyle: { color: '#0b5cad' }, label: { show: true, position: 'top', formatter: '{c}%' } }]
    });
    charts.push(chart);
  }
  var cov = document.getElementById('coverage-chart');
  if (cov) {
    var c2 = echarts.init(cov);
    c2.setOption({
      title: { text: cov.getAttribute('data-title'), left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { valueFormatter: function (v) { return v + '%'; } },
      grid: { left: 90, right: 40, top: 40, bottom: 20 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: read(cov, 'labels') },
      series: [{ type: 'bar', data: read(cov, 'values'), itemStyle: { color: '#15803d' }, label: { show: true, position: 'right', formatter: '{c}%' } }]
    });
    charts.push(c2);
  }
  var risk = document.getElementById('risk-chart');
  if (risk) {
    var values = read(risk, 'values');
    var labels = read(risk, 'labels');
    var c3 = echarts.init(risk);
    c3.setOption({
      title: { text: risk.getAttribute('data-title'), left: 'center', textStyle: { fontSize: 14 },
        subtext: (values[0] || 0) + (values[1] || 0) ? '' : risk.getAttribute('data-empty') },
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '60%'], top: 30, label: { formatter: '{b}: {c}' },
        data: [{ name: labels[0], value: values[0] || 0, itemStyle: { color: '#15803d' } },
               { name: labels[1], value: values[1] || 0, itemStyle: { color: '#b91c1c' } }] }]
    });
    charts.push(c3);
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
