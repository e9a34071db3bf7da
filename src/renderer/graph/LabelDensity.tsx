// The label density slider, the same in the desk's graph and the story's.

export function LabelDensity({
  value,
  onChange,
}: {
  value: number;
  onChange: (density: number) => void;
}) {
  return (
    <label className="graph-field inline">
      <span>Labels</span>
      <input
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={value}
        aria-valuetext={`${Math.round(value * 100)}%`}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}
