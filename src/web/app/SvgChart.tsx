/**
 * Shows an SVG picture drawn asynchronously (vega renders off-screen to SVG text). Redraws when
 * `drawKey` changes; while one drawing is under way, later requests collapse into one, so a
 * stream of live updates never queues up drawings. Without a `draw` the last picture stays (the
 * card marks it as out of date while a new run is under way).
 */
import { useEffect, useRef, useState } from 'react';

export function SvgChart(props: {
  draw: (() => Promise<string>) | null;
  drawKey: string;
  label: string;
  onSvg?: (svg: string) => void;
}) {
  const [svg, setSvg] = useState('');
  const drawRef = useRef(props.draw);
  drawRef.current = props.draw;
  const busy = useRef(false);
  const again = useRef(false);
  const onSvg = useRef(props.onSvg);
  onSvg.current = props.onSvg;

  useEffect(() => {
    const run = async () => {
      if (busy.current) {
        again.current = true;
        return;
      }
      busy.current = true;
      try {
        do {
          again.current = false;
          const draw = drawRef.current;
          if (!draw) continue;
          const next = await draw();
          setSvg(next);
          onSvg.current?.(next);
        } while (again.current);
      } catch (error) {
        console.error(error);
      } finally {
        busy.current = false;
      }
    };
    void run();
  }, [props.drawKey]);

  return (
    <div
      className="chart"
      role="img"
      aria-label={props.label}
      // The SVG comes from our own renderer (vega's string output), never from user text as markup.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
