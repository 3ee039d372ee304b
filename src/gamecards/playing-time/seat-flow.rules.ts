/**
 * Seating players into quarters: a small maximum-flow over the bipartite graph players -> quarters.
 * A player sits in a quarter at most once and only where `allowed[p][q]`; quarter q seats at most
 * `seats[q]` players. Both the playing-time rule (what everyone can be owed at once) and the
 * rotation planner (who plays when) use it, so they agree on what is possible.
 */
export class SeatFlow {
  private readonly seated: boolean[][];
  private readonly load: number[];
  private readonly totals: number[];

  constructor(
    private readonly allowed: readonly (readonly boolean[])[],
    private readonly seats: readonly number[],
  ) {
    this.seated = allowed.map((row) => row.map(() => false));
    this.load = seats.map(() => 0);
    this.totals = allowed.map(() => 0);
  }

  /** True when player p is seated in quarter q. */
  plays(p: number, q: number): boolean {
    return this.seated[p][q];
  }

  /** Quarters player p is seated in. */
  total(p: number): number {
    return this.totals[p];
  }

  /**
   * Seats player p in one more quarter, moving other players between quarters if that makes room
   * (nobody else loses a quarter). False when no arrangement gives p another quarter; once false for
   * p it stays false however others are added later (the augmenting-path property of flows).
   */
  addOne(p: number): boolean {
    return this.extend(
      p,
      this.seats.map(() => false),
    );
  }

  private extend(p: number, visited: boolean[]): boolean {
    for (let q = 0; q < this.seats.length; q++) {
      if (!this.allowed[p][q] || this.seated[p][q] || visited[q]) continue;
      visited[q] = true;
      if (this.load[q] < this.seats[q]) {
        this.set(p, q, true);
        return true;
      }
      for (let r = 0; r < this.seated.length; r++) {
        if (r === p || !this.seated[r][q] || !this.extend(r, visited)) continue;
        this.set(r, q, false);
        this.set(p, q, true);
        return true;
      }
    }
    return false;
  }

  private set(p: number, q: number, on: boolean): void {
    const step = on ? 1 : -1;
    this.seated[p][q] = on;
    this.load[q] += step;
    this.totals[p] += step;
  }
}

/** True when every player p can be seated in `demand[p]` distinct allowed quarters at once. */
export function canSeat(allowed: readonly (readonly boolean[])[], seats: readonly number[], demand: readonly number[]): boolean {
  const flow = new SeatFlow(allowed, seats);
  return demand.every((d, p) => {
    for (let i = 0; i < d; i++) if (!flow.addOne(p)) return false;
    return true;
  });
}
