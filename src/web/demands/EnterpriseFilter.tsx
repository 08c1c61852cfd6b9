import { useEnterprise } from '../enterprises/enterprise-api.js';
import { EnterpriseSelect } from '../identity/EnterpriseSelect.js';

/** The enterprise picker of the filter bar; names the enterprise chosen by a shared URL. */
export function EnterpriseFilter({ value, onChange }: { value?: string; onChange: (value: string | undefined) => void }) {
  const chosen = useEnterprise(value);
  return (
    <div className="yq-enterprise-filter">
      <EnterpriseSelect value={value ?? null} onChange={(v) => onChange(v ?? undefined)} initialLabel={chosen.data?.name ?? null} />
    </div>
  );
}
