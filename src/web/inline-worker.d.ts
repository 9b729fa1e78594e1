/** The worker bundle's text (webpack.config.js, the standalone build: asset/source of dist/worker.js). */
declare module 'selfeval-inline-worker' {
  const source: string;
  export default source;
}
