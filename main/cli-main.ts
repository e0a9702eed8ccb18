/** Entry point of the `factmark` binary (dist/cli.cjs). */
import { runCli } from './cli.js';

// `factmark export ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('factmark: unexpected error:', error);
    process.exitCode = 70;
  },
);
