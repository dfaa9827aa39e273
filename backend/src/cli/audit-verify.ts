import type { AuditProblem, AuditRepository } from '../store/types';

/** Where the command writes: stdout for the verdict, stderr for each problem. */
export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

/** One problem as a line a person (or a grep) can act on. */
export function describeProblem(p: AuditProblem): string {
  const ids = p.id === p.throughId ? `record ${p.id}` : `records ${p.id}..${p.throughId}`;
  const tenant = p.tenantId ? ` (tenant ${p.tenantId})` : '';
  return `${p.kind.toUpperCase()} ${ids}${tenant}: ${p.message}`;
}

/**
 * `wagechat audit verify [--tenant T]`: walks the whole chain (it is one chain across tenants)
 * and names every edited, inserted and deleted record. With a tenant, only that tenant's
 * records are reported, plus deletions, whose tenant nobody can know any more.
 * @returns the exit code: 0 intact, 1 tampered
 */
export async function auditVerifyCommand(
  audit: AuditRepository,
  tenant: string | undefined,
  out: CommandOutput,
): Promise<number> {
  const problems = (await audit.verifyAll()).filter(
    (p) => tenant === undefined || p.tenantId === null || p.tenantId === tenant,
  );
  const newest = (await audit.query({ tenantId: null, limit: 1 }))[0]?.id ?? 0;
  if (problems.length === 0) {
    out.log(
      `Audit chain intact: ${newest} records checked${tenant ? ` (tenant ${tenant} included)` : ''}.`,
    );
    return 0;
  }
  for (const problem of problems) out.error(describeProblem(problem));
  out.error(`Audit chain TAMPERED: ${problems.length} problem(s) in ${newest} records.`);
  return 1;
}
