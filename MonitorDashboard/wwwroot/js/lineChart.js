// Our one bridge to ApexCharts (loaded globally from lib/apexcharts). Blazor's <LineChart> calls these functions.
// Series names come from API clients (tags): ApexCharts writes legends and tooltips as HTML, so series names are
// escaped here before ApexCharts sees them. Annotation labels are drawn as SVG text (never parsed as HTML): not escaped.
const charts = new Map();

const escapeHtml = text => String(text ?? "").replace(/[&<>"']/g,
    c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

const formatNumber = value => {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    const abs = Math.abs(value);
    if (abs !== 0 && (abs < 0.001 || abs >= 1e6)) return value.toExponential(2);
    return Number(value.toPrecision(4)).toLocaleString();
};

const defaultColors = ["#1e88e5", "#fb8c00", "#43a047", "#8e24aa", "#e53935", "#00acc1"];

// Where a series has no data (the service was down, the model idle) the line breaks instead of bridging the gap:
// a null is put where the spacing is far above the series' usual spacing.
const withGaps = points => {
    if (points.length < 3) return points.map(p => [p[0], p[1]]);
    const spacings = points.slice(1).map((p, i) => p[0] - points[i][0]).sort((a, b) => a - b);
    const usual = spacings[Math.floor(spacings.length / 2)];
    const result = [[points[0][0], points[0][1]]];
    for (let i = 1; i < points.length; i++) {
        if (points[i][0] - points[i - 1][0] > usual * 5) result.push([points[i - 1][0] + usual, null]);
        result.push([points[i][0], points[i][1]]);
    }
    return result;
};

const toApexSeries = series => series.map(s => ({
    name: escapeHtml(s.name),
    color: s.color ?? undefined,
    data: withGaps(s.points),
}));

// Colours and dashes follow the series list, so they are set again whenever the list changes.
const styleOptions = series => ({
    stroke: { dashArray: series.map(s => s.dash ?? 0) },
    colors: series.map((s, i) => s.color ?? defaultColors[i % defaultColors.length]),
});

// Markers are numbered in their label's class, so the detail (who, what, when) can be found again after every redraw.
const toApexAnnotations = annotations => ({
    yaxis: (annotations ?? []).filter(a => a.kind === "threshold").map(a => ({
        y: a.value, borderColor: a.color ?? "#e53935", strokeDashArray: 6,
        label: { text: a.label, borderColor: "transparent", style: { background: a.color ?? "#e53935", color: "#fff" } },
    })),
    xaxis: (annotations ?? []).filter(a => a.kind !== "threshold").map((a, i) => a.kind === "period"
        ? { x: a.from, x2: a.to, fillColor: a.color ?? "#e53935", opacity: 0.12, label: { text: a.label } }
        : {
            x: a.from, borderColor: a.color ?? "#1e88e5", strokeDashArray: 0,
            label: {
                text: a.label, orientation: "horizontal", borderColor: a.color ?? "#1e88e5",
                style: { background: a.color ?? "#1e88e5", color: "#fff", cssClass: `md-marker-label md-marker-${i}` },
            },
        }),
});

// Hovering a marker's label shows its detail in a small tip (text only, never HTML); aria-label serves screen readers.
let tip = null;
function showTip(text, event) {
    if (!tip) {
        tip = document.createElement("div");
        tip.className = "md-annotation-tip";
        tip.setAttribute("data-testid", "annotation-tip");
        document.body.appendChild(tip);
    }
    tip.textContent = text;
    tip.style.left = `${event.pageX + 12}px`;
    tip.style.top = `${event.pageY + 12}px`;
    tip.style.display = "block";
}
function hideTip() {
    if (tip) tip.style.display = "none";
}
function wireMarkerTips(element, annotations) {
    (annotations ?? []).filter(a => a.kind !== "threshold").forEach((a, i) => {
        if (a.kind !== "marker") return;
        const label = element.querySelector(`.md-marker-${i}`);
        if (!label || label.dataset.tip) return;
        const detail = `${a.detail ?? a.label} (${new Date(a.from).toLocaleString()})`;
        label.dataset.tip = "1";
        label.setAttribute("aria-label", detail);
        label.addEventListener("mouseenter", event => showTip(detail, event));
        label.addEventListener("mouseleave", hideTip);
    });
}

// ApexCharts keeps its light text and grid colours when only the theme mode changes, so set them explicitly.
const themeOptions = dark => ({
    theme: { mode: dark ? "dark" : "light" },
    chart: { foreColor: dark ? "#c8c8d0" : "#373d3f", background: "transparent" },
    grid: { borderColor: dark ? "#3a3a44" : "#e0e0e0" },
    tooltip: { theme: dark ? "dark" : "light" },
});

// Threshold lines must stay visible: the y axis grows to include the highest one.
const thresholdMax = annotations => {
    const values = (annotations ?? []).filter(a => a.kind === "threshold").map(a => a.value);
    return values.length ? Math.max(...values) : null;
};

// 1, 2, 2.5 or 5 times a power of ten, at or above the value, so the ticks stay round.
const niceCeiling = value => {
    if (!(value > 0)) return value;
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    return [1, 2, 2.5, 5, 10].map(f => f * power).find(v => v >= value);
};

// Without thresholds ApexCharts picks round ticks itself; with one, the axis stretches to keep its line in view.
function yaxisFor(config, state) {
    const threshold = thresholdMax(state.annotations);
    return {
        title: { text: config.unit ?? "" },
        labels: { formatter: formatNumber },
        forceNiceScale: true,
        min: config.yMin ?? undefined,
        max: threshold === null ? undefined : max => niceCeiling(Math.max(max, threshold * 1.1)),
    };
}

function optionsFor(config, state) {
    const unit = config.unit ? ` ${config.unit}` : "";
    return {
        chart: {
            type: "line", height: config.height, background: "transparent", fontFamily: "inherit",
            foreColor: config.dark ? "#c8c8d0" : "#373d3f",
            animations: { enabled: false }, toolbar: { show: false }, zoom: { enabled: false },
            sparkline: { enabled: config.sparkline },
            // Annotations are drawn anew on every update: hook the marker tips up again each time.
            events: {
                mounted: chart => wireMarkerTips(chart.el, state.annotations),
                updated: chart => wireMarkerTips(chart.el, state.annotations),
            },
        },
        theme: { mode: config.dark ? "dark" : "light" },
        grid: { borderColor: config.dark ? "#3a3a44" : "#e0e0e0", padding: { left: 8, right: 8 } },
        series: toApexSeries(config.series),
        stroke: { width: config.sparkline ? 1.5 : 2, curve: "straight", dashArray: config.series.map(s => s.dash ?? 0) },
        colors: config.series.some(s => s.color) ? config.series.map((s, i) => s.color ?? defaultColors[i % defaultColors.length]) : undefined,
        markers: { size: 0 },
        xaxis: { type: "datetime", labels: { datetimeUTC: false } },
        yaxis: yaxisFor(config, state),
        legend: { show: !config.sparkline, showForSingleSeries: true, position: "top", horizontalAlign: "left" },
        tooltip: {
            theme: config.dark ? "dark" : "light",
            x: { format: "yyyy-MM-dd HH:mm:ss" },
            y: { formatter: v => formatNumber(v) + unit },
        },
        noData: { text: "No data in this time range" },
        annotations: toApexAnnotations(config.annotations),
    };
}

export function create(element, config) {
    if (!element || typeof ApexCharts === "undefined") return false;
    const state = { annotations: config.annotations };
    const chart = new ApexCharts(element, optionsFor(config, state));
    chart.render();
    charts.set(element, { chart, state, config: { ...config, series: config.series.map(s => ({ ...s, points: [...s.points] })) } });
    return true;
}

// Merges new points into the series: a point at an existing time replaces it (the last bucket grows),
// later points are appended, points before the window and beyond maxPoints drop off the left.
export function append(element, updates, windowStartMs) {
    const entry = charts.get(element);
    if (!entry) return;
    const series = entry.config.series;
    for (const update of updates) {
        let target = series.find(s => s.name === update.name);
        if (!target) {
            target = { name: update.name, color: update.color, dash: update.dash, points: [] };
            series.push(target);
            entry.chart.updateOptions(styleOptions(series), false, false);
        }
        for (const point of update.points) {
            const last = target.points.length ? target.points[target.points.length - 1] : null;
            if (last && point[0] === last[0]) last[1] = point[1];
            else if (!last || point[0] > last[0]) target.points.push([point[0], point[1]]);
        }
        const max = entry.config.maxPoints;
        let drop = 0;
        while (drop < target.points.length && (target.points[drop][0] < windowStartMs || target.points.length - drop > max)) drop++;
        if (drop) target.points.splice(0, drop);
    }
    entry.chart.updateSeries(toApexSeries(series), false);
}

export function replace(element, series) {
    const entry = charts.get(element);
    if (!entry) return;
    entry.config.series = series.map(s => ({ ...s, points: [...s.points] }));
    entry.chart.updateOptions({ ...styleOptions(entry.config.series), series: toApexSeries(entry.config.series) }, false, false);
}

export function setAnnotations(element, annotations) {
    const entry = charts.get(element);
    if (!entry) return;
    entry.state.annotations = annotations;
    entry.chart.updateOptions({ annotations: toApexAnnotations(annotations), yaxis: yaxisFor(entry.config, entry.state) }, true, false);
}

export function setTheme(element, dark) {
    const entry = charts.get(element);
    if (!entry) return;
    entry.chart.updateOptions(themeOptions(dark), false, false);
}

export function dispose(element) {
    const entry = charts.get(element);
    if (!entry) return;
    entry.chart.destroy();
    charts.delete(element);
}

// Histograms (the Drift page): two distributions side by side as grouped bars over shared bins.
function barOptions(config) {
    return {
        chart: {
            type: "bar", height: config.height, background: "transparent", fontFamily: "inherit",
            foreColor: config.dark ? "#c8c8d0" : "#373d3f", animations: { enabled: false }, toolbar: { show: false },
        },
        theme: { mode: config.dark ? "dark" : "light" },
        grid: { borderColor: config.dark ? "#3a3a44" : "#e0e0e0" },
        plotOptions: { bar: { columnWidth: "85%" } },
        dataLabels: { enabled: false },
        series: config.series.map(s => ({ name: escapeHtml(s.name), data: s.values })),
        colors: config.series.map((s, i) => s.color ?? defaultColors[i % defaultColors.length]),
        xaxis: { categories: config.labels, title: { text: config.xTitle ?? "" }, labels: { rotate: -45, hideOverlappingLabels: true } },
        yaxis: { title: { text: config.unit ?? "" }, labels: { formatter: formatNumber }, min: 0 },
        legend: { show: true, position: "top", horizontalAlign: "left" },
        tooltip: { theme: config.dark ? "dark" : "light", y: { formatter: v => formatNumber(v) + (config.unit ? ` ${config.unit}` : "") } },
        noData: { text: "No values in these windows" },
    };
}

export function createBars(element, config) {
    if (!element || typeof ApexCharts === "undefined") return false;
    const chart = new ApexCharts(element, barOptions(config));
    chart.render();
    charts.set(element, { chart, state: {}, config });
    return true;
}

export function replaceBars(element, config) {
    const entry = charts.get(element);
    if (!entry) return;
    entry.config = config;
    entry.chart.updateOptions(barOptions(config), true, false);
}
