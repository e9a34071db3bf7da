import { describe, expect, it } from 'vitest';
import { storyCss } from '../../shared/render';
import { previewPaneCss, storyPalette } from './preview-styles';

describe('the preview pane stylesheet', () => {
  it('reads both of the story’s palettes from storyCss', () => {
    const light = storyPalette(storyCss, false);
    const dark = storyPalette(storyCss, true);
    expect(light).toMatch(/--story-bg: #fdfcfa;/);
    expect(dark).toMatch(/--story-bg: #151719;/);
    expect(light.split(';').length).toBe(dark.split(';').length);
    expect(light.split(';').length).toBeGreaterThan(5);
  });

  it('re-themes the story when the workbench picks a theme', () => {
    expect(previewPaneCss).toContain(
      ':root[data-theme="dark"] .sd-preview .story { --story-bg: #151719;',
    );
  });
});
