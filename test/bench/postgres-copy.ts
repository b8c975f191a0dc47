/**
 * `COPY … FROM STDIN` over a plain `pg` client, for the bench's raw-COPY baseline. `pg` sends
 * any object with `submit(connection)` as a query and hands it the protocol's messages; this
 * one answers the server's CopyInResponse with the rows and ends the copy (as pg-copy-streams
 * does, without the stream).
 */
import type pg from 'pg';

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** Rows per CopyData message: the server takes any split; fewer, larger messages are cheaper. */
const CHUNK_BYTES = 64 * 1024;

class CopyIn {
  private error: Error | null = null;
  readonly done: Promise<void>;
  private settle!: (error: Error | null) => void;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve());
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    for (let start = 0; start < this.data.length; start += CHUNK_BYTES)
      connection.sendCopyFromChunk(this.data.subarray(start, start + CHUNK_BYTES));
    connection.endCopyFrom();
  }

  handleCommandComplete(): void {}

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    this.settle(this.error);
  }
}

/** Runs `COPY table (…) FROM STDIN …` with `data` as its input. */
export async function copyFrom(client: pg.Client, text: string, data: string): Promise<void> {
  const copy = new CopyIn(text, Buffer.from(data));
  client.query(copy as unknown as pg.QueryConfig);
  await copy.done;
}
