/** A dataset of generated events (the bench's generator, on the latest schema) with the registries they name (on 1.0.0: a mixed dataset), as files for writeDataset. */
import { stringify } from "yaml";
import { syntheticEvents } from "../../bench/synthetic.ts";

export function syntheticDataset(records: number, seed = 3): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [stem, record] of syntheticEvents({ records, seed })) files[`${stem}.yaml`] = stringify(record, { lineWidth: 0 });
  for (let i = 0; i < 400; i++) {
    const id = `actor-${String(i).padStart(4, "0")}`;
    files[`data/actors/${id}.yaml`] = stringify({ schema_version: "1.0.0", id, name: `Actor ${i}`, kind: "organization" });
  }
  for (const id of ["afp", "reuters", "ap", "dpa", "efe", "ansa", "kyodo", "yonhap", "anadolu", "interfax"])
    files[`data/outlets/${id}.yaml`] = stringify({ schema_version: "1.0.0", id, name: id, kind: "wire_agency", country: "FRA", domains: [`${id}.example.com`] });
  return files;
}
