/**
 * Jest transform for the one ES module the code loads with require() (unpdf's PDF.js bundle):
 * Node ≥ 20.19 loads it natively, jest's module runtime on Node 20 cannot, so esbuild turns it
 * into CommonJS for the tests only.
 */
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const out = transformSync(source, { format: 'cjs', loader: 'js', sourcefile: filename, logLevel: 'error' });
    return { code: out.code };
  },
};
