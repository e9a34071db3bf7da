import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { ParseResult } from '../../shared/story';
import { adoptStoryStyles } from '../story-styles';
import { adoptSheet } from './adopt-sheet';
import {
  PreviewController,
  type PreviewCallbacks,
  type PreviewRenderOptions,
} from './PreviewController';
import { previewPaneCss } from './preview-styles';

// The React side of the preview: a region that is the scrolling container of
// one PreviewController for its whole life. React renders the region and never
// its content: the story's DOM belongs to the controller, which the editor
// drives directly through the ref (`ref.current.update(parse, locale)`) on
// every change.

export interface StoryPreviewPaneProps extends PreviewCallbacks {
  /** Receives the controller: `update`, `scrollToSource`, `setRenderOptions`. */
  ref?: Ref<PreviewController | null>;
  /**
   * Optional: a parse to show, for hosts without an editor listener. The
   * controller ignores a parse it already shows, so passing it on every
   * render costs nothing.
   */
  parse?: ParseResult | null;
  locale?: string;
  renderOptions?: PreviewRenderOptions;
  className?: string;
  /** The region's accessible name. */
  label?: string;
}

export function StoryPreviewPane({
  ref,
  parse,
  locale,
  renderOptions,
  className,
  label = 'Preview',
  ...callbacks
}: StoryPreviewPaneProps) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<PreviewController | null>(null);
  // The latest callbacks, read when an event fires: the controller is made
  // once and must not hold on to the first render's closures.
  const latest = useRef(callbacks);
  latest.current = callbacks;

  // Made once, on the first mount. StrictMode's mount, unmount, mount keeps
  // the same container element, so it keeps the same controller; the
  // controller's listeners live on that element and go with it.
  useLayoutEffect(() => {
    adoptStoryStyles();
    adoptSheet('storydesk-preview-pane', previewPaneCss);
    if (controller.current || !container.current) return;
    controller.current = new PreviewController(container.current, {
      onOpenEntity: (slug) => latest.current.onOpenEntity(slug),
      onOpenStory: (slug) => latest.current.onOpenStory(slug),
      onRevealSource: (offset) => latest.current.onRevealSource(offset),
      onOpenExternal: (url) => latest.current.onOpenExternal?.(url),
      onPreviewScroll: (offset) => latest.current.onPreviewScroll?.(offset),
    });
  }, []);

  useImperativeHandle(ref, () => controller.current!, []);

  useLayoutEffect(() => {
    if (renderOptions) controller.current?.setRenderOptions(renderOptions);
  }, [renderOptions]);

  useLayoutEffect(() => {
    if (parse) controller.current?.update(parse, locale ?? parse.facts.locale ?? 'en');
  }, [parse, locale]);

  // React renders this element once and never its children: the story's DOM
  // inside it belongs to the controller. Focusable, so the keyboard scrolls it.
  return (
    <div
      ref={container}
      className={className ? `sd-preview ${className}` : 'sd-preview'}
      role="region"
      aria-label={label}
      tabIndex={0}
    />
  );
}
