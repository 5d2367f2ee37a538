/** A labelled range input that shows its value in words; keyboard-usable as any native range input. */
import { useId } from 'react';

export function Slider(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  display: string;
  onChange: (value: number) => void;
  disabled?: boolean;
  note?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className={`slider${props.disabled ? ' disabled' : ''}`}>
      <label htmlFor={id}>
        <span>{props.label}</span>
        <output htmlFor={id}>{props.display}</output>
      </label>
      <input
        id={id}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testId}
        aria-valuetext={props.display}
        onChange={(event) => props.onChange(Number(event.target.value))}
      />
      {props.note && <p className="note">{props.note}</p>}
    </div>
  );
}
