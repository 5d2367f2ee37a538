/**
 * Renders a vega-lite specification to SVG text headless (no browser, no canvas): vega-lite
 * compiles it to a vega specification, a vega `View` with the `none` renderer lays it out, and
 * `toSVG()` serialises it. vega is heavy (≈ 0.3 s to load), so it is imported here, on first use.
 */
import type { TopLevelSpec } from 'vega-lite';

/** Fonts for every text: a sans-serif stack that rasterisers (rsvg, browsers) all resolve. */
export const PLOT_FONT = 'Helvetica, Arial, "DejaVu Sans", sans-serif';

/** Shared look of trialsim plots: plain white background, sans-serif text, quiet grid. */
const PLOT_CONFIG = {
  font: PLOT_FONT,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6', titleFontWeight: 'normal' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
  title: { fontSize: 14, subtitleFontSize: 12, anchor: 'start', subtitleColor: '#555' },
} as const;

/**
 * Compiles and renders `spec` to a standalone SVG document (with the XML namespace, so it opens
 * on its own in a browser or image viewer).
 *
 * Example: a one-point `{ mark: 'point', data: { values: [{ x: 1 }] }, encoding: { x: { field: 'x', type: 'quantitative' } } }`
 * renders to text starting `<svg xmlns="http://www.w3.org/2000/svg"` holding one `mark-symbol` group.
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  const [{ compile }, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const withConfig = { ...spec, config: { ...PLOT_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const compiled = compile(withConfig).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return svg.endsWith('\n') ? svg : `${svg}\n`;
  } finally {
    view.finalize();
  }
}
