// Imported first by main.tsx, so the page's connections are narrowed before other modules run.
import { applyConnectionPolicy } from '../state/connection-policy';

applyConnectionPolicy();
