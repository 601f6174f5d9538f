import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers/run.js';

afterAll(removeTempDirs);
