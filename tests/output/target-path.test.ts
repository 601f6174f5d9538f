import { describe, expect, it } from 'vitest';
import { PathPlanner, safeFileStem } from '../../src/output/target-path.js';
import { recordOf, item } from '../sources/wxr/wxr-fixture.js';

describe('safeFileStem', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c', 'a-b-c'],
    ['..', ''],
    ['con', '_con'],
    ['CON.txt', '_CON.txt'],
    ['tab\there\u0000nul', 'tab-here-nul'],
    ['日本-café', '日本-café'],
  ])('%j -> %j', (slug, expected) => {
    expect(safeFileStem(slug)).toBe(expected);
  });

  it('bounds the length in bytes without cutting a character', () => {
    const stem = safeFileStem('é'.repeat(300));
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(120);
    expect(stem).toBe('é'.repeat(60));
  });
});

describe('PathPlanner', () => {
  it('puts posts, pages and custom types in their collection', () => {
    const planner = new PathPlanner();
    expect(planner.plan(recordOf(item()))).toBe('posts/bonjour.md');
    expect(planner.plan(recordOf(item({ post_type: 'page' })))).toBe('pages/bonjour.md');
    expect(planner.plan(recordOf(item({ post_type: 'recipe' })))).toBe('recipe/bonjour.md');
  });

  it('gives colliding slugs distinct deterministic names, case-insensitively', () => {
    const planner = new PathPlanner();
    expect(planner.plan(recordOf(item({ post_id: '1' })))).toBe('posts/bonjour.md');
    expect(planner.plan(recordOf(item({ post_id: '2', post_name: 'Bonjour' })))).toBe('posts/Bonjour-2.md');
    expect(planner.plan(recordOf(item({ post_id: '3' })))).toBe('posts/bonjour-3.md');
  });

  it('never lets a post type take the name of a file unpress writes itself', () => {
    const planner = new PathPlanner();
    expect(planner.plan(recordOf(item({ post_type: 'manifest.json' })))).toBe('manifest.json_/bonjour.md');
  });

  it('derives a name from the title when the slug is empty', () => {
    const planner = new PathPlanner();
    expect(planner.plan(recordOf(item({ post_name: '', title: 'Élan &amp; vie' })))).toBe('posts/elan-vie.md');
    expect(planner.plan(recordOf(item({ post_name: '', title: '' })))).toBe('posts/untitled-10.md');
  });
});
