// Draws every chart of the faultline report with uPlot from the JSON in #charts. Records script errors in
// #script-errors (and body[data-script-errors]) and how many charts drew in #render-status, for people and for tests.
(function () {
  "use strict";
  var errors = 0;
  function recordError(message) {
    var el = document.getElementById("script-errors");
    el.hidden = false;
    el.textContent += "script error: " + message + "\n";
    errors += 1;
    document.body.setAttribute("data-script-errors", String(errors));
  }
  window.onerror = function (message, source, line, column) {
    recordError(message + " at " + source + ":" + line + ":" + column);
  };
  window.addEventListener("unhandledrejection", function (e) { recordError(String(e.reason)); });

  var COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
    "#7f7f7f", "#bcbd22"];
  var status = document.getElementById("render-status");
  var drawn = {};
  var expected = Number(status.getAttribute("data-expected"));

  function markDrawn(id) {
    if (drawn[id]) { return; }
    drawn[id] = true;
    var count = Object.keys(drawn).length;
    status.setAttribute("data-drawn", String(count));
    status.textContent = "charts drawn: " + count + " of " + expected;
    if (count === expected) { status.setAttribute("data-complete", "true"); }
  }

  // x = 1/(1-p): 10 is 90%, 100 is 99%, 1000 is 99.9%; one more decimal per decade past 99%.
  function percentileLabel(x) {
    var p = (1 - 1 / x) * 100;
    return p.toFixed(Math.max(0, Math.round(Math.log10(x)) - 2)) + "%";
  }

  // Shades each band (a fault's window) across the plot and writes its name at the top.
  function bandsPlugin(bands) {
    return {
      hooks: {
        drawClear: [function (u) {
          var ctx = u.ctx;
          ctx.save();
          bands.forEach(function (b, i) {
            var x0 = u.valToPos(b.from, "x", true);
            var x1 = u.valToPos(b.to, "x", true);
            var left = Math.max(u.bbox.left, Math.min(x0, x1));
            var right = Math.min(u.bbox.left + u.bbox.width, Math.max(x0, x1));
            if (right <= left) { return; }
            ctx.fillStyle = b.label === "converging" ? "rgba(44,160,44,0.12)" : "rgba(255,140,0,0.16)";
            ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
            ctx.fillStyle = "#8a4b00";
            ctx.font = Math.round(11 * devicePixelRatio) + "px sans-serif";
            ctx.textBaseline = "top";
            ctx.fillText(b.label, left + 3 * devicePixelRatio, u.bbox.top + (2 + 13 * (i % 3)) * devicePixelRatio);
          });
          ctx.restore();
        }]
      }
    };
  }

  function options(spec, width) {
    var states = spec.yStates || [];
    var series = [{ label: spec.xPercentile ? "percentile" : "s",
      value: spec.xPercentile ? function (u, v) { return v == null ? "-" : percentileLabel(v); } : undefined }];
    spec.series.forEach(function (name, i) {
      var s = { label: name, stroke: COLORS[i % COLORS.length], width: 1.5, spanGaps: spec.xPercentile };
      if (states.length) {
        s.paths = uPlot.paths.stepped({ align: 1 });
        s.value = function (u, v) { return v == null ? "-" : states[v]; };
      }
      series.push(s);
    });
    var xAxis = { label: spec.xLabel, stroke: "#333" };
    if (spec.xPercentile) {
      xAxis.values = function (u, vals) { return vals.map(function (v) { return percentileLabel(v); }); };
      xAxis.splits = function (u) {
        var out = [];
        for (var v = 1; v <= u.scales.x.max * 1.0001; v *= 10) { out.push(v); }
        return out;
      };
    }
    var yAxis = { label: spec.yLabel, stroke: "#333", size: 60 };
    if (states.length) {
      yAxis.splits = function () { return states.map(function (s, i) { return i; }); };
      yAxis.values = function (u, vals) { return vals.map(function (v) { return states[v] || ""; }); };
      yAxis.size = 90;
    }
    return {
      title: spec.title,
      width: width,
      height: 240,
      scales: {
        x: spec.xPercentile ? { time: false, distr: 3, log: 10 } : { time: false },
        y: spec.yLog ? { distr: 3, log: 10 } : states.length ? { range: [-0.5, states.length - 0.5] } : {}
      },
      axes: [xAxis, yAxis],
      series: series,
      plugins: [bandsPlugin(spec.bands || [])],
      hooks: { draw: [function () { markDrawn(spec.id); }] }
    };
  }

  function positive(data, log) {
    if (!log) { return data; }
    return data.map(function (col, i) {
      return i === 0 ? col : col.map(function (v) { return v == null ? null : Math.max(v, 0.001); });
    });
  }

  var specs = JSON.parse(document.getElementById("charts").textContent);
  specs.forEach(function (spec) {
    try {
      var el = document.getElementById("chart-" + spec.id);
      var width = Math.max(320, (el.clientWidth || 570) - 10);
      new uPlot(options(spec, width), positive(spec.data, spec.yLog), el);
    } catch (e) {
      recordError(spec.id + ": " + (e && e.stack ? e.stack : e));
    }
  });
  if (expected === 0) { status.setAttribute("data-complete", "true"); }
})();
