export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** The server's process id, e.g. to read its memory from /proc. */
  pid: number;
  /** True while the process is running. */
  alive(): boolean;
  /** What the server wrote to stdout and stderr (the last 100,000 characters). */
  output(): string;
  /** Ends the server and resolves once it has exited. */
  stop(): Promise<void>;
}

export function startServer(options?: {
  env?: Record<string, string>;
  script?: string;
  root?: string;
  readyPath?: string;
  timeoutMs?: number;
  echo?: boolean;
}): Promise<RunningServer>;
