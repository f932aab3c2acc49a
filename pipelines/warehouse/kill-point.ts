/**
 * Crash points for the atomicity test: when KBM_WAREHOUSE_KILL_AT names this point, the
 * build kills its own process with SIGKILL (no cleanup, no finally blocks), as a power cut or
 * an OOM kill would. Points: temp-created, mid-insert, before-rename.
 */
export const KILL_POINTS = ["temp-created", "mid-insert", "before-rename"] as const;
export type KillPoint = (typeof KILL_POINTS)[number];

export function killPoint(point: KillPoint): void {
  if (process.env.KBM_WAREHOUSE_KILL_AT === point) process.kill(process.pid, "SIGKILL");
}
