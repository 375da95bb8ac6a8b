/** One line of `npm run bench`'s table: ledgerspec's figure, the peer it is compared with on the
 * same input in the same run, their ratio (ledgerspec / peer, so lower is better for times and
 * higher for throughput), and the goal issue #15 sets for it. */
export interface BenchRow {
  work: string;
  ours: string;
  peer: string;
  ratio: number;
  goal: string;
}

/** A bench module in bench/: measures when `measure()` is called, prints nothing itself. */
export interface BenchModule {
  measure(): Promise<BenchRow[]>;
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['work', 'ledgerspec', 'peer', 'ratio', 'goal'];
  const lines = rows.map((row) => [row.work, row.ours, row.peer, `${row.ratio.toFixed(2)}×`, row.goal]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
