export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/**
 * A labelled drop-down list in the app's field layout. `anyLabel` adds a first choice with the
 * empty value, for filters ("Any audience").
 */
export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  anyLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: T | '';
  options: readonly SelectOption<T>[];
  anyLabel?: string;
  onChange: (value: T | '') => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
