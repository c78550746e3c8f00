// A small line chart as SVG text (two series sharing the x axis, each with its own y scale), so BENCHMARKS.md
// can show a curve without a plotting dependency.

export interface Series {
  readonly label: string;
  readonly unit: string;
  readonly color: string;
  readonly points: readonly (readonly [x: number, y: number])[];
}

const WIDTH = 720;
const HEIGHT = 360;
const MARGIN = { left: 70, right: 70, top: 40, bottom: 50 };

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * `left` may be several series sharing the left axis (drawn with a legend, under `leftLabel`); `right` has its own
 * scale on the right.
 */
export function lineChart(title: string, xLabel: string, left: Series | readonly Series[], right: Series, leftLabel?: string): string {
  const lefts: readonly Series[] = Array.isArray(left) ? left : [left as Series];
  const xs = [...lefts.flatMap((s) => s.points), ...right.points].map(([x]) => x);
  const xMax = Math.max(...xs, 1);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => MARGIN.left + (x / xMax) * plotW;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotH}" x2="${MARGIN.left + plotW}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
    `<text x="${WIDTH / 2}" y="${HEIGHT - 12}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const x = (xMax * i) / 4;
    parts.push(`<text x="${sx(x)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${Math.round(x)}</text>`);
  }
  const axes = [
    { side: 'left', series: lefts, color: lefts.length > 1 ? 'black' : lefts[0]!.color, label: `${lefts.length > 1 ? (leftLabel ?? lefts[0]!.label) : lefts[0]!.label} (${lefts[0]!.unit})` },
    { side: 'right', series: [right], color: right.color, label: `${right.label} (${right.unit})` },
  ] as const;
  for (const { side, series: group, color, label } of axes) {
    const yMax = Math.max(...group.flatMap((s) => s.points.map(([, y]) => y)), 1e-9) * 1.1;
    const sy = (y: number) => MARGIN.top + plotH - (y / yMax) * plotH;
    const axisX = side === 'left' ? MARGIN.left : MARGIN.left + plotW;
    parts.push(`<line x1="${axisX}" y1="${MARGIN.top}" x2="${axisX}" y2="${MARGIN.top + plotH}" stroke="${color}"/>`);
    for (let i = 0; i <= 4; i++) {
      const y = (yMax * i) / 4;
      const tx = side === 'left' ? axisX - 6 : axisX + 6;
      parts.push(`<text x="${tx}" y="${sy(y) + 4}" text-anchor="${side === 'left' ? 'end' : 'start'}" fill="${color}">${y.toFixed(y < 10 ? 1 : 0)}</text>`);
    }
    const labelX = side === 'left' ? 14 : WIDTH - 14;
    parts.push(
      `<text x="${labelX}" y="${MARGIN.top + plotH / 2}" text-anchor="middle" fill="${color}" transform="rotate(-90 ${labelX} ${MARGIN.top + plotH / 2})">${escapeXml(label)}</text>`,
    );
    for (const series of group) {
      const path = series.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
      parts.push(`<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="2"/>`);
    }
  }
  if (lefts.length > 1) {
    // The legend, top left inside the plot: one swatch per series, the right axis's last.
    [...lefts, right].forEach((series, i) => {
      const y = MARGIN.top + 14 + i * 16;
      parts.push(`<line x1="${MARGIN.left + 10}" y1="${y - 4}" x2="${MARGIN.left + 30}" y2="${y - 4}" stroke="${series.color}" stroke-width="2"/>`);
      parts.push(`<text x="${MARGIN.left + 36}" y="${y}" fill="${series.color}">${escapeXml(series.label)}</text>`);
    });
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
