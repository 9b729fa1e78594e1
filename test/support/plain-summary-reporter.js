/**
 * Prints the plain closing line CI reads ("jest: N passed, N failed, N skipped"), since
 * Jest's own summary is not one of the formats it recognises.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = PlainSummaryReporter;
