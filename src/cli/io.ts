/** The streams the CLI writes to; process.stdout/stderr in real use, buffers in tests. */
export interface OutStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  /** The environment, for NO_COLOR / FORCE_COLOR / TERM (process.env in real use). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
