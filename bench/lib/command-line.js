// The command line of a benchmark script: flags read one by one, counts checked as positive integers
// (`500_000` allowed), and a bad argument answered with the script's usage and exit status 2, the
// status of a benchmark that could not measure.

export function benchCommandLine(name, usage) {
  const fail = (message) => {
    console.error(`${name}: ${message}`);
    console.error(`usage: ${usage}`);
    process.exit(2);
  };
  const positiveInteger = (flag, text) => {
    const number = Number(text.replaceAll('_', ''));
    if (!Number.isSafeInteger(number) || number < 1) fail(`${flag} must be a positive integer, not ${text}`);
    return number;
  };
  /**
   * Calls `take(flag, value)` for each argument, where `value()` reads the flag's value; `take`
   * returns false for an argument it does not know.
   */
  const parse = (argv, take) => {
    for (let i = 0; i < argv.length; i++) {
      const flag = argv[i];
      const value = () => {
        const next = argv[++i];
        if (next === undefined) fail(`${flag} needs a value`);
        return next;
      };
      if (take(flag, value) === false) fail(`unknown option ${flag}`);
    }
  };
  return { fail, positiveInteger, parse };
}
