import { purposeLabels, purposes, type Purpose } from '@core/co-production/consent';
import { capitalise } from '../../ui/format';

/** One radio button per use a consultee can agree to, for the fieldset that asks a pack's use. */
export function PurposeRadios({
  name,
  value,
  onChange,
}: {
  name: string;
  value: Purpose | null;
  onChange: (purpose: Purpose) => void;
}) {
  return purposes.map((each) => (
    <label key={each} className="checkbox">
      <input type="radio" name={name} value={each} checked={value === each} onChange={() => onChange(each)} />
      {capitalise(purposeLabels[each])}
    </label>
  ));
}
