// The project's own ESLint rules, loaded by eslint.config.mjs as the `local` plugin.
import layers from './layers.mjs';

export default { meta: { name: 'eslint-plugin-local' }, rules: { layers } };
