/** Entry point of the `factmark` binary (dist/cli.cjs). */
import { describeError, oneLine, runCli } from './cli.js';

/**
 * The last resort, for what runCli could not catch (an error thrown from a callback,
 * a promise no one awaited): still one line and no stack trace, exit 70 (EX_SOFTWARE)
 * to say it is Factmark's fault, not the user's.
 */
function crash(error: unknown): void {
  process.stderr.write(`factmark: ${oneLine(describeError(error))}\n`);
  process.exit(70);
}

// `factmark export ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  crash(error);
});
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, crash);
