import { measureTabJs } from '../lib/tabSize.js';
console.log(measureTabJs(process.cwd()));
