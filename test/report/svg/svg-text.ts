// Small readers of vega's SVG output for the tests: the inner text of the `<g>` whose class holds
// a mark name (balanced over nested groups), and the elements inside it.

/** Inner XML of every `<g>` whose class attribute contains `className`. */
export function groupsWithClass(svg: string, className: string): string[] {
  const found: string[] = [];
  const opener = new RegExp(`<g class="[^"]*\\b${className}\\b[^"]*"[^>]*>`, 'g');
  for (let match = opener.exec(svg); match; match = opener.exec(svg)) {
    let depth = 1;
    let i = match.index + match[0].length;
    const start = i;
    while (depth > 0 && i < svg.length) {
      const nextOpen = svg.indexOf('<g', i);
      const nextClose = svg.indexOf('</g>', i);
      if (nextClose === -1) break;
      if (nextOpen !== -1 && nextOpen < nextClose && /^<g[\s>]/.test(svg.slice(nextOpen, nextOpen + 3))) {
        depth += 1;
        i = nextOpen + 2;
      } else {
        depth -= 1;
        i = nextClose + 4;
      }
    }
    found.push(svg.slice(start, i - 4));
  }
  return found;
}

/** Every `<tag …>` element in `xml` (opening tags, self-closing or not). */
export function elements(xml: string, tag: string): string[] {
  return xml.match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? [];
}

/** The text content of every `<text>` element in `xml`, entities left as they are. */
export function texts(xml: string): string[] {
  return [...xml.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/** The x and y of a `transform="translate(x,y)"` attribute. */
export function translation(element: string): [number, number] {
  const match = element.match(/translate\(([-\d.e]+),([-\d.e]+)\)/);
  if (!match) throw new Error(`no translate in ${element}`);
  return [Number(match[1]), Number(match[2])];
}
